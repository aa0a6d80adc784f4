// The hold on a notified party: how long the host keeps the table once the party has been told it is
// ready (the location's `holdMinutes`), when the party shows as late, and when — with `autoNoShow` on —
// the DO marks it a no-show by itself. Derived from stored times only (notifiedAt, onMyWayAt,
// autoNoShowAt) and the settings, so it survives eviction and follows a settings change at once.
//
// "On my way" restarts the hold once: a guest who answers the table-ready text with "1" (or taps the
// button) after being notified is held `holdMinutes` from that answer, because they told the host they
// are coming. A second notify ("Again") restarts it too. An answer given before the notify does not
// extend anything: the hold counts from the notify.
import type { Party } from "./model";

const MINUTE = 60_000;

export type HoldFields = Pick<Party, "status" | "notifiedAt"> & Partial<Pick<Party, "onMyWayAt" | "autoNoShowAt">>;

/** When the current hold started (the notify, or an "on my way" after it); null when not notified. */
export function holdStart(p: HoldFields): number | null {
  if (p.status !== "notified" || p.notifiedAt === null) return null;
  return Math.max(p.notifiedAt, p.onMyWayAt ?? 0);
}

/** When the hold ends and the party shows as late; null when it is not held. */
export function holdEndsAt(p: HoldFields, holdMinutes: number): number | null {
  const start = holdStart(p);
  return start === null ? null : start + holdMinutes * MINUTE;
}

/**
 * When the DO should mark this party a no-show by itself: the end of its hold, if the setting is on
 * and this hold has not already produced an automatic no-show (a party restored after one keeps its
 * place until the host acts or notifies it again).
 */
export function autoNoShowAt(p: HoldFields, settings: { autoNoShow: boolean; holdMinutes: number }): number | null {
  if (!settings.autoNoShow) return null;
  const start = holdStart(p);
  if (start === null) return null;
  if (p.autoNoShowAt != null && p.autoNoShowAt >= start) return null;
  return start + settings.holdMinutes * MINUTE;
}

/** The earliest automatic no-show due among `parties` (the next wake for the hold timer), or null. */
export function nextHoldExpiry(parties: Iterable<HoldFields>, settings: { autoNoShow: boolean; holdMinutes: number }): number | null {
  let next: number | null = null;
  for (const p of parties) {
    const due = autoNoShowAt(p, settings);
    if (due !== null && (next === null || due < next)) next = due;
  }
  return next;
}
