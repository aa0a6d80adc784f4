// The DO's key-value table (`meta`): schema version, change version, the location it serves and its
// settings. Owned here; the other modules keep their values through it.

/** When table occupancy was last written (reservations/floor.ts); the estimator (waits.ts) trusts it while seating is tracked. */
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
