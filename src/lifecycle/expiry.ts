// Expired credentials are deleted, not just refused: sessions past their inactivity or absolute
// limit, invitations past 30 days, used or expired reset and sign-up links, stale throttle counters.
// Cron runs can repeat (DESIGN.md rule 6): a second run at the same time finds nothing more to delete.
import { and, lt, or } from "drizzle-orm";
import { SESSION_IDLE_TIMEOUT } from "../auth/sessions";
import type { Db } from "../db/client";
import { invites, passwordResets, pendingSignups, sessions, throttles } from "../db/schema";
import { DAY } from "../lib/clock";

// Ended rows are kept a day so a support question about "why was I signed out" can be answered, and
// a link followed again answers 410 "already used" or "expired" rather than 404 "not valid".
export const GRACE = DAY;
// An invitation past its 30 days is deleted at the next sweep (the security page: links expire after
// 30 days). Accepted and revoked ones, whose links are already dead, stay a week so the team page can
// show what happened to them.
export const INVITE_KEEP = 7 * DAY;
// Throttle rows untouched this long hold no window (the longest is a day) and no lock.
export const THROTTLE_KEEP = DAY;

export async function purgeExpiredCredentials(d: Db, at: number) {
  const [s, i, r, p, t] = await d.batch([
    d
      .delete(sessions)
      .where(or(lt(sessions.expiresAt, at - GRACE), lt(sessions.lastSeenAt, at - SESSION_IDLE_TIMEOUT - GRACE), lt(sessions.endedAt, at - GRACE))),
    d
      .delete(invites)
      .where(or(lt(invites.expiresAt, at), lt(invites.revokedAt, at - INVITE_KEEP), lt(invites.acceptedAt, at - INVITE_KEEP))),
    d.delete(passwordResets).where(or(lt(passwordResets.expiresAt, at - GRACE), lt(passwordResets.usedAt, at - GRACE))),
    d.delete(pendingSignups).where(or(lt(pendingSignups.expiresAt, at - GRACE), lt(pendingSignups.usedAt, at - GRACE))),
    d.delete(throttles).where(and(lt(throttles.updatedAt, at - THROTTLE_KEEP), lt(throttles.lockedUntil, at))),
  ]);
  return { sessions: s.meta.changes, invites: i.meta.changes, passwordResets: r.meta.changes, pendingSignups: p.meta.changes, throttles: t.meta.changes };
}
