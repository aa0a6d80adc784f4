// The location's feedback settings: GET the whole, PATCH any part (admin or owner), bad input the one
// error shape with nothing changed, another account's location 404.
import { describe, expect, it } from "vitest";
import { addMember, call } from "../helpers/api";
import { expectError } from "../helpers/errors";
import { freshPlace } from "../waitlist/support";

describe("feedback settings", () => {
  it("merges a PATCH and answers the whole settings", async () => {
    const p = await freshPlace();
    const res = await call("PATCH", `${p.base}/feedback-settings`, { token: p.token, body: { enabled: true } });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toEqual({ enabled: true, delayMinutes: 60, alertAtOrBelow: 2 });
    const next = await call("PATCH", `${p.base}/feedback-settings`, { token: p.token, body: { delayMinutes: 15, alertAtOrBelow: 3 } });
    expect(next.json).toEqual({ enabled: true, delayMinutes: 15, alertAtOrBelow: 3 });
    expect((await call("GET", `${p.base}/feedback-settings`, { token: p.token })).json).toEqual(next.json);
  });

  it.each([
    ["a negative delay", { delayMinutes: -1 }],
    ["a delay over 12 hours", { delayMinutes: 721 }],
    ["a threshold of 6", { alertAtOrBelow: 6 }],
    ["enabled as a string", { enabled: "yes" }],
    ["an unknown field", { sendAfter: "completion" }],
  ])("refuses %s and changes nothing", async (_what, body) => {
    const p = await freshPlace();
    expectError(await call("PATCH", `${p.base}/feedback-settings`, { token: p.token, body }), 400, "validation_failed");
    expect((await call("GET", `${p.base}/feedback-settings`, { token: p.token })).json).toEqual({ enabled: false, delayMinutes: 60, alertAtOrBelow: 2 });
  });

  it("is changed by admins and owners only; another account's location is 404", async () => {
    const p = await freshPlace();
    const host = await addMember(p, "host");
    expect((await call("GET", `${p.base}/feedback-settings`, { token: host.token })).status).toBe(200);
    expectError(await call("PATCH", `${p.base}/feedback-settings`, { token: host.token, body: { enabled: true } }), 403, "forbidden");
    const other = await freshPlace();
    expectError(await call("PATCH", `${other.base}/feedback-settings`, { token: p.token, body: { enabled: true } }), 404, "not_found");
    expectError(await call("GET", `${other.base}/feedback-settings`, { token: p.token }), 404, "not_found");
  });
});
