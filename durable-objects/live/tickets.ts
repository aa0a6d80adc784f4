// One-use tickets (60 s) that open a host WebSocket. Only their SHA-256 is stored (`tickets`).
import { randomToken, sha256Hex } from "../../lib/crypto";

export const TICKET_TTL_MS = 60_000;

export class Tickets {
  constructor(private readonly sql: SqlStorage) {}

  async create(userId: string, at: number): Promise<{ ticket: string; expiresAt: number }> {
    const ticket = randomToken();
    this.sweep(at);
    this.sql.exec("INSERT INTO tickets (hash, user_id, expires_at) VALUES (?, ?, ?)", await sha256Hex(ticket), userId, at + TICKET_TTL_MS);
    return { ticket, expiresAt: at + TICKET_TTL_MS };
  }

  /** The user a ticket was issued to, once: the ticket is spent by this call. */
  async consume(ticket: string, at: number): Promise<string | null> {
    const row = this.sql.exec("DELETE FROM tickets WHERE hash = ? AND expires_at > ? RETURNING user_id", await sha256Hex(ticket), at).toArray()[0];
    return row ? (row.user_id as string) : null;
  }

  sweep(at: number): void {
    this.sql.exec("DELETE FROM tickets WHERE expires_at <= ?", at);
  }
}
