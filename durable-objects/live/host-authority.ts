// The DO's side of live-channel authority: host sockets carry their grant (user, session, role) in
// their attachment; the Worker announces revocations (closed at once), and the one alarm re-reads
// the sessions behind every open host socket at least every AUTHORITY_RECHECK_MS and at the earliest
// session limit, so a socket never outlives its session even when no announcement reached this DO
// (another isolate's change, a lost call, an idle timeout, the 30-day lifetime).

import {
  applyRevocation,
  AUTHORITY_RECHECK_MS,
  deadlineOf,
  judge,
  SESSION_IDLE_MS,
  type HostGrant,
  type LiveRevocation,
  type Role,
  type SessionFacts,
  type Verdict,
} from "./authority";

export type HostAttachment = { kind: "host" } & HostGrant;

/** What the Worker hands over with a ticket: the session that asked for it. */
export interface TicketGrant {
  sessionId: string;
  role: Role;
  /** The session's absolute end (30 days after sign-in). */
  sessionExpiresAt: number;
}

const GRANTS_TABLE =
  "CREATE TABLE IF NOT EXISTS ticket_grants (hash TEXT PRIMARY KEY, session_id TEXT NOT NULL, role TEXT NOT NULL, session_expires_at INTEGER NOT NULL, expires_at INTEGER NOT NULL)";
const CHUNK = 50;

export function closeSocket(ws: WebSocket, v: Verdict) {
  try {
    ws.close(v.code, v.reason);
  } catch {
    // already closed
  }
}

export class HostAuthority {
  constructor(
    private readonly ctx: DurableObjectState,
    private readonly sql: SqlStorage,
    private readonly d1: D1Database,
  ) {}

  /** Keeps the grant of a new ticket beside it (same lifetime). */
  saveGrant(ticketHash: string, grant: TicketGrant, ticketExpiresAt: number) {
    this.sql.exec(GRANTS_TABLE);
    this.sql.exec("DELETE FROM ticket_grants WHERE expires_at <= ?", Date.now());
    this.sql.exec(
      "INSERT OR REPLACE INTO ticket_grants (hash, session_id, role, session_expires_at, expires_at) VALUES (?, ?, ?, ?, ?)",
      ticketHash,
      grant.sessionId,
      grant.role,
      grant.sessionExpiresAt,
      ticketExpiresAt,
    );
  }

  /** The attachment for a host socket opened with the ticket whose hash is `ticketHash`. */
  attachmentFor(ticketHash: string, userId: string, at: number): HostAttachment {
    this.sql.exec(GRANTS_TABLE);
    const row = this.sql.exec("DELETE FROM ticket_grants WHERE hash = ? RETURNING session_id, role, session_expires_at", ticketHash).toArray()[0];
    if (!row) return { kind: "host", userId, sessionId: null, role: "host", deadline: null };
    return {
      kind: "host",
      userId,
      sessionId: row.session_id as string,
      role: row.role as Role,
      // The ticket was asked for just now, so the session was active: its inactivity limit is a day away.
      deadline: Math.min(row.session_expires_at as number, at + SESSION_IDLE_MS),
    };
  }

  private hostSockets(): { ws: WebSocket; grant: HostAttachment }[] {
    const out: { ws: WebSocket; grant: HostAttachment }[] = [];
    for (const ws of this.ctx.getWebSockets("host")) {
      const a = ws.deserializeAttachment() as HostAttachment | null;
      if (a?.kind === "host") out.push({ ws, grant: { ...a, sessionId: a.sessionId ?? null, role: a.role ?? "host", deadline: a.deadline ?? null } });
    }
    return out;
  }

  /** Applies an announced change at once; returns how many sockets it closed. */
  revoke(rev: LiveRevocation): number {
    let closed = 0;
    for (const { ws, grant } of this.hostSockets()) {
      const { verdict, role } = applyRevocation(grant, rev);
      if (verdict) {
        closeSocket(ws, verdict);
        closed += 1;
      } else if (role && role !== grant.role) {
        ws.serializeAttachment({ ...grant, role } satisfies HostAttachment);
      }
    }
    return closed;
  }

  /** Closes every socket (host and guest) with `verdict`: the location or the account is gone. */
  closeAll(verdict: Verdict) {
    for (const ws of this.ctx.getWebSockets()) closeSocket(ws, verdict);
  }

  /** When the alarm should next re-check authority (null: no host socket open). */
  nextCheckAt(at: number): number | null {
    const sockets = this.hostSockets();
    if (sockets.length === 0) return null;
    let next = at + AUTHORITY_RECHECK_MS;
    for (const { grant } of sockets) if (grant.deadline !== null) next = Math.min(next, grant.deadline);
    return next;
  }

  /**
   * Re-reads D1 for every open host socket and closes those whose session or member no longer allows
   * them. A D1 failure keeps the sockets (the next alarm tries again) and is reported to the caller.
   */
  async recheck(accountId: string, at: number): Promise<number> {
    const sockets = this.hostSockets();
    if (sockets.length === 0) return 0;
    const facts = await this.readFacts(sockets.map((s) => s.grant));
    let closed = 0;
    for (const { ws, grant } of sockets) {
      const f = grant.sessionId ? facts.sessions.get(grant.sessionId) ?? null : facts.users.get(grant.userId) ?? null;
      const verdict = judge(grant, f, accountId, at);
      if (verdict) {
        closeSocket(ws, verdict);
        closed += 1;
        continue;
      }
      const deadline = f && grant.sessionId ? deadlineOf(f) : null;
      if (f && (f.role !== grant.role || deadline !== grant.deadline)) ws.serializeAttachment({ ...grant, role: f.role, deadline } satisfies HostAttachment);
    }
    return closed;
  }

  private async readFacts(grants: HostGrant[]): Promise<{ sessions: Map<string, SessionFacts>; users: Map<string, SessionFacts> }> {
    const sessionIds = [...new Set(grants.map((g) => g.sessionId).filter((s): s is string => s !== null))];
    const legacyUsers = [...new Set(grants.filter((g) => g.sessionId === null).map((g) => g.userId))];
    const sessions = new Map<string, SessionFacts>();
    const users = new Map<string, SessionFacts>();
    for (let i = 0; i < sessionIds.length; i += CHUNK) {
      const ids = sessionIds.slice(i, i + CHUNK);
      const { results } = await this.d1
        .prepare(
          `SELECT s.id AS session_id, s.user_id, u.account_id, u.role, s.ended_at, s.end_reason, s.last_seen_at, s.expires_at
             FROM sessions s JOIN users u ON u.id = s.user_id AND u.account_id = s.account_id
            WHERE s.id IN (${ids.map(() => "?").join(", ")})`,
        )
        .bind(...ids)
        .all<Record<string, unknown>>();
      for (const r of results) sessions.set(r.session_id as string, factsOf(r));
    }
    for (let i = 0; i < legacyUsers.length; i += CHUNK) {
      const ids = legacyUsers.slice(i, i + CHUNK);
      const { results } = await this.d1
        .prepare(`SELECT NULL AS session_id, id AS user_id, account_id, role, NULL AS ended_at, NULL AS end_reason, NULL AS last_seen_at, NULL AS expires_at FROM users WHERE id IN (${ids.map(() => "?").join(", ")})`)
        .bind(...ids)
        .all<Record<string, unknown>>();
      for (const r of results) users.set(r.user_id as string, factsOf(r));
    }
    return { sessions, users };
  }
}

function factsOf(r: Record<string, unknown>): SessionFacts {
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    sessionId: (r.session_id as string | null) ?? null,
    userId: r.user_id as string,
    accountId: r.account_id as string,
    role: r.role as Role,
    endedAt: n(r.ended_at),
    endReason: (r.end_reason as string | null) ?? null,
    lastSeenAt: n(r.last_seen_at),
    expiresAt: n(r.expires_at),
  };
}
