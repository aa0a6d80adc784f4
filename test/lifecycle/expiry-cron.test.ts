// The hourly cron, end to end: rows made through the real API, the Worker's scheduled handler run at
// a chosen time.
import { createScheduledController, env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import worker from "../../src/index";
import { INVITE_KEEP } from "../../src/lifecycle/expiry";
import { DAY, HOUR, MINUTE } from "../../src/lib/clock";
import { INVITE_TTL } from "../../src/routes/team";
import { call, signUp, uniqueEmail } from "../helpers/api";

afterEach(() => {
  vi.useRealTimers();
});

async function runHourlyCron(scheduledTime: number) {
  await worker.scheduled(createScheduledController({ scheduledTime, cron: "0 * * * *" }), env);
}

async function count(sql: string, ...params: unknown[]) {
  const row = await env.DB.prepare(sql).bind(...params).first<{ n: number }>();
  return row!.n;
}

/** An owner with a session, a pending invitation, a reset link, a used sign-up link and throttle counters. */
async function accountWithCredentials() {
  const started = Date.now();
  const owner = await signUp();
  const invite = await call("POST", "/api/team/invites", { token: owner.token, body: { email: uniqueEmail("invitee"), role: "host" } });
  expect(invite.status).toBe(201);
  expect((await call("POST", "/api/auth/password-reset", { body: { email: owner.email } })).status).toBe(202);
  expect((await call("POST", "/api/auth/login", { body: { email: owner.email, password: "Wrong-Password-1" } })).status).toBe(401);
  // The throttle counters this account's calls made (test files share storage, and other files'
  // counters, some written under a frozen clock, are not this test's business).
  const ended = Date.now();
  const keys = (await env.DB.prepare("SELECT key FROM throttles WHERE updated_at BETWEEN ? AND ?").bind(started, ended).all<{ key: string }>()).results.map((r) => r.key);
  const rows = async () => ({
    sessions: await count("SELECT count(*) AS n FROM sessions WHERE account_id = ?", owner.accountId),
    invites: await count("SELECT count(*) AS n FROM invites WHERE account_id = ?", owner.accountId),
    resets: await count("SELECT count(*) AS n FROM password_resets WHERE user_id = ?", owner.userId),
    signups: await count("SELECT count(*) AS n FROM pending_signups WHERE email = ?", owner.email),
    throttles: await count(`SELECT count(*) AS n FROM throttles WHERE key IN (${keys.map(() => "?").join(",") || "NULL"})`, ...keys),
  });
  return { owner, started, rows };
}

describe("the hourly expiry cron", () => {
  it("leaves live credentials alone", async () => {
    const { owner, rows } = await accountWithCredentials();
    const before = await rows();
    expect(before).toMatchObject({ sessions: 1, invites: 1, resets: 1, signups: 1 });
    expect(before.throttles).toBeGreaterThan(0);

    await runHourlyCron(Date.now() + MINUTE);

    expect(await rows()).toEqual(before);
    expect((await call("GET", "/api/me", { token: owner.token })).status).toBe(200);
  });

  it("deletes them all once they are past their limits, and the token stops working", async () => {
    const { owner, started, rows } = await accountWithCredentials();

    await runHourlyCron(started + INVITE_TTL + INVITE_KEEP + DAY);

    expect(await rows()).toEqual({ sessions: 0, invites: 0, resets: 0, signups: 0, throttles: 0 });
    expect((await call("GET", "/api/me", { token: owner.token })).status).toBe(401);
  });

  it("deletes an idle session a day after it went idle, and keeps one still in use", async () => {
    const idle = await signUp();
    const active = await signUp();
    const start = Date.now();
    // The active user comes back 23 hours later, inside the idle window, which slides last-seen on.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(start + 23 * HOUR);
    expect((await call("GET", "/api/me", { token: active.token })).status).toBe(200);

    // 2 days + 1 minute: the idle session is past 24 hours idle plus a day kept; the active one is not.
    await runHourlyCron(start + 2 * DAY + MINUTE);

    expect(await count("SELECT count(*) AS n FROM sessions WHERE account_id = ?", idle.accountId)).toBe(0);
    expect(await count("SELECT count(*) AS n FROM sessions WHERE account_id = ?", active.accountId)).toBe(1);
  });

  it("deletes nothing more when the same run repeats", async () => {
    const { started } = await accountWithCredentials();
    const at = started + INVITE_TTL + INVITE_KEEP + DAY;
    await runHourlyCron(at);
    const tables = ["sessions", "invites", "password_resets", "pending_signups", "throttles"];
    const snapshot = async () => Promise.all(tables.map((t) => count(`SELECT count(*) AS n FROM ${t}`)));
    const after = await snapshot();

    await runHourlyCron(at);

    expect(await snapshot()).toEqual(after);
  });
});
