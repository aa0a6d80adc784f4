// Issue 22, kiosk mode: one tablet is one network address for every guest, so a kiosk check-in is
// limited per kiosk token (higher than the per-network limit of self check-in, still bounded) and
// the per-phone limit still applies. A kiosk past its limit gets 429 with Retry-After.
import { describe, expect, it } from "vitest";
import { KIOSK_CHECKINS_PER_HOUR } from "../../src/routes/public-guests";
import { call, signUp } from "../helpers/api";
import { expectError } from "../helpers/errors";
import { checkIn, freshPhone, slugOf } from "../public/support";
import { createKioskToken, kioskCheckIn } from "./support";

const guest = (name: string) => ({ name, phone: freshPhone(), size: 2, smsConsent: false });

describe("kiosk rate limit", () => {
  it("is keyed on the token: one address gets past the per-network limit, up to the kiosk's own, then 429 with Retry-After", async () => {
    const o = await signUp({ accountName: "Kiosk limits" });
    const slug = await slugOf(o);
    const { token } = await createKioskToken(o, o.locationId);
    // A high line limit, so the line itself never refuses.
    expect((await call("PATCH", `/api/locations/${o.locationId}/waitlist-settings`, { token: o.token, body: { maxLength: 1000 } })).status).toBe(200);
    const tablet = "198.19.7.7";
    // The per-network limit of self check-in (10 an hour) is well below the kiosk's.
    expect(KIOSK_CHECKINS_PER_HOUR).toBeGreaterThan(10);
    for (let i = 0; i < KIOSK_CHECKINS_PER_HOUR; i++) {
      const res = await kioskCheckIn(slug, token, guest(`Kiosk ${i}`), tablet);
      expect(res.status, res.text).toBe(201);
    }
    const limited = await kioskCheckIn(slug, token, guest("One too many"), tablet);
    expectError(limited, 429, "rate_limited");
    const retry = Number(limited.headers.get("Retry-After"));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(3600);
    // From another address the same kiosk is still over its limit: the key is the token, not the address.
    expectError(await kioskCheckIn(slug, token, guest("Other address")), 429, "rate_limited");

    // The tablet's address was never counted per network: a plain check-in from it still works.
    expect((await checkIn(slug, guest("Plain from tablet"), tablet)).status).toBe(201);
    const names = (await call("GET", `/api/locations/${o.locationId}/waitlist`, { token: o.token })).json.parties.map((p: any) => p.name);
    expect(names).not.toContain("One too many");
    expect(names).not.toContain("Other address");
  });

  it("still limits one phone number to 3 check-ins an hour", async () => {
    const o = await signUp({ accountName: "Kiosk phone limit" });
    const slug = await slugOf(o);
    const { token } = await createKioskToken(o, o.locationId);
    const phone = freshPhone();
    for (let i = 0; i < 3; i++) expect((await kioskCheckIn(slug, token, { ...guest("Same phone"), phone })).status).toBe(201);
    expectError(await kioskCheckIn(slug, token, { ...guest("Same phone"), phone }), 429, "rate_limited");
  });
});
