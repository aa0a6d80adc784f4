// Who may keep a live channel open: the pure rules. A host socket carries the grant it was opened
// with (user, session, role); whenever that authority may have changed (a removal, a role change, a
// logout, a password change or reset, account or location deletion) or on the DO's re-check timer,
// the grant is judged against what D1 says now, and a socket that lost its authority is closed with
// one of these codes. The web app shows the reason and does not reconnect after any of them.
/** Member roles, as the Worker has them (src/db/schema/accounts.ts ROLES); the DO depends on nothing of the Worker. */
export type Role = "host" | "admin" | "owner";

/** Close codes of the live channels (4000–4999 are the application's range; 1008/1009 are RFC 6455's). */
export const CLOSE = {
  /** The session behind the socket ended: logout, password change or reset, inactivity, lifetime, account deleted. */
  sessionEnded: 4401,
  /** The member no longer has a role this channel needs (removed from the team, or demoted). */
  roleNotAllowed: 4403,
  /** The location was deleted. */
  locationGone: 4404,
  /** The client kept breaking the protocol (RFC 6455 policy violation). */
  policyViolation: 1008,
  /** A frame over the size limit (RFC 6455 message too big). */
  tooBig: 1009,
} as const;

/** Closes after which reconnecting cannot help; clients stop and show the reason. */
export const FINAL_CLOSE_CODES: readonly number[] = [CLOSE.sessionEnded, CLOSE.roleNotAllowed, CLOSE.locationGone, CLOSE.policyViolation];

/** The role each live channel needs. Every member may watch the host screen. */
export const HOST_CHANNEL_ROLE: Role = "host";

/** How often the DO re-reads the sessions behind its open host sockets (and at the earliest limit). */
export const AUTHORITY_RECHECK_MS = 5 * 60_000;

// Session limits, as in src/auth/sessions.ts (the DO does not import the Worker's auth module).
export const SESSION_IDLE_MS = 24 * 3600_000;

const RANK: Record<Role, number> = { host: 0, admin: 1, owner: 2 };

/** What a host socket was opened with; kept in its WebSocket attachment (survives hibernation). */
export interface HostGrant {
  userId: string;
  /** The session that asked for the ticket; null for sockets opened before grants were recorded. */
  sessionId: string | null;
  role: Role;
  /** The latest moment the session may still be alive, as last read (lifetime and inactivity). */
  deadline: number | null;
}

/** The session and member as D1 has them now; null when the session or the member is gone. */
export interface SessionFacts {
  sessionId: string | null;
  userId: string;
  accountId: string;
  role: Role;
  endedAt: number | null;
  endReason: string | null;
  lastSeenAt: number | null;
  expiresAt: number | null;
}

export interface Verdict {
  code: number;
  reason: string;
}

/** Why a session ended, in words for the host screen (a close reason is at most 123 bytes). */
export function endedReason(endReason: string | null): string {
  switch (endReason) {
    case "logout":
      return "You signed out.";
    case "password_changed":
      return "Your password was changed. Sign in again.";
    case "password_reset":
      return "Your password was reset. Sign in again.";
    case "removed":
      return "You were removed from this team.";
    case "idle":
      return "Your session ended after 24 hours without activity. Sign in again.";
    case "expired":
      return "Your session reached its 30-day limit. Sign in again.";
    case "account_deleted":
      return "This account was deleted.";
    default:
      return "Your session has ended. Sign in again.";
  }
}

/**
 * Judges a grant against the facts now: null keeps the socket open, a verdict closes it.
 * `facts` is null when the member (or their session) no longer exists.
 */
export function judge(grant: HostGrant, facts: SessionFacts | null, accountId: string, at: number, needs: Role = HOST_CHANNEL_ROLE): Verdict | null {
  if (!facts || facts.userId !== grant.userId || facts.accountId !== accountId) {
    return { code: CLOSE.roleNotAllowed, reason: endedReason("removed") };
  }
  if (facts.endedAt !== null) {
    if (facts.endReason === "removed") return { code: CLOSE.roleNotAllowed, reason: endedReason("removed") };
    return { code: CLOSE.sessionEnded, reason: endedReason(facts.endReason) };
  }
  if (facts.expiresAt !== null && at >= facts.expiresAt) return { code: CLOSE.sessionEnded, reason: endedReason("expired") };
  if (facts.lastSeenAt !== null && at - facts.lastSeenAt >= SESSION_IDLE_MS) return { code: CLOSE.sessionEnded, reason: endedReason("idle") };
  if (RANK[facts.role] < RANK[needs]) return { code: CLOSE.roleNotAllowed, reason: "Your role no longer allows this screen." };
  return null;
}

/** The moment the facts stop allowing the socket without any further change (lifetime or inactivity). */
export function deadlineOf(facts: SessionFacts): number | null {
  const limits = [facts.expiresAt, facts.lastSeenAt === null ? null : facts.lastSeenAt + SESSION_IDLE_MS].filter((x): x is number => x !== null);
  return limits.length ? Math.min(...limits) : null;
}

/** A change of authority the Worker announces to every location of the account (closes at once). */
export type LiveRevocation =
  /** One session ended (logout). */
  | { kind: "session"; sessionId: string; reason: string }
  /** Every session of a user ended, except `keep` (password change keeps the one that made it). */
  | { kind: "user_sessions"; userId: string; keep?: string; reason: string }
  /** The member left the team. */
  | { kind: "removed"; userId: string }
  /** The member's role is now `role`. */
  | { kind: "role"; userId: string; role: Role };

/** What a revocation does to one grant: a verdict closes it; `role` is the grant's new role if it stays. */
export function applyRevocation(grant: HostGrant, rev: LiveRevocation, needs: Role = HOST_CHANNEL_ROLE): { verdict: Verdict | null; role?: Role } {
  switch (rev.kind) {
    case "session":
      return { verdict: grant.sessionId === rev.sessionId ? { code: CLOSE.sessionEnded, reason: endedReason(rev.reason) } : null };
    case "user_sessions":
      if (grant.userId !== rev.userId || (rev.keep !== undefined && grant.sessionId === rev.keep)) return { verdict: null };
      return { verdict: { code: CLOSE.sessionEnded, reason: endedReason(rev.reason) } };
    case "removed":
      return { verdict: grant.userId === rev.userId ? { code: CLOSE.roleNotAllowed, reason: endedReason("removed") } : null };
    case "role":
      if (grant.userId !== rev.userId) return { verdict: null };
      if (RANK[rev.role] < RANK[needs]) return { verdict: { code: CLOSE.roleNotAllowed, reason: "Your role no longer allows this screen." } };
      return { verdict: null, role: rev.role };
  }
}
