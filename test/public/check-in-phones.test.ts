// Self check-in with phones from the whole world: national input in the location's country is
// stored in E.164, and a number that cannot take texts is refused with a code the page translates.
import { describe, expect, it } from "vitest";
import { call, signUp } from "../helpers/api";
import { checkIn, expectError, setSettings, slugOf } from "./support";

describe("self check-in phones (libphonenumber-js in the Worker)", () => {
  it("reads an Italian mobile typed nationally at an Italian location", async () => {
    const o = await signUp();
    const slug = await slugOf(o);
    await setSettings(o, { phoneCountryCode: "39" });
    const res = await checkIn(slug, { name: "Bianchi", phone: "312 345 6789", partySize: 2, smsConsent: true });
    expect(res.status, res.text).toBe(201);
    const list = await call("GET", `/api/locations/${o.locationId}/waitlist`, { token: o.token });
    expect(list.json.parties.map((p: any) => p.phone)).toEqual(["+393123456789"]);
  });

  it("refuses a landline (not_mobile) and adds no one", async () => {
    const o = await signUp();
    const slug = await slugOf(o);
    await setSettings(o, { phoneCountryCode: "39" });
    const res = await checkIn(slug, { name: "Landline", phone: "06 1234 5678", partySize: 2, smsConsent: true });
    expectError(res, 400, "validation_failed");
    expect(res.json.error.details).toEqual([expect.objectContaining({ path: "phone", code: "not_mobile" })]);
    const bad = await checkIn(slug, { name: "Short", phone: "312 345", partySize: 2, smsConsent: true });
    expectError(bad, 400, "validation_failed");
    expect(bad.json.error.details).toEqual([expect.objectContaining({ path: "phone", code: "invalid_phone" })]);
    const list = await call("GET", `/api/locations/${o.locationId}/waitlist`, { token: o.token });
    expect(list.json.parties).toEqual([]);
  });
});
