// Server-side sessions behind the JWTs: 24 hours of inactivity ends one, and so does its 30-day
// absolute lifetime, a logout, a password change or the user's removal.
import { and, eq, isNull, ne } from "drizzle-orm";
import type { Db } from "../db/client";
import { sessions } from "../db/schema";
import type { SessionUser } from "../env";
import { DAY, MINUTE } from "../lib/clock";
import { newId } from "../../lib/crypto";
import { signSessionToken, verifySessionToken } from "./tokens";

export const SESSION_IDLE_TIMEOUT = DAY;
export const SESSION_MAX_LIFETIME = 30 * DAY;
// last_seen_at is written at most this often, so reads do not turn into a write per request.
export const SESSION_TOUCH_INTERVAL = MINUTE;

export type { SessionUser };

export interface IssuedSession {
  token: string;
  sessionId: string;
  expiresAt: number;
  idleTimeoutSeconds: number;
}

/**
 * A new session row as a query, so a caller can write it in one batch with its other writes
 * (sign-in records its success and audit entry in the same round trip); `issue` signs its JWT.
 */
export function sessionInsert(
  d: Db,
  user: { id: string; accountId: string },
  at: number,
  meta: { ip: string | null; userAgent: string | null },
) {
  const id = newId();
  const expiresAt = at + SESSION_MAX_LIFETIME;
  const query = d.insert(sessions).values({
    id,
    accountId: user.accountId,
    userId: user.id,
    createdAt: at,
    lastSeenAt: at,
    expiresAt,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  const issue = async (secret: string): Promise<IssuedSession> => ({
    token: await signSessionToken(secret, { sub: user.id, sid: id, acc: user.accountId }, at, expiresAt),
    sessionId: id,
    expiresAt,
    idleTimeoutSeconds: SESSION_IDLE_TIMEOUT / 1000,
  });
  return { query, issue };
}

/**
 * The signed-in user behind a bearer token, or null. Ends sessions found idle for too long.
 * `verified` hears the token's account once its signature checks out, before the session row is read
 * (the caller may start work it uses only if this answers a user of that account).
 */
export async function authenticate(d: Db, secret: string, token: string, at: number, verified?: (accountId: string) => void): Promise<SessionUser | null> {
  const claims = await verifySessionToken(secret, token, at);
  if (!claims) return null;
  verified?.(claims.acc);
  // Every authenticated request runs this, so it is one prepared statement on the D1 binding itself:
  // the query builder's per-call work (building the SQL, mapping the columns) showed in the bench's
  // profile of each host action (issue 14). The same join and filters as the schema's sessions/users.
  const row = await d.$client.prepare(SESSION_LOOKUP).bind(claims.sid, claims.sub).first<SessionRow>();
  if (!row) return null;
  const s = { id: row.id, accountId: row.account_id, endedAt: row.ended_at, expiresAt: row.expires_at, lastSeenAt: row.last_seen_at };
  if (s.endedAt !== null || s.accountId !== claims.acc || row.user_account_id !== claims.acc) return null;
  if (at >= s.expiresAt) {
    await endSession(d, s.id, at, "expired");
    return null;
  }
  if (at - s.lastSeenAt >= SESSION_IDLE_TIMEOUT) {
    await endSession(d, s.id, at, "idle");
    return null;
  }
  if (at - s.lastSeenAt >= SESSION_TOUCH_INTERVAL) {
    await d.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, s.id));
  }
  return { sessionId: s.id, userId: claims.sub, accountId: claims.acc, role: row.role, email: row.email, name: row.name, sessionExpiresAt: s.expiresAt };
}

/** The session and its user, by the token's session and user ids (sessions ⋈ users, src/db/schema/accounts.ts). */
const SESSION_LOOKUP =
  "SELECT s.id, s.account_id, s.ended_at, s.expires_at, s.last_seen_at, u.role, u.email, u.name, u.account_id AS user_account_id " +
  "FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ?1 AND s.user_id = ?2 LIMIT 1";

interface SessionRow {
  id: string;
  account_id: string;
  ended_at: number | null;
  expires_at: number;
  last_seen_at: number;
  role: SessionUser["role"];
  email: string;
  name: string;
  user_account_id: string;
}

export async function endSession(d: Db, sessionId: string, at: number, reason: string) {
  await d
    .update(sessions)
    .set({ endedAt: at, endReason: reason })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)));
}

/** Ends every live session of a user, except `keep` (the one making a password change). */
export function endUserSessionsQuery(d: Db, userId: string, at: number, reason: string, keep?: string) {
  const where = keep
    ? and(eq(sessions.userId, userId), isNull(sessions.endedAt), ne(sessions.id, keep))
    : and(eq(sessions.userId, userId), isNull(sessions.endedAt));
  return d.update(sessions).set({ endedAt: at, endReason: reason }).where(where);
}
