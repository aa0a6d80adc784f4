// Brute-force protection and rate limits, kept in D1 so every Worker isolate sees the same counts.
// Counters are updated with single atomic upserts: concurrent failures are never lost.
import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { throttles } from "../db/schema";
import { HOUR, MINUTE, SECOND } from "../lib/clock";
import { ApiError } from "../lib/errors";
import { UNIDENTIFIED_SHARED_FACTOR } from "../lib/client-identity";

export interface FailurePolicy {
  /** Consecutive failures allowed before each further one imposes a delay. */
  freeConsecutive: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** At most this many failures per window, whatever the delays. */
  windowMs: number;
  windowMax: number;
}

// Per sign-in identity (the email, hashed): 10 consecutive failures, then 30 s doubling up to 15
// minutes; never more than 100 failures in any hour (ASVS 2.2.1). Failures are counted in fixed
// one-hour windows, and any rolling hour overlaps at most two of them, so each window allows 50:
// with 100 per window, 99 failures just before a window closed and 99 just after it opened would
// all get through within minutes (the real user signing in between clears the consecutive count).
export const ACCOUNT_LOGIN_POLICY: FailurePolicy = {
  freeConsecutive: 10,
  baseDelayMs: 30 * SECOND,
  maxDelayMs: 15 * MINUTE,
  windowMs: HOUR,
  windowMax: 50,
};

// Per client IP: many emails tried from one address (credential stuffing).
export const IP_LOGIN_POLICY: FailurePolicy = {
  freeConsecutive: Number.POSITIVE_INFINITY,
  baseDelayMs: 0,
  maxDelayMs: 0,
  windowMs: 15 * MINUTE,
  windowMax: 50,
};

/** The delay imposed after `consecutive` failures, and the lock end for the window cap. */
export function lockUntil(policy: FailurePolicy, at: number, consecutive: number, windowStart: number, windowCount: number): number {
  let until = 0;
  if (consecutive >= policy.freeConsecutive) {
    const steps = consecutive - policy.freeConsecutive;
    until = at + Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(steps, 30));
  }
  if (windowCount >= policy.windowMax) until = Math.max(until, windowStart + policy.windowMs);
  return until;
}

/** Milliseconds until `key` may try again; 0 when it may now. */
export async function lockedFor(d: Db, key: string, at: number): Promise<number> {
  const [row] = await d.select({ lockedUntil: throttles.lockedUntil }).from(throttles).where(eq(throttles.key, key));
  return row && row.lockedUntil > at ? row.lockedUntil - at : 0;
}

/** Counts a failure and returns the lock it leaves (ms from now; 0 for none). */
export async function recordFailure(d: Db, key: string, at: number, policy: FailurePolicy): Promise<number> {
  const windowMs = policy.windowMs;
  const [row] = await d
    .insert(throttles)
    .values({ key, consecutiveFailures: 1, windowStart: at, windowCount: 1, lockedUntil: 0, updatedAt: at })
    .onConflictDoUpdate({
      target: throttles.key,
      set: {
        consecutiveFailures: sql`${throttles.consecutiveFailures} + 1`,
        windowCount: sql`CASE WHEN ${throttles.windowStart} + ${windowMs} <= ${at} THEN 1 ELSE ${throttles.windowCount} + 1 END`,
        windowStart: sql`CASE WHEN ${throttles.windowStart} + ${windowMs} <= ${at} THEN ${at} ELSE ${throttles.windowStart} END`,
        updatedAt: at,
      },
    })
    .returning();
  if (!row) return 0;
  const until = lockUntil(policy, at, row.consecutiveFailures, row.windowStart, row.windowCount);
  if (until > at) {
    await d
      .update(throttles)
      .set({ lockedUntil: sql`MAX(${throttles.lockedUntil}, ${until})` })
      .where(eq(throttles.key, key));
    return until - at;
  }
  return 0;
}

/** A success clears the consecutive count (the hourly window keeps counting failures). */
export function recordSuccessQuery(d: Db, key: string, at: number) {
  return d.update(throttles).set({ consecutiveFailures: 0, updatedAt: at }).where(eq(throttles.key, key));
}

export async function recordSuccess(d: Db, key: string, at: number): Promise<void> {
  await recordSuccessQuery(d, key, at);
}

/**
 * A plain fixed-window rate limit: counts this call and refuses once `max` calls fall in the window.
 * Returns 0 when allowed, else the milliseconds until the window resets.
 */
export async function consume(d: Db, key: string, at: number, max: number, windowMs: number): Promise<number> {
  const w = await countInWindow(d, key, at, windowMs);
  if (!w || w.count <= max) return 0;
  return w.windowStart + windowMs - at;
}

/** Counts this call in `key`'s fixed window; returns the count so far and when the window began. */
export async function countInWindow(d: Db, key: string, at: number, windowMs: number): Promise<{ count: number; windowStart: number } | null> {
  const [row] = await d
    .insert(throttles)
    .values({ key, consecutiveFailures: 0, windowStart: at, windowCount: 1, lockedUntil: 0, updatedAt: at })
    .onConflictDoUpdate({
      target: throttles.key,
      set: {
        windowCount: sql`CASE WHEN ${throttles.windowStart} + ${windowMs} <= ${at} THEN 1 ELSE ${throttles.windowCount} + 1 END`,
        windowStart: sql`CASE WHEN ${throttles.windowStart} + ${windowMs} <= ${at} THEN ${at} ELSE ${throttles.windowStart} END`,
        updatedAt: at,
      },
    })
    .returning();
  return row ? { count: row.windowCount, windowStart: row.windowStart } : null;
}

export function rateLimited(retryAfterMs: number, message = "Too many attempts. Try again later.") {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new ApiError(429, "rate_limited", message, [{ message: `Retry after ${seconds} seconds.`, retryAfterSeconds: seconds }], {
    "Retry-After": String(seconds),
  });
}

/** Throws 429 when `key` has used up `max` calls in the window. */
export async function enforceRateLimit(d: Db, key: string, at: number, max: number, windowMs: number, message?: string) {
  const wait = await consume(d, key, at, max, windowMs);
  if (wait > 0) throw rateLimited(wait, message);
}

/**
 * A per-client limit under the deployment's client-identity rule (src/lib/client-identity.ts): keyed by
 * the client's address, or for a client without a trusted address by its fingerprint, plus a cap shared
 * by all unidentified clients (10× the limit) so that rotating fingerprints gets nowhere either.
 */
export async function enforceClientLimit(
  d: Db,
  kind: string,
  client: { key: string; identified: boolean },
  at: number,
  max: number,
  windowMs: number,
  message?: string,
) {
  await enforceRateLimit(d, `${kind}-ip:${client.key}`, at, max, windowMs, message);
  if (!client.identified) await enforceRateLimit(d, `${kind}-ip:unidentified`, at, max * UNIDENTIFIED_SHARED_FACTOR, windowMs, message);
}
