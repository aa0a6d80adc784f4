// Daily backups of every D1 table to R2: one folder per day (backups/YYYY-MM-DD/), each table as
// gzip-compressed NDJSON, and a manifest with row counts and SHA-256 checksums written last (a
// folder with a manifest is complete). Backups older than 7 days are deleted. restoreBackup reads a
// folder back, checks it against its manifest, and replaces the tables' contents.
import { sha256Hex } from "../../lib/crypto";

export const BACKUP_TABLES = [
  "accounts",
  "users",
  "locations",
  "sessions",
  "invites",
  "password_resets",
  "pending_signups",
  "audit_log",
  "throttles",
  "parties",
  "reservations",
  "guests",
  // Children of accounts and locations: a restore deletes the accounts first, and the cascade would
  // take these with it, so they must come back from the backup too. The opt-out ledger above all.
  "messages",
  "sms_opt_outs",
  // Opt-outs by sending number are nobody's child, but losing them would text people who said STOP.
  "sms_sender_opt_outs",
  "sms_senders",
  "billing_subscriptions",
  "sms_usage_events",
  "sms_usage",
  // Derived from the rows above, but a restore's cascade would delete them and reports would be
  // empty until rebuilt.
  "insight_rollups",
] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

export const BACKUP_KEEP_DAYS = 7;
const PAGE = 1000;
const DAY = 86_400_000;

export interface ManifestTable {
  name: BackupTable;
  key: string;
  rows: number;
  /** SHA-256 (hex) of the uncompressed NDJSON. */
  sha256: string;
  compressedBytes: number;
}

export interface Manifest {
  format: "seatline-backup/1";
  date: string;
  createdAt: string;
  tables: ManifestTable[];
}

export function backupDate(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

export const backupPrefix = (date: string) => `backups/${date}/`;

async function transform(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

async function tableNdjson(db: D1Database, table: BackupTable): Promise<{ text: string; rows: number }> {
  const lines: string[] = [];
  let last = 0;
  for (;;) {
    const { results } = await db
      .prepare(`SELECT rowid AS __rowid, * FROM "${table}" WHERE rowid > ? ORDER BY rowid LIMIT ${PAGE}`)
      .bind(last)
      .all<Record<string, unknown>>();
    for (const row of results) {
      last = row.__rowid as number;
      delete row.__rowid;
      lines.push(JSON.stringify(row));
    }
    if (results.length < PAGE) break;
  }
  return { text: lines.length ? lines.join("\n") + "\n" : "", rows: lines.length };
}

/** Writes today's backup (overwriting a partial one from an earlier attempt) and prunes old ones. */
export async function runBackup(db: D1Database, bucket: R2Bucket, at: number): Promise<{ manifest: Manifest; pruned: string[] }> {
  const date = backupDate(at);
  const prefix = backupPrefix(date);
  const tables: ManifestTable[] = [];
  for (const name of BACKUP_TABLES) {
    const { text, rows } = await tableNdjson(db, name);
    const raw = new TextEncoder().encode(text);
    const gz = await transform(raw, new CompressionStream("gzip"));
    const key = `${prefix}${name}.ndjson.gz`;
    await bucket.put(key, gz, { httpMetadata: { contentType: "application/x-ndjson", contentEncoding: "gzip" } });
    tables.push({ name, key, rows, sha256: await sha256Hex(raw), compressedBytes: gz.byteLength });
  }
  const manifest: Manifest = { format: "seatline-backup/1", date, createdAt: new Date(at).toISOString(), tables };
  await bucket.put(`${prefix}manifest.json`, JSON.stringify(manifest, null, 2), { httpMetadata: { contentType: "application/json" } });
  return { manifest, pruned: await pruneBackups(bucket, at) };
}

/** Deletes backup folders dated 7 or more days before `at`: the 7 most recent days are kept. */
export async function pruneBackups(bucket: R2Bucket, at: number): Promise<string[]> {
  const oldestKept = backupDate(at - (BACKUP_KEEP_DAYS - 1) * DAY);
  const pruned: string[] = [];
  let cursor: string | undefined;
  do {
    const list = await bucket.list({ prefix: "backups/", cursor });
    const old = list.objects.map((o) => o.key).filter((k) => (k.split("/")[1] ?? "") < oldestKept);
    if (old.length) await bucket.delete(old);
    for (const k of old) {
      const day = k.split("/")[1]!;
      if (!pruned.includes(day)) pruned.push(day);
    }
    cursor = list.truncated ? list.cursor : undefined;
  } while (cursor);
  return pruned;
}

export async function listBackups(bucket: R2Bucket): Promise<string[]> {
  const days = new Set<string>();
  let cursor: string | undefined;
  do {
    const list = await bucket.list({ prefix: "backups/", cursor });
    for (const o of list.objects) if (o.key.endsWith("/manifest.json")) days.add(o.key.split("/")[1]!);
    cursor = list.truncated ? list.cursor : undefined;
  } while (cursor);
  return [...days].sort();
}

export class BackupError extends Error {}

/** Reads a backup, verifies every table against the manifest, and (unless verifyOnly) restores it. */
export async function restoreBackup(
  db: D1Database,
  bucket: R2Bucket,
  date: string,
  opts: { verifyOnly?: boolean } = {},
): Promise<{ date: string; tables: { name: string; rows: number; sha256: string }[] }> {
  const manifestObject = await bucket.get(`${backupPrefix(date)}manifest.json`);
  if (!manifestObject) throw new BackupError(`No complete backup for ${date}.`);
  const manifest = (await manifestObject.json()) as Manifest;
  const loaded: { table: ManifestTable; rows: Record<string, unknown>[] }[] = [];
  for (const table of manifest.tables) {
    const object = await bucket.get(table.key);
    if (!object) throw new BackupError(`Backup ${date} is missing ${table.key}.`);
    const raw = await transform(new Uint8Array(await object.arrayBuffer()), new DecompressionStream("gzip"));
    const sha = await sha256Hex(raw);
    const text = new TextDecoder().decode(raw);
    const rows = text ? text.trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>) : [];
    if (sha !== table.sha256) throw new BackupError(`Checksum mismatch for ${table.name} in ${date}.`);
    if (rows.length !== table.rows) throw new BackupError(`Row count mismatch for ${table.name} in ${date}.`);
    loaded.push({ table, rows });
  }
  if (!opts.verifyOnly) {
    // Children first on delete, parents first on insert (foreign keys are enforced).
    for (const { table } of [...loaded].reverse()) await db.prepare(`DELETE FROM "${table.name}"`).run();
    for (const { table, rows } of loaded) await insertRows(db, table.name, rows);
  }
  return { date, tables: loaded.map(({ table }) => ({ name: table.name, rows: table.rows, sha256: table.sha256 })) };
}

async function insertRows(db: D1Database, table: string, rows: Record<string, unknown>[]) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  // D1 allows at most 100 bound parameters per statement.
  const perStatement = Math.max(1, Math.floor(100 / columns.length));
  const statements: D1PreparedStatement[] = [];
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const placeholders = chunk.map(() => `(${columns.map(() => "?").join(", ")})`).join(", ");
    const values = chunk.flatMap((r) => columns.map((c) => r[c] ?? null));
    statements.push(db.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${placeholders}`).bind(...values));
  }
  for (let i = 0; i < statements.length; i += 50) await db.batch(statements.slice(i, i + 50));
}
