// The emailed sign-up link: works once, for 24 hours; unknown links are 404; guessing is rate-limited.
import { afterEach, describe, expect, it, vi } from "vitest";
import { call, linkFromEmail, tokenFromPath, uniqueEmail } from "../helpers/api";
import { all, expectError, first, freezeTime, freshIp, retryAfter } from "./support";

// Dozens of real sign-ins (bcrypt + D1 round trips) in one test: allow for a busy machine.
const MANY_REQUESTS = 120_000;

afterEach(() => {
  vi.useRealTimers();
});

async function startSignup(ip: string) {
  const email = uniqueEmail("link");
  const res = await call("POST", "/api/auth/signup", { ip, body: { accountName: "Link Lounge", name: "Lin", email, password: "Linked-Up-55" } });
  expect(res.status).toBe(202);
  const token = tokenFromPath(await linkFromEmail(email, /Confirm your email/));
  const row = await first<{ created_at: number; expires_at: number }>("SELECT created_at, expires_at FROM pending_signups WHERE email = ?", email);
  return { email, token, createdAt: row!.created_at, expiresAt: row!.expires_at };
}

const confirm = (token: string, ip: string) => call("POST", "/api/auth/signup/confirm", { ip, body: { token } });

describe("sign-up confirmation link", () => {
  it("works once: the second use answers 410 and creates nothing more", async () => {
    const ip = freshIp();
    const { email, token } = await startSignup(ip);
    expect((await confirm(token, ip)).status).toBe(201);
    const again = await confirm(token, ip);
    expectError(again, 410, "gone");
    expect(again.json.error.message).toMatch(/already been used/);
    expect(await all("SELECT id FROM users WHERE email = ?", email)).toHaveLength(1);
    expect(await all("SELECT a.id FROM accounts a JOIN users u ON u.account_id = a.id WHERE u.email = ?", email)).toHaveLength(1);
  });

  it("creates one account when the link is followed twice at once", async () => {
    const ip = freshIp();
    const { email, token } = await startSignup(ip);
    const results = await Promise.all([confirm(token, ip), confirm(token, ip), confirm(token, ip)]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    for (const s of statuses.filter((s) => s !== 201)) expect([409, 410]).toContain(s);
    expect(await all("SELECT id FROM users WHERE email = ?", email)).toHaveLength(1);
  });

  it("is valid for 24 hours from sign-up", async () => {
    const ip = freshIp();
    const { token, createdAt, expiresAt } = await startSignup(ip);
    expect(expiresAt - createdAt).toBe(24 * 3600_000);
    freezeTime(createdAt + 24 * 3600_000 - 1000);
    expect((await confirm(token, ip)).status).toBe(201);
  });

  it("answers 410 one second after 24 hours, and creates nothing", async () => {
    const ip = freshIp();
    const { email, token, createdAt } = await startSignup(ip);
    freezeTime(createdAt + 24 * 3600_000 + 1000);
    const res = await confirm(token, ip);
    expectError(res, 410, "gone");
    expect(res.json.error.message).toMatch(/expired/);
    expect(await first("SELECT id FROM users WHERE email = ?", email)).toBeNull();
  });

  it("answers 404 for a token nobody was sent", async () => {
    const ip = freshIp();
    expectError(await confirm("A".repeat(43), ip), 404, "not_found");
    expectError(await confirm("not-a-token", ip), 404, "not_found");
  });

  it("refuses more than 60 guesses an hour from one IP with 429", async () => {
    const start = Date.now();
    freezeTime(start);
    const ip = freshIp();
    for (let i = 0; i < 60; i++) expect((await confirm(`guess-${i}`, ip)).status).toBe(404);
    const limited = await confirm("guess-61", ip);
    expectError(limited, 429, "rate_limited");
    expect(retryAfter(limited)).toBe(3600);
    // A real link from another network still works.
    vi.useRealTimers();
    const other = freshIp();
    const { token } = await startSignup(other);
    expect((await confirm(token, other)).status).toBe(201);
  }, MANY_REQUESTS);
});
