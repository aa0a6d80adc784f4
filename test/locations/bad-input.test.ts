// Bad input on the location routes: a clear 4xx in the one error shape, and nothing changes.
import { beforeAll, describe, expect, it } from "vitest";
import { call, signUp, type CallOptions, type SignedUp } from "../helpers/api";
import { expectError, fingerprint } from "../team/support";

let owner: SignedUp;
beforeAll(async () => {
  owner = await signUp();
});

const json = (raw: string): CallOptions => ({ raw, headers: { "Content-Type": "application/json" } });
const valid = { name: "Valid Place", timezone: "UTC" };

type Case = [label: string, method: string, path: () => string, opts: () => CallOptions, status: number, code: string];
const list = () => "/api/locations";
const one = () => `/api/locations/${owner.locationId}`;

const cases: Case[] = [
  // POST /api/locations
  ["create: empty object", "POST", list, () => ({ body: {} }), 400, "validation_failed"],
  ["create: no time zone", "POST", list, () => ({ body: { name: "No Zone" } }), 400, "validation_failed"],
  ["create: no name", "POST", list, () => ({ body: { timezone: "UTC" } }), 400, "validation_failed"],
  ["create: name is a number", "POST", list, () => ({ body: { ...valid, name: 7 } }), 400, "validation_failed"],
  ["create: name is empty", "POST", list, () => ({ body: { ...valid, name: "" } }), 400, "validation_failed"],
  ["create: name is blank", "POST", list, () => ({ body: { ...valid, name: " \t " } }), 400, "validation_failed"],
  ["create: name over 120 characters", "POST", list, () => ({ body: { ...valid, name: "n".repeat(121) } }), 400, "validation_failed"],
  ["create: time zone is a number", "POST", list, () => ({ body: { ...valid, timezone: 0 } }), 400, "validation_failed"],
  ["create: slug is a number", "POST", list, () => ({ body: { ...valid, slug: 12 } }), 400, "validation_failed"],
  ["create: slug is an object", "POST", list, () => ({ body: { ...valid, slug: { a: 1 } } }), 400, "validation_failed"],
  ["create: slug over 63 characters", "POST", list, () => ({ body: { ...valid, slug: "s".repeat(5000) } }), 400, "validation_failed"],
  ["create: phone is a number", "POST", list, () => ({ body: { ...valid, phone: 442079460000 } }), 400, "validation_failed"],
  ["create: address is a list", "POST", list, () => ({ body: { ...valid, address: ["1 Main St"] } }), 400, "validation_failed"],
  ["create: address over 500 characters", "POST", list, () => ({ body: { ...valid, address: "a".repeat(501) } }), 400, "validation_failed"],
  ["create: body is an array", "POST", list, () => ({ body: [valid] }), 400, "validation_failed"],
  ["create: body is null", "POST", list, () => json("null"), 400, "validation_failed"],
  ["create: malformed JSON", "POST", list, () => json('{"name": "x", "timezone": }'), 400, "validation_failed"],
  ["create: form-encoded body", "POST", list, () => ({ raw: "name=x&timezone=UTC", headers: { "Content-Type": "application/x-www-form-urlencoded" } }), 415, "unsupported_media_type"],
  ["create: body over 64 KiB", "POST", list, () => json(JSON.stringify({ ...valid, address: "a".repeat(65 * 1024) })), 413, "payload_too_large"],

  // PATCH /api/locations/:locationId
  ["change: name is a number", "PATCH", one, () => ({ body: { name: 1 } }), 400, "validation_failed"],
  ["change: name over 120 characters", "PATCH", one, () => ({ body: { name: "n".repeat(121) } }), 400, "validation_failed"],
  ["change: address over 500 characters", "PATCH", one, () => ({ body: { address: "a".repeat(501) } }), 400, "validation_failed"],
  ["change: one bad field among good ones", "PATCH", one, () => ({ body: { name: "Good", phone: "call me" } }), 400, "validation_failed"],
  ["change: body is an array", "PATCH", one, () => ({ body: [{ name: "x" }] }), 400, "validation_failed"],
  ["change: malformed JSON", "PATCH", one, () => json("{'name': 'single quotes'}"), 400, "validation_failed"],
  ["change: text/plain body", "PATCH", one, () => ({ raw: '{"name":"x"}', headers: { "Content-Type": "text/plain" } }), 415, "unsupported_media_type"],
  ["change: body over 64 KiB", "PATCH", one, () => json(JSON.stringify({ name: "x", address: "a".repeat(65 * 1024) })), 413, "payload_too_large"],
  ["change: id is not a UUID", "PATCH", () => "/api/locations/main-street", () => ({ body: { name: "x" } }), 400, "validation_failed"],

  // GET and DELETE /api/locations/:locationId
  ["read: id is not a UUID", "GET", () => "/api/locations/1", () => ({}), 400, "validation_failed"],
  ["read: id with SQL in it", "GET", () => `/api/locations/${encodeURIComponent("x' OR 1=1 --")}`, () => ({}), 400, "validation_failed"],
  ["delete: id is not a UUID", "DELETE", () => "/api/locations/not-a-uuid", () => ({}), 400, "validation_failed"],
  ["delete: UUID with extra characters", "DELETE", () => `/api/locations/${owner.locationId}-0`, () => ({}), 400, "validation_failed"],
];

describe("bad input on location routes", () => {
  it.each(cases.map((c): Case => [`${c[0]} → ${c[4]}`, ...c.slice(1)] as Case))("%s", async (_label, method, path, opts, status, code) => {
    const before = await fingerprint();
    const res = await call(method, path(), { token: owner.token, ...opts() });
    expectError(res, status, code);
    expect(await fingerprint()).toEqual(before);
  });

  it("names every failing field in the details", async () => {
    const res = await call("POST", "/api/locations", { token: owner.token, body: { name: "", timezone: "Nope/Nope", phone: "x" } });
    expectError(res, 400, "validation_failed");
    expect(res.json.error.details.map((d: any) => d.path).sort()).toEqual(["name", "phone", "timezone"]);
  });

  it("accepts the largest allowed values: a 120-character name and a 500-character address", async () => {
    const res = await call("POST", "/api/locations", { token: owner.token, body: { ...valid, name: "n".repeat(120), address: "a".repeat(500) } });
    expect(res.status).toBe(201);
    expect(res.json.name).toHaveLength(120);
    expect(res.json.address).toHaveLength(500);
  });
});
