// Issue 22, kiosk mode: a location's kiosk token is made by an owner or admin, shown once, kept only
// as its hash, replaced at once by a new one and refused once revoked; another location's token,
// a made-up one and a revoked one all get 404 and add no one.
import { env, runInDurableObject } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { KIOSK_CHECKINS_PER_HOUR } from "../../src/routes/public-guests";
import { addMember, call, signUp, type SignedUp } from "../helpers/api";
import { expectError } from "../helpers/errors";
import { freshPhone, slugOf } from "../public/support";
import { createKioskToken, kioskCheck, kioskCheckIn } from "./support";

let owner: SignedUp;
let slug: string;

beforeAll(async () => {
  owner = await signUp({ accountName: "Kiosk A" });
  slug = await slugOf(owner);
});

const guest = () => ({ name: "Kiosk Guest", phone: freshPhone(), size: 2, smsConsent: false });
const lineNames = async (o: SignedUp, locationId = o.locationId) =>
  (await call("GET", `/api/locations/${locationId}/waitlist`, { token: o.token })).json.parties.map((p: any) => p.name) as string[];

/** Every value the location's DO keeps in its meta table. */
async function doMeta(locationId: string): Promise<string[]> {
  const stub = env.RESTAURANT.get(env.RESTAURANT.idFromName(locationId));
  return runInDurableObject(stub, (_i, state) => state.storage.sql.exec("SELECT key, value FROM meta").toArray().map((r) => `${r.key}=${r.value}`));
}

describe("kiosk token", () => {
  it("is none until created; created once with its kiosk link, then shown without the token", async () => {
    const o = await signUp({ accountName: "Kiosk fresh" });
    const before = await call("GET", `/api/locations/${o.locationId}/kiosk-token`, { token: o.token });
    expect(before.status).toBe(200);
    expect(before.json).toEqual({ status: "none", prefix: null, createdAt: null, revokedAt: null, token: null, kioskUrl: null, checkInsPerHour: KIOSK_CHECKINS_PER_HOUR });

    const made = await createKioskToken(o, o.locationId);
    expect(made.token).toMatch(/^sl_kiosk_[A-Za-z0-9_-]{43}$/);
    expect(made.json).toMatchObject({ status: "active", revokedAt: null });
    expect(made.token.startsWith(made.json.prefix)).toBe(true);
    const s = await slugOf(o);
    expect(new URL(made.kioskUrl).pathname).toBe(`/join/${s}`);
    expect(new URL(made.kioskUrl).searchParams.get("kiosk")).toBe(made.token);

    const after = await call("GET", `/api/locations/${o.locationId}/kiosk-token`, { token: o.token });
    expect(after.json).toMatchObject({ status: "active", prefix: made.json.prefix, createdAt: made.json.createdAt, token: null, kioskUrl: null });
    expect(after.text).not.toContain(made.token);
  });

  it("is stored only as its SHA-256, never in clear, and never reaches the waitlist settings", async () => {
    const made = await createKioskToken(owner, owner.locationId);
    const meta = await doMeta(owner.locationId);
    const secretPart = made.token.slice("sl_kiosk_".length + 4);
    expect(meta.some((v) => v.includes(secretPart))).toBe(false);
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(made.token));
    const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
    expect(meta.some((v) => v.includes(hex))).toBe(true);
    const settings = await call("GET", `/api/locations/${owner.locationId}/waitlist-settings`, { token: owner.token });
    expect(settings.text).not.toContain(hex);
    expect(settings.text).not.toContain(made.token);
  });

  it("lets a guest check in through it, and the page's check answers 200", async () => {
    const made = await createKioskToken(owner, owner.locationId);
    expect((await kioskCheck(slug, made.token)).json).toMatchObject({ status: "active" });
    const res = await kioskCheckIn(slug, made.token, { ...guest(), name: "Through the kiosk" });
    expect(res.status, res.text).toBe(201);
    expect(await lineNames(owner)).toContain("Through the kiosk");
  });

  it("is replaced at once by a new one: the old token gets 404 and adds no one", async () => {
    const old = await createKioskToken(owner, owner.locationId);
    const fresh = await createKioskToken(owner, owner.locationId);
    expect(fresh.token).not.toBe(old.token);
    expectError(await kioskCheck(slug, old.token), 404, "not_found");
    expectError(await kioskCheckIn(slug, old.token, { ...guest(), name: "Old token guest" }), 404, "not_found");
    expect(await lineNames(owner)).not.toContain("Old token guest");
    expect((await kioskCheckIn(slug, fresh.token, guest())).status).toBe(201);
  });

  it("stops working once revoked, and says so on the check and on check-in", async () => {
    const made = await createKioskToken(owner, owner.locationId);
    const revoked = await call("DELETE", `/api/locations/${owner.locationId}/kiosk-token`, { token: owner.token });
    expect(revoked.status, revoked.text).toBe(200);
    expect(revoked.json).toMatchObject({ status: "revoked", prefix: made.json.prefix, token: null });
    expect(typeof revoked.json.revokedAt).toBe("string");
    const check = await kioskCheck(slug, made.token);
    expectError(check, 404, "not_found");
    expect(check.json.error.details[0].path).toBe("kioskToken");
    expectError(await kioskCheckIn(slug, made.token, { ...guest(), name: "After revoke" }), 404, "not_found");
    expect(await lineNames(owner)).not.toContain("After revoke");
    const audit = await env.DB.prepare("SELECT action FROM audit_log WHERE account_id = ? AND action LIKE 'kiosk_token.%'").bind(owner.accountId).all();
    expect(audit.results.map((r) => r.action)).toEqual(expect.arrayContaining(["kiosk_token.created", "kiosk_token.revoked"]));
  });

  it("refuses a wrong or made-up token with 404, and another location's token at this location", async () => {
    const mine = await createKioskToken(owner, owner.locationId);
    expectError(await kioskCheck(slug, "sl_kiosk_" + "A".repeat(43)), 404, "not_found");
    expectError(await kioskCheck(slug, "nonsense"), 404, "not_found");
    expectError(await kioskCheckIn(slug, mine.token.slice(0, -1) + (mine.token.endsWith("A") ? "B" : "A"), guest()), 404, "not_found");

    const second = await call("POST", "/api/locations", { token: owner.token, body: { name: "Kiosk A Two", timezone: "Europe/Rome" } });
    expect(second.status, second.text).toBe(201);
    const secondSlug = await slugOf(owner, second.json.id);
    const theirs = await createKioskToken(owner, second.json.id);
    expectError(await kioskCheck(slug, theirs.token), 404, "not_found");
    expectError(await kioskCheckIn(slug, theirs.token, { ...guest(), name: "Wrong place" }), 404, "not_found");
    expectError(await kioskCheckIn(secondSlug, mine.token, { ...guest(), name: "Wrong place" }), 404, "not_found");
    expect(await lineNames(owner)).not.toContain("Wrong place");
    expect(await lineNames(owner, second.json.id)).not.toContain("Wrong place");
  });

  it("is for owners and admins: a host may look but gets 403 making or revoking one", async () => {
    const host = await addMember(owner, "host");
    expect((await call("GET", `/api/locations/${owner.locationId}/kiosk-token`, { token: host.token })).status).toBe(200);
    expectError(await call("POST", `/api/locations/${owner.locationId}/kiosk-token`, { token: host.token }), 403, "forbidden");
    expectError(await call("DELETE", `/api/locations/${owner.locationId}/kiosk-token`, { token: host.token }), 403, "forbidden");
    const admin = await addMember(owner, "admin");
    expect((await call("POST", `/api/locations/${owner.locationId}/kiosk-token`, { token: admin.token })).status).toBe(201);
  });

  it("answers 404 for another account's location, before any role check, and changes nothing there", async () => {
    const other = await signUp({ accountName: "Kiosk B" });
    const theirs = await createKioskToken(other, other.locationId);
    for (const method of ["GET", "POST", "DELETE"]) {
      expectError(await call(method, `/api/locations/${other.locationId}/kiosk-token`, { token: owner.token }), 404, "not_found");
    }
    expect((await kioskCheck(await slugOf(other), theirs.token)).status).toBe(200);
  });
});
