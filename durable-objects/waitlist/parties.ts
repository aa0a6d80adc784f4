// The party table (`parties`) and its outbox to D1 (`outbox`): rows ↔ objects, and the parties in
// line kept in memory (waiting, notified); closed ones are read from SQLite when needed.
import { isActive, RESTORE_WINDOW_MS } from "../../domain/waitlist/model";
import { fromCells, toCells } from "../../domain/entity";
import { PARTY_ROW_COLUMNS, type Party } from "../../domain/waitlist/party";

type Row = Record<string, SqlStorageValue>;

// The row's columns come from the party's declaration (domain/waitlist/party.ts); beside them the
// row holds token_hash (written once, at insert) and join_estimate_minutes (recordJoinEstimate).
const UPDATED = PARTY_ROW_COLUMNS.filter((c) => c.key !== "id");
const INSERT = `INSERT INTO parties (${PARTY_ROW_COLUMNS.map((c) => c.name).join(", ")}, token_hash) VALUES (${Array(PARTY_ROW_COLUMNS.length + 1).fill("?").join(", ")})`;
const UPDATE = `UPDATE parties SET ${UPDATED.map((c) => `${c.name} = ?`).join(", ")} WHERE id = ?`;

export const rowToParty = (r: Row): Party => fromCells<Party>(PARTY_ROW_COLUMNS, r);

export class Parties {
  /** Parties in line (waiting, notified), by id. */
  readonly active = new Map<string, Party>();
  /** Told after a party in line changed, joined or left it (waitlist/line.ts keeps its order from this). */
  onChange: (before: Party | undefined, after: Party | undefined) => void = () => {};
  /** Told after the parties in line were replaced wholesale (load, purge). */
  onReset: () => void = () => {};

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
    this.onReset();
  }

  read(id: string): Party | null {
    const cached = this.active.get(id);
    if (cached) return cached;
    const row = this.sql.exec("SELECT * FROM parties WHERE id = ?", id).toArray()[0];
    return row ? rowToParty(row) : null;
  }

  /** A guest's party by link: the id through the token's index, the party from memory while in line. */
  byTokenHash(tokenHash: string): Party | null {
    const row = this.sql.exec("SELECT id FROM parties WHERE token_hash = ?", tokenHash).toArray()[0];
    if (!row) return null;
    return this.read(row.id as string);
  }

  /** Writes a party (a new one with its token hash) and marks it for the D1 outbox. */
  write(p: Party, tokenHash?: string): void {
    if (tokenHash !== undefined) this.sql.exec(INSERT, ...toCells(PARTY_ROW_COLUMNS, p), tokenHash);
    else this.sql.exec(UPDATE, ...toCells(UPDATED, p), p.id);
    const before = this.active.get(p.id);
    if (isActive(p.status)) this.active.set(p.id, p);
    else this.active.delete(p.id);
    if (before || isActive(p.status)) this.onChange(before, isActive(p.status) ? p : undefined);
    this.sql.exec("INSERT OR REPLACE INTO outbox (party_id, version) VALUES (?, ?)", p.id, p.version);
  }

  /** Marks "almost up" without a new version (the mark is the DO's own; hosts do not show it). */
  markAlmostUp(p: Party, at: number): Party {
    const marked: Party = { ...p, almostUpAt: at };
    this.sql.exec("UPDATE parties SET almost_up_at = ? WHERE id = ?", at, p.id);
    const before = this.active.get(p.id);
    this.active.set(p.id, marked);
    this.onChange(before, marked);
    return marked;
  }

  /** A closed party's new rank, changed silently (hosts do not show closed parties). */
  setRank(id: string, rank: number): void {
    this.sql.exec("UPDATE parties SET rank = ? WHERE id = ?", rank, id);
  }

  /** The highest rank among parties in line and parties that could still be restored (indexed on closed_at). */
  maxRank(at: number): number {
    let max = 0;
    for (const p of this.active.values()) if (p.rank > max) max = p.rank;
    const closed = this.sql.exec("SELECT MAX(rank) AS r FROM parties WHERE closed_at >= ?", at - RESTORE_WINDOW_MS).one().r as number | null;
    return closed !== null && closed > max ? closed : max;
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
    this.onReset();
  }

  clear(): void {
    this.active.clear();
    this.onReset();
  }
}
