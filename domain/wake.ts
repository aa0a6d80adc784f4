// When the one alarm of a location's DO should fire next: the earliest of an outbox flush (soon
// after a change, backing off while D1 fails), the next schedule entry (reminders, no-shows), the
// next end of a notified party's hold (the waitlist's automatic no-show, domain/waitlist/hold.ts) and
// the next purge of closed parties and old bookings. Pure, so the policy is tested on its own.
import { earliest } from "./reservations/schedule";
import { GUEST_TOKEN_GRACE_MS } from "./waitlist/model";

/** First outbox flush after a change: soon, but late enough to batch a burst of changes. */
export const FLUSH_DELAY_MS = 1_000;
export const MAX_FLUSH_BACKOFF_MS = 5 * 60_000;
/** Reservations stay in the DO (for their manage link and the book) this long after they end. */
export const RESERVATION_KEEP_MS = 30 * 24 * 3600_000;

export interface WakeInputs {
  at: number;
  /** Rows still waiting for D1 after this run's flush (0 when all are there). */
  pending: number;
  /** Flushes that failed in a row (0 after a success). */
  flushFailures: number;
  /** The earliest schedule entry, or null. */
  nextScheduled: number | null;
  /** The earliest automatic no-show of a notified party (its hold runs out), or null (none, or the setting is off). */
  nextHoldExpiry: number | null;
  /** The earliest close time among the parties the DO still holds, or null. */
  oldestClosedAt: number | null;
  /** The earliest end of a booking the DO still holds, or null. */
  oldestBookingEnd: number | null;
}

/** How long a failed flush waits before the next try: doubling from FLUSH_DELAY_MS up to 5 minutes. */
export function flushBackoff(failures: number): number {
  return failures === 0 ? 0 : Math.min(MAX_FLUSH_BACKOFF_MS, FLUSH_DELAY_MS * 2 ** failures);
}

export function nextWake(i: WakeInputs): number | null {
  const retry = i.pending > 0 ? i.at + flushBackoff(i.flushFailures) : null;
  // When the oldest closed party (or old reservation) may be dropped from the DO (it is in D1 by then).
  const purgeAt = earliest(
    i.oldestClosedAt === null ? null : i.oldestClosedAt + GUEST_TOKEN_GRACE_MS + 1,
    i.oldestBookingEnd === null ? null : i.oldestBookingEnd + RESERVATION_KEEP_MS + 1,
  );
  const next = earliest(retry, i.nextScheduled, i.nextHoldExpiry, purgeAt === null ? null : Math.max(i.at + FLUSH_DELAY_MS, purgeAt));
  return next === null ? null : Math.max(next, i.at);
}
