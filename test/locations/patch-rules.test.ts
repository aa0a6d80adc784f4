// PATCH /api/locations/:locationId needs something to change.
import { describe, expect, it } from "vitest";
import { call, signUp } from "../helpers/api";
import { expectError, fingerprint } from "../team/support";

describe("PATCH a location", () => {
  it("refuses an empty object (400) with a clear message and changes nothing", async () => {
    const owner = await signUp();
    const before = await fingerprint();
    const res = await call("PATCH", `/api/locations/${owner.locationId}`, { token: owner.token, body: {} });
    expectError(res, 400, "validation_failed");
    expect(res.json.error.details).toContainEqual(expect.objectContaining({ message: "Send at least one field to change." }));
    expect(await fingerprint()).toEqual(before);
  });

  it("refuses an object with only unknown fields (400): nothing it names can change", async () => {
    const owner = await signUp();
    const before = await fingerprint();
    const res = await call("PATCH", `/api/locations/${owner.locationId}`, { token: owner.token, body: { accountId: crypto.randomUUID(), id: "x" } });
    expectError(res, 400, "validation_failed");
    expect(await fingerprint()).toEqual(before);
  });

  it("ignores fields that are not part of a location (id, account) when others are valid", async () => {
    const owner = await signUp();
    const other = await signUp();
    const res = await call("PATCH", `/api/locations/${owner.locationId}`, {
      token: owner.token,
      body: { name: "Honest Name", id: crypto.randomUUID(), accountId: other.accountId, createdAt: "2000-01-01T00:00:00Z" },
    });
    expect(res.status).toBe(200);
    expect(res.json.id).toBe(owner.locationId);
    expect((await call("GET", `/api/locations/${owner.locationId}`, { token: owner.token })).json.name).toBe("Honest Name");
    expect((await call("GET", "/api/locations", { token: other.token })).json.locations.map((l: any) => l.id)).not.toContain(owner.locationId);
  });

  it.each([
    ["a null name", { name: null }],
    ["a blank name", { name: "   " }],
    ["a null slug", { slug: null }],
    ["a null time zone", { timezone: null }],
  ])("refuses %s (400)", async (_what, body) => {
    const owner = await signUp();
    const before = await fingerprint();
    expectError(await call("PATCH", `/api/locations/${owner.locationId}`, { token: owner.token, body }), 400, "validation_failed");
    expect(await fingerprint()).toEqual(before);
  });
});
