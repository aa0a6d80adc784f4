// Locations: create, list, read, change, delete.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, signUp } from "../helpers/api";
import { auditRows, expectError, tag } from "../team/support";

describe("location CRUD", () => {
  it("creates a location with every field (201) and records location.created", async () => {
    const owner = await signUp();
    const slug = `corner-${tag()}`;
    const res = await call("POST", "/api/locations", {
      token: owner.token,
      ip: "192.0.2.44",
      body: { name: "  Corner Café  ", timezone: "America/New_York", slug, phone: "+1 212 555 0100", address: "1 Main St, New York" },
    });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: "Corner Café",
      slug,
      timezone: "America/New_York",
      phone: "+12125550100",
      address: "1 Main St, New York",
      logoUrl: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const row = await env.DB.prepare("SELECT account_id FROM locations WHERE id = ?").bind(res.json.id).first();
    expect(row!.account_id).toBe(owner.accountId);
    expect(await auditRows({ action: "location.created", targetId: res.json.id })).toEqual([
      expect.objectContaining({ account_id: owner.accountId, user_id: owner.userId, ip: "192.0.2.44" }),
    ]);
  });

  it("creates with only a name and a time zone: phone and address are null", async () => {
    const owner = await signUp();
    const res = await call("POST", "/api/locations", { token: owner.token, body: { name: `Bare ${tag()}`, timezone: "UTC" } });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ phone: null, address: null, timezone: "UTC" });
  });

  it("lists the account's locations, the sign-up location first", async () => {
    const owner = await signUp();
    const second = await call("POST", "/api/locations", { token: owner.token, body: { name: `Second ${tag()}`, timezone: "Europe/Paris" } });
    const list = await call("GET", "/api/locations", { token: owner.token });
    expect(list.status).toBe(200);
    expect(list.json.locations.map((l: any) => l.id)).toEqual([owner.locationId, second.json.id]);
  });

  it("reads one location", async () => {
    const owner = await signUp();
    const created = await call("POST", "/api/locations", { token: owner.token, body: { name: `Readable ${tag()}`, timezone: "Asia/Tokyo" } });
    const res = await call("GET", `/api/locations/${created.json.id}`, { token: owner.token });
    expect(res.status).toBe(200);
    expect(res.json).toEqual(created.json);
  });

  it("changes only the fields sent, moves updatedAt, and records location.updated", async () => {
    const owner = await signUp();
    const created = await call("POST", "/api/locations", {
      token: owner.token,
      body: { name: `Before ${tag()}`, timezone: "UTC", phone: "+442079460000", address: "Old Road" },
    });
    const res = await call("PATCH", `/api/locations/${created.json.id}`, { token: owner.token, body: { name: "After", address: "New Road" } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ name: "After", address: "New Road", phone: "+442079460000", timezone: "UTC", slug: created.json.slug });
    expect(Date.parse(res.json.updatedAt)).toBeGreaterThanOrEqual(Date.parse(created.json.updatedAt));
    expect((await call("GET", `/api/locations/${created.json.id}`, { token: owner.token })).json).toEqual(res.json);
    expect(await auditRows({ action: "location.updated", targetId: created.json.id })).toEqual([
      expect.objectContaining({ user_id: owner.userId, detail: JSON.stringify({ fields: ["name", "address"] }) }),
    ]);
  });

  it("clears phone and address with null", async () => {
    const owner = await signUp();
    const created = await call("POST", "/api/locations", {
      token: owner.token,
      body: { name: `Clear ${tag()}`, timezone: "UTC", phone: "+442079460000", address: "Somewhere" },
    });
    const res = await call("PATCH", `/api/locations/${created.json.id}`, { token: owner.token, body: { phone: null, address: null } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ phone: null, address: null });
  });

  it("deletes a location (204); then GET, PATCH and DELETE answer 404 and the list leaves it out", async () => {
    const owner = await signUp();
    const created = await call("POST", "/api/locations", { token: owner.token, body: { name: `Doomed ${tag()}`, timezone: "UTC" } });
    const id = created.json.id;
    expect((await call("DELETE", `/api/locations/${id}`, { token: owner.token })).status).toBe(204);
    expectError(await call("GET", `/api/locations/${id}`, { token: owner.token }), 404, "not_found");
    expectError(await call("PATCH", `/api/locations/${id}`, { token: owner.token, body: { name: "Ghost" } }), 404, "not_found");
    expectError(await call("DELETE", `/api/locations/${id}`, { token: owner.token }), 404, "not_found");
    const list = await call("GET", "/api/locations", { token: owner.token });
    expect(list.json.locations.map((l: any) => l.id)).not.toContain(id);
    expect(await auditRows({ action: "location.deleted", targetId: id })).toHaveLength(1);
  });

  it("frees a deleted location's slug for reuse", async () => {
    const owner = await signUp();
    const slug = `reused-${tag()}`;
    const first = await call("POST", "/api/locations", { token: owner.token, body: { name: "First", timezone: "UTC", slug } });
    await call("DELETE", `/api/locations/${first.json.id}`, { token: owner.token });
    const second = await call("POST", "/api/locations", { token: owner.token, body: { name: "Second", timezone: "UTC", slug } });
    expect(second.status).toBe(201);
    expect(second.json.slug).toBe(slug);
  });

  it("answers 404 for a well-formed id that does not exist", async () => {
    const owner = await signUp();
    expectError(await call("GET", `/api/locations/${crypto.randomUUID()}`, { token: owner.token }), 404, "not_found");
  });

  it("requires a signed-in user on every location route (401) and changes nothing", async () => {
    const owner = await signUp();
    const before = await env.DB.prepare("SELECT * FROM locations WHERE id = ?").bind(owner.locationId).first();
    const id = owner.locationId;
    for (const [method, path, body] of [
      ["GET", "/api/locations", undefined],
      ["POST", "/api/locations", { name: "Anon", timezone: "UTC" }],
      ["GET", `/api/locations/${id}`, undefined],
      ["PATCH", `/api/locations/${id}`, { name: "Anon" }],
      ["DELETE", `/api/locations/${id}`, undefined],
    ] as const) {
      expectError(await call(method, path, { body }), 401, "unauthorized");
    }
    expect(await env.DB.prepare("SELECT * FROM locations WHERE id = ?").bind(id).first()).toEqual(before);
  });
});
