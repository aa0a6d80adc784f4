// Custom policy: customer data deleted N days after it was created (1 ≤ N ≤ 540).
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { addMember, call, signUp } from "../helpers/api";
import { d1Parties, DAY, MINUTE, runHourly, seedParties } from "./helpers";

describe("retention settings", () => {
  it("shows the default, accepts 1..540 days, refuses other values and hosts", async () => {
    const o = await signUp();
    expect((await call("GET", "/api/settings/retention", { token: o.token })).json).toEqual({ policy: "default", days: null });
    for (const body of [{ policy: "days", days: 0 }, { policy: "days", days: 541 }, { policy: "days" }, { policy: "weekly" }, { policy: "days", days: "7" }, {}]) {
      const r = await call("PUT", "/api/settings/retention", { token: o.token, body });
      expect(r.status).toBe(400);
      expect(r.json.error.code).toBe("validation_failed");
    }
    expect((await call("PUT", "/api/settings/retention", { token: o.token, body: { policy: "days", days: 540 } })).json).toEqual({ policy: "days", days: 540 });
    const host = await addMember(o, "host");
    expect((await call("PUT", "/api/settings/retention", { token: host.token, body: { policy: "days", days: 1 } })).status).toBe(403);
    expect((await call("GET", "/api/settings/retention", { token: o.token })).json).toEqual({ policy: "days", days: 540 });
    const audit = await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE account_id = ? AND action = 'account.retention_changed'").bind(o.accountId).first<{ n: number }>();
    expect(audit!.n).toBe(1);
  });

  it("N = 1 day: kept a minute before a day has passed, deleted a minute after", async () => {
    const o = await signUp();
    const other = await signUp();
    expect((await call("PUT", "/api/settings/retention", { token: o.token, body: { policy: "days", days: 1 } })).status).toBe(200);
    const createdBefore = Date.now();
    await seedParties(o);
    await seedParties(other);
    const createdAfter = Date.now();

    await runHourly(createdBefore + DAY - MINUTE);
    expect(await d1Parties(o.accountId)).toBe(3);

    await runHourly(createdAfter + DAY + MINUTE);
    expect(await d1Parties(o.accountId)).toBe(0);
    expect((await call("GET", `/api/locations/${o.locationId}/waitlist`, { token: o.token })).json.parties).toEqual([]);
    // The other account keeps the default policy and its data.
    expect(await d1Parties(other.accountId)).toBe(3);
  });

  it("data created inside the window is untouched", async () => {
    const o = await signUp();
    await call("PUT", "/api/settings/retention", { token: o.token, body: { policy: "days", days: 7 } });
    await seedParties(o);
    await runHourly(Date.now() + 6 * DAY);
    expect(await d1Parties(o.accountId)).toBe(3);
  });
});

describe("logs", () => {
  it("audit log rows are deleted after 30 days: 29 days kept, 31 days gone", async () => {
    const o = await signUp();
    const at = Date.now();
    const insert = env.DB.prepare("INSERT INTO audit_log (id, account_id, user_id, action, created_at) VALUES (?, ?, ?, 'auth.login', ?)");
    await env.DB.batch([
      insert.bind(crypto.randomUUID(), o.accountId, o.userId, at - 29 * DAY),
      insert.bind("old-" + crypto.randomUUID(), o.accountId, o.userId, at - 31 * DAY),
    ]);
    await runHourly(at);
    const rows = await env.DB.prepare("SELECT created_at FROM audit_log WHERE account_id = ? AND created_at < ?").bind(o.accountId, at - 28 * DAY).all<{ created_at: number }>();
    expect(rows.results.map((r) => r.created_at)).toEqual([at - 29 * DAY]);
  });
});
