// The one alarm's policy (domain/wake.ts): when a location's DO wakes next.
import { describe, expect, it } from "vitest";
import { FLUSH_DELAY_MS, MAX_FLUSH_BACKOFF_MS, RESERVATION_KEEP_MS, flushBackoff, nextWake, type WakeInputs } from "../../domain/wake";
import { GUEST_TOKEN_GRACE_MS } from "../../domain/waitlist/model";

const AT = Date.UTC(2026, 11, 2, 18, 0);
const quiet: WakeInputs = { at: AT, pending: 0, flushFailures: 0, nextScheduled: null, nextHoldExpiry: null, oldestClosedAt: null, oldestBookingEnd: null };

describe("nextWake", () => {
  it("sleeps (no alarm) when nothing is pending, scheduled or left to purge", () => {
    expect(nextWake(quiet)).toBeNull();
  });

  it("wakes again at once when rows are still pending after a successful flush (a batch was full)", () => {
    expect(nextWake({ ...quiet, pending: 3 })).toBe(AT);
  });

  it("backs off while D1 fails: doubling from the flush delay, at most five minutes", () => {
    expect(flushBackoff(0)).toBe(0);
    expect(flushBackoff(1)).toBe(2 * FLUSH_DELAY_MS);
    expect(flushBackoff(2)).toBe(4 * FLUSH_DELAY_MS);
    expect(flushBackoff(30)).toBe(MAX_FLUSH_BACKOFF_MS);
    expect(nextWake({ ...quiet, pending: 1, flushFailures: 3 })).toBe(AT + 8 * FLUSH_DELAY_MS);
  });

  it("wakes for the next schedule entry (a reminder or a no-show)", () => {
    expect(nextWake({ ...quiet, nextScheduled: AT + 60_000 })).toBe(AT + 60_000);
  });

  it("wakes when a notified party's hold runs out (the automatic no-show)", () => {
    expect(nextWake({ ...quiet, nextHoldExpiry: AT + 10 * 60_000 })).toBe(AT + 10 * 60_000);
  });

  it("takes the hold expiry when it comes before a reminder, and the reminder when it comes first", () => {
    expect(nextWake({ ...quiet, nextScheduled: AT + 60 * 60_000, nextHoldExpiry: AT + 5 * 60_000 })).toBe(AT + 5 * 60_000);
    expect(nextWake({ ...quiet, nextScheduled: AT + 2 * 60_000, nextHoldExpiry: AT + 5 * 60_000 })).toBe(AT + 2 * 60_000);
  });

  it("an overdue hold (the DO slept through it, or was evicted) wakes now, not in the past", () => {
    expect(nextWake({ ...quiet, nextHoldExpiry: AT - 30_000 })).toBe(AT);
  });

  it("never arms in the past: an overdue entry wakes now", () => {
    expect(nextWake({ ...quiet, nextScheduled: AT - 5_000 })).toBe(AT);
  });

  it("purges a closed party just after its guest link lapses", () => {
    const closed = AT - 1_000;
    expect(nextWake({ ...quiet, oldestClosedAt: closed })).toBe(closed + GUEST_TOKEN_GRACE_MS + 1);
  });

  it("purges an old booking once it has been kept long enough after its end", () => {
    const end = AT - 3_600_000;
    expect(nextWake({ ...quiet, oldestBookingEnd: end })).toBe(end + RESERVATION_KEEP_MS + 1);
  });

  it("an overdue purge waits at least the flush delay, so a purge that cannot delete yet does not spin", () => {
    expect(nextWake({ ...quiet, oldestClosedAt: AT - GUEST_TOKEN_GRACE_MS - 10_000 })).toBe(AT + FLUSH_DELAY_MS);
  });

  it("takes the earliest of everything that is due", () => {
    expect(nextWake({ ...quiet, pending: 1, flushFailures: 2, nextScheduled: AT + 1_000, oldestClosedAt: AT })).toBe(AT + 1_000);
  });
});
