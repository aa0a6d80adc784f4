// ASVS 2.2.1: never more than 100 failed sign-ins for one account in any hour, even when the real
// user keeps signing in between (which clears the consecutive count but not the hourly one).
import { env } from "cloudflare:test";
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ACCOUNT_LOGIN_POLICY, IP_LOGIN_POLICY, lockedFor, lockUntil, recordFailure, recordSuccess } from "../../src/auth/throttle";
import { db } from "../../src/db/client";
import { expectError, freezeTime, freshIp, login, loginThrottle, newOwner, retryAfter, setTime } from "./support";

// Dozens of real sign-ins (bcrypt + D1 round trips) in one test: allow for a busy machine.
const MANY_REQUESTS = 120_000;

afterEach(() => {
  vi.useRealTimers();
});

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const d = db(env.DB);

/** Most timestamps falling in any half-open one-hour interval. */
function worstHour(times: number[]): number {
  let worst = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[j]! <= times[i]! - HOUR) j++;
    worst = Math.max(worst, i - j + 1);
  }
  return worst;
}

/**
 * An attacker against the real D1 counters: fails as often as allowed, while the real user signs in
 * before every 9 failures (clearing the consecutive count). Stops at the first refusal.
 */
async function attackUntilRefused(key: string, at: number, limit = 500): Promise<number[]> {
  const counted: number[] = [];
  while (counted.length < limit) {
    if ((await lockedFor(d, key, at)) > 0) break;
    if (counted.length % 9 === 0) await recordSuccess(d, key, at);
    await recordFailure(d, key, at, ACCOUNT_LOGIN_POLICY);
    counted.push(at);
    at += 100;
  }
  return counted;
}

describe("lockUntil (pure)", () => {
  const at = 1_750_000_000_000;

  it("imposes nothing for the first 9 consecutive failures", () => {
    for (let n = 0; n < 10; n++) expect(lockUntil(ACCOUNT_LOGIN_POLICY, at, n, at, n)).toBe(0);
  });

  it("waits 30 s from the 10th consecutive failure, doubling each time, capped at 15 minutes", () => {
    const delays = [10, 11, 12, 13, 14, 15, 16, 50, 10_000].map((n) => lockUntil(ACCOUNT_LOGIN_POLICY, at, n, at, 0) - at);
    expect(delays).toEqual([30, 60, 120, 240, 480, 900, 900, 900, 900].map((s) => s * SECOND));
  });

  it("locks until the counting hour ends once it holds windowMax failures, whatever the consecutive count", () => {
    const { windowMax } = ACCOUNT_LOGIN_POLICY;
    // Two adjacent counting hours may fall in one rolling hour: together they stay within 100.
    expect(2 * windowMax).toBeLessThanOrEqual(100);
    const windowStart = at - 40 * MINUTE;
    expect(lockUntil(ACCOUNT_LOGIN_POLICY, at, 0, windowStart, windowMax - 1)).toBe(0);
    expect(lockUntil(ACCOUNT_LOGIN_POLICY, at, 0, windowStart, windowMax)).toBe(windowStart + HOUR);
    expect(lockUntil(ACCOUNT_LOGIN_POLICY, at, 3, windowStart, windowMax)).toBe(windowStart + HOUR);
    // The longer of the two locks wins.
    expect(lockUntil(ACCOUNT_LOGIN_POLICY, at, 20, at - 59 * MINUTE, windowMax)).toBe(at + 15 * MINUTE);
  });

  it("limits an IP to 50 failures per 15 minutes, with no consecutive rule", () => {
    expect(lockUntil(IP_LOGIN_POLICY, at, 1_000, at, 49)).toBe(0);
    expect(lockUntil(IP_LOGIN_POLICY, at, 50, at, 50)).toBe(at + 15 * MINUTE);
  });
});

describe("the hourly cap", () => {
  it("refuses sign-in once the hour's failures reach the cap, though sign-ins in between cleared the consecutive count", async () => {
    const owner = await newOwner();
    const start = Date.now();
    freezeTime(start);
    const { windowMax } = ACCOUNT_LOGIN_POLICY;
    let failures = 0;
    let ip = freshIp();
    while (failures < windowMax) {
      expectError(await login(owner.email, `Wrong-${failures}!Aa`, ip), 401, "invalid_credentials");
      failures++;
      if (failures % 9 === 0 && failures < windowMax) {
        expect((await login(owner.email, owner.password, ip)).status).toBe(200);
        ip = freshIp(); // stay under the per-IP limit
      }
    }
    expect(await loginThrottle(owner.email)).toMatchObject({ window_count: windowMax, window_start: start });
    expect((await loginThrottle(owner.email))!.consecutive_failures).toBeLessThan(10);

    const locked = await login(owner.email, owner.password, ip);
    expectError(locked, 429, "rate_limited");
    expect(retryAfter(locked)).toBe(3600);
    setTime(start + 30 * MINUTE);
    expect(retryAfter(await login(owner.email, owner.password, ip))).toBe(1800);
    setTime(start + HOUR);
    expect((await login(owner.email, owner.password, ip)).status).toBe(200);
  }, MANY_REQUESTS);

  it("holds across the edge of a counting hour (failures bunched on both sides of it)", async () => {
    const key = `login:edge-${crypto.randomUUID()}`;
    const start = 1_800_000_000_000;
    // One failure opens the counting hour, and the user's sign-in clears it from the consecutive count.
    await recordFailure(d, key, start, ACCOUNT_LOGIN_POLICY);
    await recordSuccess(d, key, start);
    const before = await attackUntilRefused(key, start + 59 * MINUTE);
    const after = await attackUntilRefused(key, start + 61 * MINUTE);
    expect(before.length).toBeGreaterThan(0);
    expect(after.length).toBeGreaterThan(0);
    expect(worstHour([start, ...before, ...after])).toBeLessThanOrEqual(100);
  });

  it("never lets more than 100 failures through in any rolling hour against a greedy attacker (property, real D1 counters)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            gapMs: fc.integer({ min: 0, max: 3 * SECOND }),
            // The real user signing in now and then clears the consecutive count; the attacker cannot stop that.
            success: fc.integer({ min: 0, max: 6 }).map((n) => n === 0),
          }),
          { minLength: 180, maxLength: 220 },
        ),
        async (steps) => {
          const key = `login:property-${crypto.randomUUID()}`;
          let at = 1_800_000_000_000;
          const counted: number[] = [];
          for (const step of steps) {
            // The attacker waits exactly as long as told, then tries again.
            at += step.gapMs;
            at += await lockedFor(d, key, at);
            if (step.success) await recordSuccess(d, key, at);
            else {
              await recordFailure(d, key, at, ACCOUNT_LOGIN_POLICY);
              counted.push(at);
            }
          }
          expect(worstHour(counted)).toBeLessThanOrEqual(100);
        },
      ),
      { numRuns: 3, endOnFailure: true },
    );
  }, MANY_REQUESTS);
});
