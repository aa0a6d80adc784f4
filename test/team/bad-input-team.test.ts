// Bad input on the signed-in team routes: a clear 4xx in the one error shape, and nothing changes.
import { beforeAll, describe, expect, it } from "vitest";
import { addMember, call, signUp, uniqueEmail, type CallOptions, type SignedUp } from "../helpers/api";
import { expectError, fingerprint, sendInvite } from "./support";

let owner: SignedUp;
let hostId: string;
let inviteId: string;

beforeAll(async () => {
  owner = await signUp();
  hostId = (await addMember(owner, "host")).userId;
  inviteId = (await sendInvite(owner, "host")).inviteId;
});

const json = (raw: string): CallOptions => ({ raw, headers: { "Content-Type": "application/json" } });
const tooBig = (field: string) => json(JSON.stringify({ [field]: "x".repeat(65 * 1024) }));
const email = () => uniqueEmail("bad-input");

type Case = [label: string, method: string, path: () => string, opts: () => CallOptions, status: number, code: string];

const invites = () => "/api/team/invites";
const member = () => `/api/team/members/${hostId}`;

const cases: Case[] = [
  // POST /api/team/invites
  ["invite: empty object", "POST", invites, () => ({ body: {} }), 400, "validation_failed"],
  ["invite: no role", "POST", invites, () => ({ body: { email: email() } }), 400, "validation_failed"],
  ["invite: no email", "POST", invites, () => ({ body: { role: "host" } }), 400, "validation_failed"],
  ["invite: email is a number", "POST", invites, () => ({ body: { email: 123, role: "host" } }), 400, "validation_failed"],
  ["invite: email is not an address", "POST", invites, () => ({ body: { email: "not-an-email", role: "host" } }), 400, "validation_failed"],
  ["invite: email with a header injection", "POST", invites, () => ({ body: { email: "a@example.com\r\nBcc: b@example.com", role: "host" } }), 400, "validation_failed"],
  ["invite: email over 254 characters", "POST", invites, () => ({ body: { email: `${"a".repeat(250)}@example.com`, role: "host" } }), 400, "validation_failed"],
  ["invite: unknown role", "POST", invites, () => ({ body: { email: email(), role: "chef" } }), 400, "validation_failed"],
  ["invite: role in capitals", "POST", invites, () => ({ body: { email: email(), role: "Admin" } }), 400, "validation_failed"],
  ["invite: role is a number", "POST", invites, () => ({ body: { email: email(), role: 1 } }), 400, "validation_failed"],
  ["invite: role is null", "POST", invites, () => ({ body: { email: email(), role: null } }), 400, "validation_failed"],
  ["invite: body is an array", "POST", invites, () => ({ body: [{ email: email(), role: "host" }] }), 400, "validation_failed"],
  ["invite: body is null", "POST", invites, () => json("null"), 400, "validation_failed"],
  ["invite: body is a JSON string", "POST", invites, () => json('"hello"'), 400, "validation_failed"],
  ["invite: malformed JSON", "POST", invites, () => json('{"email": "a@example.com", "role": '), 400, "validation_failed"],
  ["invite: empty body", "POST", invites, () => json(""), 400, "validation_failed"],
  ["invite: form-encoded body", "POST", invites, () => ({ raw: "email=a%40example.com&role=host", headers: { "Content-Type": "application/x-www-form-urlencoded" } }), 415, "unsupported_media_type"],
  ["invite: text/plain body", "POST", invites, () => ({ raw: JSON.stringify({ email: email(), role: "host" }), headers: { "Content-Type": "text/plain" } }), 415, "unsupported_media_type"],
  ["invite: body over 64 KiB", "POST", invites, () => tooBig("email"), 413, "payload_too_large"],

  // PATCH /api/team/members/:userId
  ["role change: empty object", "PATCH", member, () => ({ body: {} }), 400, "validation_failed"],
  ["role change: unknown role", "PATCH", member, () => ({ body: { role: "superuser" } }), 400, "validation_failed"],
  ["role change: role is null", "PATCH", member, () => ({ body: { role: null } }), 400, "validation_failed"],
  ["role change: role is a list", "PATCH", member, () => ({ body: { role: ["admin"] } }), 400, "validation_failed"],
  ["role change: role is oversized", "PATCH", member, () => ({ body: { role: "a".repeat(10_000) } }), 400, "validation_failed"],
  ["role change: malformed JSON", "PATCH", member, () => json("{role: admin}"), 400, "validation_failed"],
  ["role change: text/plain body", "PATCH", member, () => ({ raw: '{"role":"admin"}', headers: { "Content-Type": "text/plain" } }), 415, "unsupported_media_type"],
  ["role change: body over 64 KiB", "PATCH", member, () => tooBig("role"), 413, "payload_too_large"],
  ["role change: id is not a UUID", "PATCH", () => "/api/team/members/12345", () => ({ body: { role: "admin" } }), 400, "validation_failed"],
  ["role change: id with SQL in it", "PATCH", () => `/api/team/members/${encodeURIComponent("' OR '1'='1")}`, () => ({ body: { role: "admin" } }), 400, "validation_failed"],
  ["role change: UUID with extra characters", "PATCH", () => `/api/team/members/${hostId}x`, () => ({ body: { role: "admin" } }), 400, "validation_failed"],

  // DELETE /api/team/members/:userId, DELETE /api/team/invites/:inviteId, POST .../resend
  ["remove member: id is not a UUID", "DELETE", () => "/api/team/members/not-a-uuid", () => ({}), 400, "validation_failed"],
  ["remove member: truncated UUID", "DELETE", () => `/api/team/members/${hostId.slice(0, 35)}`, () => ({}), 400, "validation_failed"],
  ["revoke invite: id is not a UUID", "DELETE", () => "/api/team/invites/42", () => ({}), 400, "validation_failed"],
  ["revoke invite: id with SQL in it", "DELETE", () => `/api/team/invites/${encodeURIComponent("1; DROP TABLE invites")}`, () => ({}), 400, "validation_failed"],
  ["resend invite: id is not a UUID", "POST", () => "/api/team/invites/abc/resend", () => ({}), 400, "validation_failed"],
  ["resend invite: UUID with extra characters", "POST", () => `/api/team/invites/${inviteId}0/resend`, () => ({}), 400, "validation_failed"],
];

describe("bad input on team routes", () => {
  it.each(cases.map((c): Case => [`${c[0]} → ${c[4]}`, ...c.slice(1)] as Case))("%s", async (_label, method, path, opts, status, code) => {
    const before = await fingerprint();
    const res = await call(method, path(), { token: owner.token, ...opts() });
    expectError(res, status, code);
    expect(await fingerprint()).toEqual(before);
  });

  it("names the failing field in the details", async () => {
    const res = await call("POST", "/api/team/invites", { token: owner.token, body: { email: "nope", role: "chef" } });
    expectError(res, 400, "validation_failed");
    expect(res.json.error.details.map((d: any) => d.path).sort()).toEqual(["email", "role"]);
    for (const d of res.json.error.details) expect(d.message.length).toBeGreaterThan(0);
  });

  it("names the malformed id in the details", async () => {
    const res = await call("DELETE", "/api/team/members/not-a-uuid", { token: owner.token });
    expect(res.json.error.details).toEqual([expect.objectContaining({ path: "userId", message: "userId must be an id (UUID)." })]);
  });
});
