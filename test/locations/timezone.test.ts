// A location's time zone is an IANA zone name.
import { beforeAll, describe, expect, it } from "vitest";
import { call, signUp, type SignedUp } from "../helpers/api";
import { expectError, fingerprint, tag } from "../team/support";

// One account for the cases that must change nothing; each other case makes its own.
let shared: SignedUp;
beforeAll(async () => {
  shared = await signUp();
});

describe("location time zones", () => {
  it.each(["UTC", "Europe/London", "America/Argentina/Buenos_Aires", "America/Port-au-Prince", "Etc/GMT+5", "Asia/Kolkata"])(
    "accepts %s",
    async (timezone) => {
      const owner = await signUp();
      const res = await call("POST", "/api/locations", { token: owner.token, body: { name: `Zone ${tag()}`, timezone } });
      expect(res.status).toBe(201);
      expect(res.json.timezone).toBe(timezone);
    },
  );

  it("stores the canonical spelling of a zone given in another case", async () => {
    const owner = await signUp();
    const res = await call("POST", "/api/locations", { token: owner.token, body: { name: `Case ${tag()}`, timezone: "europe/london" } });
    expect(res.status).toBe(201);
    expect(res.json.timezone).toBe("Europe/London");
  });

  it.each([
    ["an unknown zone", "Mars/Olympus"],
    ["a UTC offset", "+01:00"],
    ["a negative offset", "-0500"],
    ["a GMT offset without Etc/", "GMT+1"],
    ["an empty string", ""],
    ["a path", "../etc/passwd"],
    ["a very long name", `Europe/${"x".repeat(80)}`],
  ])("refuses %s (400) and creates nothing", async (_what, timezone) => {
    const owner = shared;
    const before = await fingerprint();
    const res = await call("POST", "/api/locations", { token: owner.token, body: { name: `Bad zone ${tag()}`, timezone } });
    expectError(res, 400, "validation_failed");
    expect(res.json.error.details).toContainEqual(expect.objectContaining({ path: "timezone" }));
    expect(await fingerprint()).toEqual(before);
  });

  it("refuses an invalid zone on PATCH (400) and keeps the old one", async () => {
    const owner = await signUp();
    const res = await call("PATCH", `/api/locations/${owner.locationId}`, { token: owner.token, body: { timezone: "Nowhere/Land" } });
    expectError(res, 400, "validation_failed");
    const after = await call("GET", `/api/locations/${owner.locationId}`, { token: owner.token });
    expect(after.json.timezone).toBe("UTC");
  });

  it("changes the zone on PATCH", async () => {
    const owner = await signUp();
    const res = await call("PATCH", `/api/locations/${owner.locationId}`, { token: owner.token, body: { timezone: "Australia/Sydney" } });
    expect(res.status).toBe(200);
    expect(res.json.timezone).toBe("Australia/Sydney");
  });
});
