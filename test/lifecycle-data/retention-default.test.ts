// Default policy: customer data is deleted 18 months after the account's last sign-in.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ALL, minusMonths, retentionCutoff } from "../../src/lifecycle/retention";
import { call, signUp } from "../helpers/api";
import { addMonths, d1Parties, MINUTE, runHourly, seedParties, stubFor } from "./helpers";

describe("minusMonths and the default cutoff", () => {
  it("moves back calendar months and clamps the day", () => {
    expect(new Date(minusMonths(Date.UTC(2027, 6, 10, 12), 18)).toISOString()).toBe("2026-01-10T12:00:00.000Z");
    expect(new Date(minusMonths(Date.UTC(2027, 7, 31), 18)).toISOString()).toBe("2026-02-28T00:00:00.000Z");
  });

  it("deletes everything only once the last sign-in is 18 months old", () => {
    const last = Date.UTC(2026, 0, 10, 12);
    expect(retentionCutoff(null, last, addMonths(last, 18) - MINUTE)).toBeNull();
    expect(retentionCutoff(null, last, addMonths(last, 18) + MINUTE)).toBe(ALL);
  });
});

async function setLastLogin(accountId: string, at: number) {
  await env.DB.prepare("UPDATE users SET last_login_at = ?, created_at = ? WHERE account_id = ?").bind(at, at, accountId).run();
  await env.DB.prepare("UPDATE accounts SET created_at = ? WHERE id = ?").bind(at, accountId).run();
}

describe("the hourly sweep under the default policy", () => {
  it("keeps data at 18 months minus a minute and deletes it at 18 months plus a minute, everywhere", async () => {
    const a = await signUp();
    const b = await signUp();
    const { tokens } = await seedParties(a);
    await seedParties(b);
    const lastLogin = Date.UTC(2026, 0, 10, 12);
    await setLastLogin(a.accountId, lastLogin);
    // B signed in recently (now): inside its window.

    await runHourly(addMonths(lastLogin, 18) - MINUTE);
    expect(await d1Parties(a.accountId)).toBe(3);

    await runHourly(addMonths(lastLogin, 18) + MINUTE);
    expect(await d1Parties(a.accountId)).toBe(0);
    expect(await d1Parties(b.accountId)).toBe(3);

    // Gone from every API… (the sweep at a future time also ended the sessions: sign in again)
    const login = await call("POST", "/api/auth/login", { body: { email: a.email, password: a.password }, ip: "192.0.2.77" });
    expect(login.status).toBe(200);
    a.token = login.json.token;
    const list = await call("GET", `/api/locations/${a.locationId}/waitlist`, { token: a.token });
    expect(list.json.parties).toEqual([]);
    const history = await call("GET", `/api/locations/${a.locationId}/history`, { token: a.token });
    expect(history.json.parties).toEqual([]);
    for (const t of tokens) expect((await call("GET", `/api/public/parties/${t}`)).status).toBe(404);
    // …and from the Durable Object's own SQLite.
    const left = await stubFor(a.locationId).at({ id: a.locationId, accountId: a.accountId, name: "x", timezone: "UTC" }).list();
    expect(left.parties).toEqual([]);
    // The account and its users stay, so the owner can come back.
    expect((await call("GET", "/api/me", { token: a.token })).status).toBe(200);
    // B untouched, in D1 and in its DO.
    const bLive = await stubFor(b.locationId).at({ id: b.locationId, accountId: b.accountId, name: "x", timezone: "UTC" }).list();
    expect(bLive.parties).toHaveLength(1);
  });

  it("a second sweep deletes nothing more", async () => {
    const a = await signUp();
    await seedParties(a);
    const lastLogin = Date.UTC(2025, 0, 10, 12);
    await setLastLogin(a.accountId, lastLogin);
    const at = addMonths(lastLogin, 18) + MINUTE;
    await runHourly(at);
    expect(await d1Parties(a.accountId)).toBe(0);
    const before = await env.DB.prepare("SELECT COUNT(*) AS n FROM parties").first<{ n: number }>();
    await runHourly(at + 60 * MINUTE);
    const after = await env.DB.prepare("SELECT COUNT(*) AS n FROM parties").first<{ n: number }>();
    expect(after!.n).toBe(before!.n);
  });
});
