// The party table (`parties`) and its outbox to D1 (`outbox`): rows ↔ objects, and the parties in
// line kept in memory (waiting, notified); closed ones are read from SQLite when needed.
import { isActive, RESTORE_WINDOW_MS, type Party, type PartySource } from "../../domain/waitlist/model";

type Row = Record<string, SqlStorageValue>;

/** Columns in the order `bind` gives them (the token hash is written once, at insert). */
const COLUMNS = [
  "name", "phone", "size", "notes", "tags", "quoted_wait", "sms_consent", "state", "restore_state", "rank",
  "notified_at", "notify_count", "seated_at", "closed_at", "updated_at", "version", "almost_up_at", "on_my_way_at",
  "closed_by", "auto_no_show_at",
] as const;

const bind = (p: Party): SqlStorageValue[] => [
  p.name, p.phone, p.size, p.notes, JSON.stringify(p.tags), p.quotedWait, p.smsConsent ? 1 : 0, p.state, p.restoreState, p.rank,
  p.notifiedAt, p.notifyCount, p.seatedAt, p.closedAt, p.updatedAt, p.version, p.almostUpAt ?? null, p.onMyWayAt ?? null,
  p.closedBy ?? null, p.autoNoShowAt ?? null,
];

const INSERT = `INSERT INTO parties (id, source, created_at, token_hash, ${COLUMNS.join(", ")}) VALUES (${Array(COLUMNS.length + 4).fill("?").join(", ")})`;
const UPDATE = `UPDATE parties SET ${COLUMNS.map((c) => `${c} = ?`).join(", ")} WHERE id = ?`;

export function rowToParty(r: Row): Party {
  return {
    id: r.id as string,
    name: r.name as string,
    phone: (r.phone as string | null) ?? null,
    size: r.size as number,
    notes: r.notes as string,
    tags: JSON.parse(r.tags as string) as string[],
    quotedWait: r.quoted_wait as number,
    source: r.source as PartySource,
    smsConsent: r.sms_consent === 1,
    state: r.state as Party["state"],
    restoreState: (r.restore_state as Party["restoreState"]) ?? null,
    rank: r.rank as number,
    createdAt: r.created_at as number,
    notifiedAt: (r.notified_at as number | null) ?? null,
    notifyCount: r.notify_count as number,
    seatedAt: (r.seated_at as number | null) ?? null,
    closedAt: (r.closed_at as number | null) ?? null,
    updatedAt: r.updated_at as number,
    version: r.version as number,
    almostUpAt: (r.almost_up_at as number | null) ?? null,
    onMyWayAt: (r.on_my_way_at as number | null) ?? null,
    closedBy: (r.closed_by as Party["closedBy"]) ?? null,
    autoNoShowAt: (r.auto_no_show_at as number | null) ?? null,
  };
}

export class Parties {
  /** Parties in line (waiting, notified), by id. */
  readonly active = new Map<string, Party>();

  constructor(private readonly sql: SqlStorage) {}

  /** The wait the line showed a party as it joined (mirrored to D1 for insights' estimate accuracy). */
  recordJoinEstimate(id: string, minutes: number | null): void {
    this.sql.exec("UPDATE parties SET join_estimate_minutes = ? WHERE id = ?", minutes, id);
  }

  load(): void {
    this.active.clear();
    for (const r of this.sql.exec("SELECT * FROM parties WHERE state IN ('waiting', 'notified')")) {
      const p = rowToParty(r);
      this.active.set(p.id, p);
    }
  }

  read(id: string): Party | null {
    const cached = this.active.get(id);
    if (cached) return cached;
    const row = this.sql.exec("SELECT * FROM parties WHERE id = ?", id).toArray()[0];
    return row ? rowToParty(row) : null;
  }

  byTokenHash(tokenHash: string): Party | null {
    const row = this.sql.exec("SELECT * FROM parties WHERE token_hash = ?", tokenHash).toArray()[0];
    if (!row) return null;
    return this.active.get(row.id as string) ?? rowToParty(row);
  }

  /** Writes a party (a new one with its token hash) and marks it for the D1 outbox. */
  write(p: Party, tokenHash?: string): void {
    if (tokenHash !== undefined) this.sql.exec(INSERT, p.id, p.source, p.createdAt, tokenHash, ...bind(p));
    else this.sql.exec(UPDATE, ...bind(p), p.id);
    if (isActive(p.state)) this.active.set(p.id, p);
    else this.active.delete(p.id);
    this.sql.exec("INSERT OR REPLACE INTO outbox (party_id, version) VALUES (?, ?)", p.id, p.version);
  }

  /** Marks "almost up" without a new version (the mark is the DO's own; hosts do not show it). */
  markAlmostUp(p: Party, at: number): Party {
    const marked: Party = { ...p, almostUpAt: at };
    this.sql.exec("UPDATE parties SET almost_up_at = ? WHERE id = ?", at, p.id);
    this.active.set(p.id, marked);
    return marked;
  }

  /** A closed party's new rank, changed silently (hosts do not show closed parties). */
  setRank(id: string, rank: number): void {
    this.sql.exec("UPDATE parties SET rank = ? WHERE id = ?", rank, id);
  }

  /** Parties in line and parties closed recently enough to be restored (they keep a place). */
  restorableAndActive(at: number): Party[] {
    const closed = this.sql
      .exec("SELECT * FROM parties WHERE closed_at IS NOT NULL AND closed_at >= ?", at - RESTORE_WINDOW_MS)
      .toArray()
      .map(rowToParty);
    return [...this.active.values(), ...closed];
  }

  /** The earliest close time among the parties still held (for the purge), or null. */
  oldestClosedAt(): number | null {
    return (this.sql.exec("SELECT MIN(closed_at) AS c FROM parties WHERE closed_at IS NOT NULL").toArray()[0]?.c as number | null) ?? null;
  }

  forget(ids: Iterable<string>): void {
    for (const id of ids) this.active.delete(id);
  }

  clear(): void {
    this.active.clear();
  }
}
