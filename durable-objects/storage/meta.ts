// The DO's key-value table (`meta`): schema version, change version, the location it serves and its
// settings. Owned here; the other modules keep their values through it.

/**
 * When the host last seated a walk-in at tables or cleared a table (reservations/floor.ts): evidence
 * that the floor is kept in Seatline, so the estimator trusts the occupancy (waits.ts). A booking
 * seated at its own tables is not such evidence (its tables were chosen when it was booked). Kept
 * here, below both, so that waits.ts need not import the floor.
 */
export const OCCUPANCY_MARK = "occupancy_at";

export class Meta {
  constructor(private readonly sql: SqlStorage) {}

  get(key: string): string | null {
    const row = this.sql.exec("SELECT value FROM meta WHERE key = ?", key).toArray()[0];
    return row ? (row.value as string) : null;
  }

  set(key: string, value: string): void {
    this.sql.exec("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", key, value);
  }

  json<T>(key: string): T | null {
    const raw = this.get(key);
    return raw === null ? null : (JSON.parse(raw) as T);
  }

  setJson(key: string, value: unknown): void {
    this.set(key, JSON.stringify(value));
  }
}
