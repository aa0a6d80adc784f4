// Bad input on the public invitation routes: a clear 4xx, the one error shape, and the invitation
// stays pending with no user created.
import { beforeAll, describe, expect, it } from "vitest";
import { GOOD_PASSWORD, call, signUp, type CallOptions } from "../helpers/api";
import { expectError, fingerprint, freshIp, preview, sendInvite, type SentInvite } from "./support";

let sent: SentInvite;

beforeAll(async () => {
  const owner = await signUp();
  sent = await sendInvite(owner, "host");
});

const json = (raw: string): CallOptions => ({ raw, headers: { "Content-Type": "application/json" } });
const ok = { name: "Valid Name", password: GOOD_PASSWORD };

type Case = [label: string, opts: () => CallOptions, status: number, code: string];

const acceptCases: Case[] = [
  ["empty object", () => ({ body: {} }), 400, "validation_failed"],
  ["no password", () => ({ body: { name: ok.name } }), 400, "validation_failed"],
  ["no name", () => ({ body: { password: ok.password } }), 400, "validation_failed"],
  ["empty name", () => ({ body: { ...ok, name: "" } }), 400, "validation_failed"],
  ["blank name", () => ({ body: { ...ok, name: "    " } }), 400, "validation_failed"],
  ["name over 120 characters", () => ({ body: { ...ok, name: "n".repeat(121) } }), 400, "validation_failed"],
  ["name is a number", () => ({ body: { ...ok, name: 42 } }), 400, "validation_failed"],
  ["name is an object", () => ({ body: { ...ok, name: { first: "A" } } }), 400, "validation_failed"],
  ["password is a number", () => ({ body: { ...ok, password: 12345678 } }), 400, "validation_failed"],
  ["password is empty", () => ({ body: { ...ok, password: "" } }), 400, "validation_failed"],
  ["password over 1024 characters", () => ({ body: { ...ok, password: `Aa1!${"x".repeat(1100)}` } }), 400, "validation_failed"],
  ["password over bcrypt's 72 bytes", () => ({ body: { ...ok, password: `Aa1!${"é".repeat(40)}` } }), 400, "validation_failed"],
  ["password breaking the rules", () => ({ body: { ...ok, password: "alllowercase" } }), 400, "validation_failed"],
  ["a common password", () => ({ body: { ...ok, password: "P@ssw0rd" } }), 400, "validation_failed"],
  ["body is an array", () => ({ body: [ok] }), 400, "validation_failed"],
  ["body is null", () => json("null"), 400, "validation_failed"],
  ["malformed JSON", () => json('{"name": "x", '), 400, "validation_failed"],
  ["text/plain body", () => ({ raw: JSON.stringify(ok), headers: { "Content-Type": "text/plain" } }), 415, "unsupported_media_type"],
  ["body over 64 KiB", () => json(JSON.stringify({ ...ok, name: "x".repeat(65 * 1024) })), 413, "payload_too_large"],
];

describe("bad input on POST /api/invites/:token/accept", () => {
  it.each(acceptCases.map((c): Case => [`${c[0]} → ${c[2]}; the invitation stays pending`, ...c.slice(1)] as Case))("%s", async (_label, opts, status, code) => {
    const before = await fingerprint();
    const res = await call("POST", `/api/invites/${sent.token}/accept`, { ip: freshIp(), ...opts() });
    expectError(res, status, code);
    expect(await fingerprint()).toEqual(before);
  });

  it("refuses a token over 128 characters (400) on accept and on GET", async () => {
    const long = "t".repeat(129);
    expectError(await call("POST", `/api/invites/${long}/accept`, { body: ok, ip: freshIp() }), 400, "validation_failed");
    expectError(await preview(long), 400, "validation_failed");
  });

  it("still works with good input after all of that", async () => {
    expect((await preview(sent.token)).status).toBe(200);
    const res = await call("POST", `/api/invites/${sent.token}/accept`, { body: ok, ip: freshIp() });
    expect(res.status).toBe(201);
  });
});
