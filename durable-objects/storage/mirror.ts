// Carries a DO table's changed rows to its D1 copy. Rows are upserted by id and applied only when
// their version is newer, so a flush repeated after a crash or a retry changes nothing (DESIGN.md
// rules 2 and 6). The columns come from the entity's declaration (domain/entity.ts): the DO row and
// the D1 row store each mirrored field under the same column, encoded the same way.
import type { Column } from "../../domain/entity";
import type { LocationRef } from "../../domain/waitlist/protocol";
import { daysBefore, refreshFloorDays, type MirroredTable } from "../insights/refresh";

const BATCH = 50;

type Row = Record<string, SqlStorageValue>;

/** A DO table mirrored to D1: its outbox (id → version), the versioned upsert and how a row binds. */
export interface Mirror {
  /** The D1 table (named as the DO's); its insights rollups are recomputed for the days a batch touches. */
  table: MirroredTable;
  /** Selects up to ?1 rows: `o.version AS outbox_version` and the mirrored row's columns, oldest first. */
  select: string;
  /** Deletes outbox rows whose row is gone (a location reset) — nothing to carry. */
  orphans: string;
  /** Deletes one outbox entry by id (?1) up to the version flushed (?2). */
  done: string;
  /** D1 INSERT … ON CONFLICT (id) DO UPDATE … WHERE excluded.version > table.version. */
  upsert: string;
  bind: (r: Row, loc: LocationRef) => unknown[];
}

/**
 * The mirror of `table` whose outbox is `outbox` (keyed by `ref`): the declared mirror columns, and
 * `extra` DO columns the D1 row also keeps. account_id and location_id come from the location.
 */
export function mirrorOf(table: MirroredTable, outbox: { table: string; ref: string }, columns: Column[], extra: string[] = []): Mirror {
  const copied = [...columns.map((c) => c.name), ...extra].filter((n) => n !== "id");
  const all = ["id", "account_id", "location_id", ...copied];
  return {
    table,
    select: `SELECT o.version AS outbox_version, t.* FROM ${outbox.table} o JOIN ${table} t ON t.id = o.${outbox.ref} ORDER BY o.version LIMIT ?`,
    orphans: `DELETE FROM ${outbox.table} WHERE ${outbox.ref} NOT IN (SELECT id FROM ${table})`,
    done: `DELETE FROM ${outbox.table} WHERE ${outbox.ref} = ? AND version <= ?`,
    upsert: `INSERT INTO ${table} (${all.join(", ")}) VALUES (${all.map((_, i) => `?${i + 1}`).join(", ")})
       ON CONFLICT (id) DO UPDATE SET ${copied.map((n) => `${n} = excluded.${n}`).join(", ")}
       WHERE excluded.version > ${table}.version`,
    bind: (r, loc) => [r.id, loc.accountId, loc.id, ...copied.map((n) => r[n] ?? null)],
  };
}

/** Flushes a mirror's outbox in batches; returns how many rows remain (0 when all are in D1). */
export async function flushMirror(sql: SqlStorage, d1: D1Database, loc: LocationRef, m: Mirror): Promise<number> {
  for (;;) {
    const rows = sql.exec(m.select, BATCH).toArray();
    if (rows.length === 0) {
      sql.exec(m.orphans);
      return 0;
    }
    const upsert = d1.prepare(m.upsert);
    const days = await daysBefore(d1, m.table, rows, loc);
    await d1.batch(rows.map((r) => upsert.bind(...m.bind(r, loc))));
    await refreshFloorDays(sql, d1, loc, days, Date.now());
    for (const r of rows) {
      // A change made while the batch was in flight has a higher version and stays queued.
      sql.exec(m.done, r.id, r.version);
    }
  }
}
