// Phone numbers are stored in E.164.
import { beforeAll, describe, expect, it } from "vitest";
import { call, signUp, type SignedUp } from "../helpers/api";
import { expectError, fingerprint, tag } from "../team/support";

// One account for the cases that must change nothing; each other case makes its own.
let shared: SignedUp;
beforeAll(async () => {
  shared = await signUp();
});

describe("location phone numbers", () => {
  it.each([
    ["+44 20 7946 0000", "+442079460000"],
    ["+1 (212) 555-0100", "+12125550100"],
    ["+33.1.23.45.67.89", "+33123456789"],
    ["  +4930123456  ", "+4930123456"],
  ])("normalises %s to %s", async (phone, e164) => {
    const owner = await signUp();
    const res = await call("POST", "/api/locations", { token: owner.token, body: { name: `Phone ${tag()}`, timezone: "UTC", phone } });
    expect(res.status).toBe(201);
    expect(res.json.phone).toBe(e164);
  });

  it("normalises on PATCH too", async () => {
    const owner = await signUp();
    const res = await call("PATCH", `/api/locations/${owner.locationId}`, { token: owner.token, body: { phone: "+1 212-555-0199" } });
    expect(res.status).toBe(200);
    expect(res.json.phone).toBe("+12125550199");
  });

  it.each([
    ["no country code", "020 7946 0000"],
    ["a 00 prefix", "0044 20 7946 0000"],
    ["a leading zero after +", "+0123456789"],
    ["too few digits", "+12345"],
    ["too many digits", "+1234567890123456"],
    ["letters", "+1 800 FLOWERS"],
    ["an extension", "+442079460000 ext 12"],
    ["an empty string", ""],
    ["over 32 characters", `+44 ${"2".repeat(40)}`],
  ])("refuses a phone with %s (400) and stores nothing", async (_what, phone) => {
    const owner = shared;
    const before = await fingerprint();
    const res = await call("POST", "/api/locations", { token: owner.token, body: { name: `Bad phone ${tag()}`, timezone: "UTC", phone } });
    expectError(res, 400, "validation_failed");
    expect(res.json.error.details).toContainEqual(expect.objectContaining({ path: "phone" }));
    const patch = await call("PATCH", `/api/locations/${owner.locationId}`, { token: owner.token, body: { phone } });
    expectError(patch, 400, "validation_failed");
    expect(await fingerprint()).toEqual(before);
  });
});
