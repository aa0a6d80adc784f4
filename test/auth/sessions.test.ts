// Server-side sessions behind the tokens: 24 hours of inactivity ends one, activity slides that
// window (last-seen written at most once a minute), and 30 days end it whatever the activity.
import { afterEach, describe, expect, it, vi } from "vitest";
import { expectError, freezeTime, freshIp, login, me, newOwner, sessionRow, setTime } from "./support";

afterEach(() => {
  vi.useRealTimers();
});

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

async function freshSession() {
  const owner = await newOwner();
  const res = await login(owner.email, owner.password, freshIp());
  expect(res.status).toBe(200);
  const token: string = res.json.token;
  const row = await sessionRow(token);
  return { owner, token, createdAt: row.created_at };
}

describe("session inactivity", () => {
  it("refuses a token after 24 hours without a request, and ends the session for good", async () => {
    const { token, createdAt } = await freshSession();
    freezeTime(createdAt + DAY);
    const res = await me(token);
    expectError(res, 401, "unauthorized");
    expect(res.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
    expect(await sessionRow(token)).toMatchObject({ ended_at: createdAt + DAY, end_reason: "idle" });
    // Going back in time does not revive it.
    setTime(createdAt + MINUTE);
    expect((await me(token)).status).toBe(401);
  });

  it("still accepts a token one second before 24 idle hours", async () => {
    const { token, createdAt } = await freshSession();
    freezeTime(createdAt + DAY - 1000);
    expect((await me(token)).status).toBe(200);
    expect((await sessionRow(token)).ended_at).toBeNull();
  });

  it("slides the window with activity: 23 h, then 23 h later, then 23 h later again", async () => {
    const { token, createdAt } = await freshSession();
    freezeTime(createdAt + 23 * HOUR);
    expect((await me(token)).status).toBe(200);
    setTime(createdAt + 46 * HOUR);
    expect((await me(token)).status).toBe(200);
    setTime(createdAt + 69 * HOUR);
    expect((await me(token)).status).toBe(200);
    // And then 24 h of silence ends it.
    setTime(createdAt + 93 * HOUR);
    expect((await me(token)).status).toBe(401);
  });

  it("writes last_seen_at at most once a minute", async () => {
    const { token, createdAt } = await freshSession();
    expect((await sessionRow(token)).last_seen_at).toBe(createdAt);
    freezeTime(createdAt + 30_000);
    expect((await me(token)).status).toBe(200);
    expect((await sessionRow(token)).last_seen_at).toBe(createdAt);
    setTime(createdAt + 59_999);
    expect((await me(token)).status).toBe(200);
    expect((await sessionRow(token)).last_seen_at).toBe(createdAt);
    setTime(createdAt + MINUTE);
    expect((await me(token)).status).toBe(200);
    expect((await sessionRow(token)).last_seen_at).toBe(createdAt + MINUTE);
    setTime(createdAt + MINUTE + 45_000);
    for (let i = 0; i < 3; i++) expect((await me(token)).status).toBe(200);
    expect((await sessionRow(token)).last_seen_at).toBe(createdAt + MINUTE);
    setTime(createdAt + 2 * MINUTE + 30_000);
    expect((await me(token)).status).toBe(200);
    expect((await sessionRow(token)).last_seen_at).toBe(createdAt + 2 * MINUTE + 30_000);
  });

  it("counts idle time from the last recorded activity", async () => {
    const { token, createdAt } = await freshSession();
    freezeTime(createdAt + 10 * HOUR);
    expect((await me(token)).status).toBe(200);
    setTime(createdAt + 10 * HOUR + DAY - 1000);
    expect((await me(token)).status).toBe(200);
    setTime(createdAt + 10 * HOUR + DAY - 1000 + DAY);
    expect((await me(token)).status).toBe(401);
  });

  it("ends only the idle session, not the user's other sessions", async () => {
    const { owner, token, createdAt } = await freshSession();
    freezeTime(createdAt + 12 * HOUR);
    const other = await login(owner.email, owner.password, freshIp());
    setTime(createdAt + DAY);
    expect((await me(token)).status).toBe(401);
    expect((await me(other.json.token)).status).toBe(200);
  });
});

describe("session absolute lifetime", () => {
  it("ends after 30 days even with a request every 23 hours", async () => {
    const { token, createdAt } = await freshSession();
    freezeTime(createdAt);
    let t = createdAt;
    while (t + 23 * HOUR < createdAt + 30 * DAY) {
      t += 23 * HOUR;
      setTime(t);
      expect((await me(token)).status, `at ${(t - createdAt) / HOUR} h`).toBe(200);
    }
    setTime(createdAt + 30 * DAY - 1000);
    expect((await me(token)).status).toBe(200);
    setTime(createdAt + 30 * DAY);
    expectError(await me(token), 401, "unauthorized");
    setTime(createdAt + 30 * DAY + 1000);
    expect((await me(token)).status).toBe(401);
  });

  it("reports the absolute end in the login answer and /api/me", async () => {
    const { token, createdAt } = await freshSession();
    const who = await me(token);
    expect(who.status).toBe(200);
    expect(new Date(who.json.session.expiresAt).getTime()).toBe(createdAt + 30 * DAY);
  });
});
