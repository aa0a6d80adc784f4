// Expired credentials are deleted, not just refused: sessions past their inactivity or absolute
// limit, invitations past 30 days, used or expired reset and sign-up links.
import { and, isNotNull, lt, or } from "drizzle-orm";
import { SESSION_IDLE_TIMEOUT } from "../auth/sessions";
import type { Db } from "../db/client";
import { invites, passwordResets, pendingSignups, sessions, throttles } from "../db/schema";
import { DAY } from "../lib/clock";

// Ended rows are kept a day so a support question about "why was I signed out" can be answered.
const GRACE = DAY;

export async function purgeExpiredCredentials(d: Db, at: number) {
  const [s, i, r, p, t] = await d.batch([
    d
      .delete(sessions)
      .where(or(lt(sessions.expiresAt, at - GRACE), lt(sessions.lastSeenAt, at - SESSION_IDLE_TIMEOUT - GRACE), lt(sessions.endedAt, at - GRACE))),
    d.delete(invites).where(or(lt(invites.expiresAt, at), isNotNull(invites.revokedAt), isNotNull(invites.acceptedAt))),
    d.delete(passwordResets).where(or(lt(passwordResets.expiresAt, at), isNotNull(passwordResets.usedAt))),
    d.delete(pendingSignups).where(or(lt(pendingSignups.expiresAt, at), isNotNull(pendingSignups.usedAt))),
    d.delete(throttles).where(and(lt(throttles.updatedAt, at - DAY), lt(throttles.lockedUntil, at))),
  ]);
  return { sessions: s.meta.changes, invites: i.meta.changes, passwordResets: r.meta.changes, pendingSignups: p.meta.changes, throttles: t.meta.changes };
}
