import { describe, expect, it } from "vitest";
import { call, signUp } from "../helpers/api";
import { checkIn, expectError, freshIp, freshPhone, slugOf } from "./support";

describe("self check-in rate limits", () => {
  it("allows 10 check-ins an hour from one IP, then answers 429 with Retry-After", async () => {
    const o = await signUp();
    const slug = await slugOf(o);
    const ip = freshIp();
    for (let i = 0; i < 10; i++) {
      const res = await checkIn(slug, { name: `Guest ${i}`, phone: freshPhone(), partySize: 2, smsConsent: false }, ip);
      expect(res.status, res.text).toBe(201);
    }
    const limited = await checkIn(slug, { name: "One too many", phone: freshPhone(), partySize: 2, smsConsent: false }, ip);
    expectError(limited, 429, "rate_limited");
    const retry = Number(limited.headers.get("Retry-After"));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(3600);
    // Another network is not affected.
    expect((await checkIn(slug, { name: "Elsewhere", phone: freshPhone(), partySize: 2, smsConsent: false }, freshIp())).status).toBe(201);
    const list = await call("GET", `/api/locations/${o.locationId}/waitlist`, { token: o.token });
    expect(list.json.parties).toHaveLength(11);
    expect(list.json.parties.map((p: any) => p.name)).not.toContain("One too many");
  });

  it("allows 3 check-ins an hour per phone number (however it is typed), then answers 429", async () => {
    const o = await signUp();
    const slug = await slugOf(o);
    const typed = ["+1 415 555 0142", "(415) 555-0142", "415.555.0142"];
    for (const phone of typed) {
      const res = await checkIn(slug, { name: "Same phone", phone, partySize: 2, smsConsent: true }, freshIp());
      expect(res.status, res.text).toBe(201);
    }
    const limited = await checkIn(slug, { name: "Same phone", phone: "+14155550142", partySize: 2, smsConsent: true }, freshIp());
    expectError(limited, 429, "rate_limited");
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await checkIn(slug, { name: "Other phone", phone: freshPhone(), partySize: 2, smsConsent: true }, freshIp())).status).toBe(201);
  });
});
