// When a guest may say "I'm on my way" (issue 21, "Status"): once they are almost up — at or above the
// location's "almost up" position (the one that sends the "almost up" text) — or notified. The status
// page offers the button by this rule and the guest API refuses it otherwise, so the 11th party in
// line cannot tell the host they are coming before the host needs them.
import type { PartyState } from "./model";

/** The "almost up" position when a location has not chosen one (durable-objects/sms/texts.ts). */
export const DEFAULT_ALMOST_UP_POSITION = 3;

export function mayBeOnMyWay(s: { status: PartyState; position: number | null }, almostUpPosition: number = DEFAULT_ALMOST_UP_POSITION): boolean {
  if (s.status === "notified") return true;
  return s.status === "waiting" && s.position !== null && s.position <= almostUpPosition;
}
