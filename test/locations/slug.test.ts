// Public slugs (/join/:slug, /book/:slug): url-safe, not reserved, unique across every account.
import { beforeAll, describe, expect, it } from "vitest";
import { call, signUp, type SignedUp } from "../helpers/api";
import { expectError, fingerprint, tag } from "../team/support";

function create(token: string, body: Record<string, unknown>) {
  return call("POST", "/api/locations", { token, body: { timezone: "UTC", ...body } });
}

// One account for the cases that must change nothing; each other case makes its own.
let shared: SignedUp;
beforeAll(async () => {
  shared = await signUp();
});

describe("location slugs", () => {
  it("is unique across all accounts: another account's slug answers 409 on create", async () => {
    const a = await signUp();
    const b = await signUp();
    const slug = `taken-${tag()}`;
    expect((await create(a.token, { name: "A's place", slug })).status).toBe(201);
    const before = await fingerprint();
    const res = await create(b.token, { name: "B's place", slug });
    expectError(res, 409, "conflict");
    expect(res.json.error.details).toEqual([{ path: "slug", message: "Taken." }]);
    expect(await fingerprint()).toEqual(before);
  });

  it("answers 409 when PATCH takes a slug in use (here or in another account) and keeps the old one", async () => {
    const a = await signUp();
    const b = await signUp();
    const slug = `mine-${tag()}`;
    await create(a.token, { name: "A", slug });
    expectError(await call("PATCH", `/api/locations/${b.locationId}`, { token: b.token, body: { slug } }), 409, "conflict");
    const other = await create(b.token, { name: "B2", slug: `b2-${tag()}` });
    expectError(await call("PATCH", `/api/locations/${b.locationId}`, { token: b.token, body: { slug: other.json.slug } }), 409, "conflict");
    const after = await call("GET", `/api/locations/${b.locationId}`, { token: b.token });
    expect(after.json.slug).not.toBe(slug);
  });

  it("lets PATCH keep a location's own slug", async () => {
    const owner = await signUp();
    const created = await create(owner.token, { name: "Same", slug: `same-${tag()}` });
    const res = await call("PATCH", `/api/locations/${created.json.id}`, { token: owner.token, body: { slug: created.json.slug, name: "Same again" } });
    expect(res.status).toBe(200);
  });

  it("lower-cases a slug given in capitals", async () => {
    const owner = await signUp();
    const t = tag();
    const res = await create(owner.token, { name: "Loud", slug: `LOUD-${t.toUpperCase()}` });
    expect(res.status).toBe(201);
    expect(res.json.slug).toBe(`loud-${t}`);
  });

  it.each([
    ["a space", "two words"],
    ["an underscore", "under_score"],
    ["a slash", "a/b"],
    ["a leading dash", "-lead"],
    ["a trailing dash", "trail-"],
    ["a double dash", "dou--ble"],
    ["one character", "a"],
    ["64 characters", "a".repeat(64)],
    ["an accent", "café"],
    ["a dot", "a.b"],
    ["percent-encoding", "a%20b"],
  ])("refuses a slug with %s (400)", async (_what, slug) => {
    const owner = shared;
    const before = await fingerprint();
    const res = await create(owner.token, { name: "Bad slug", slug });
    expectError(res, 400, "validation_failed");
    expect(res.json.error.details).toContainEqual(expect.objectContaining({ path: "slug" }));
    expect(await fingerprint()).toEqual(before);
  });

  it.each(["api", "app", "admin", "login", "signup", "invite", "join", "book", "w", "webhooks", "static", "assets", "seatline", "help", "support"])(
    "refuses the reserved word %s (400)",
    async (slug) => {
      const owner = shared;
      expectError(await create(owner.token, { name: "Reserved", slug }), 400, "validation_failed");
      expectError(await call("PATCH", `/api/locations/${owner.locationId}`, { token: owner.token, body: { slug } }), 400, "validation_failed");
    },
  );

  it("accepts 2 and 63 characters", async () => {
    const owner = await signUp();
    const long = `x${tag()}`.padEnd(63, "z");
    expect((await create(owner.token, { name: "Long", slug: long })).json.slug).toBe(long);
    // Storage is per test file, and no other test here uses this slug.
    expect((await create(owner.token, { name: "Short", slug: "zq" })).json.slug).toBe("zq");
  });

  it("is generated from the name when absent: lower case, dashes, accents dropped", async () => {
    const owner = await signUp();
    const t = tag();
    const res = await create(owner.token, { name: `Café Dëlux & Bar ${t}` });
    expect(res.status).toBe(201);
    expect(res.json.slug).toBe(`cafe-delux-bar-${t}`);
  });

  it("de-duplicates a generated slug with a suffix, across accounts", async () => {
    const a = await signUp();
    const b = await signUp();
    const t = tag();
    const first = await create(a.token, { name: `Twin Tavern ${t}` });
    const second = await create(b.token, { name: `Twin Tavern ${t}` });
    const third = await create(a.token, { name: `Twin Tavern ${t}` });
    expect(first.json.slug).toBe(`twin-tavern-${t}`);
    for (const res of [second, third]) {
      expect(res.status).toBe(201);
      expect(res.json.slug).toMatch(new RegExp(`^twin-tavern-${t}-[a-z0-9]{1,5}$`));
    }
    expect(new Set([first.json.slug, second.json.slug, third.json.slug]).size).toBe(3);
  });

  it("never generates a reserved or too-short slug", async () => {
    const owner = await signUp();
    const api = await create(owner.token, { name: "API" });
    expect(api.status).toBe(201);
    expect(api.json.slug).toMatch(/^api-place(-[a-z0-9]{1,5})?$/);
    const short = await create(owner.token, { name: "Q" });
    expect(short.status).toBe(201);
    expect(short.json.slug).toMatch(/^place-q(-[a-z0-9]{1,5})?$/);
    const symbols = await create(owner.token, { name: "北京 !!!" });
    expect(symbols.status).toBe(201);
    expect(symbols.json.slug).toMatch(/^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){1,62}$/);
  });

  it("keeps a generated slug within 63 url-safe characters for a long name", async () => {
    const owner = await signUp();
    const name = `${"Very Long Restaurant Name ".repeat(4)}${tag()}`;
    const res = await create(owner.token, { name });
    expect(res.status).toBe(201);
    expect(res.json.slug).toMatch(/^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){1,62}$/);
  });
});
