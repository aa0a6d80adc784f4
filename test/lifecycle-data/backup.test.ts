// Daily backups to R2: compressed NDJSON per table with a manifest; 7 days kept; restorable.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { BACKUP_TABLES, backupDate, listBackups, restoreBackup, runBackup, type Manifest } from "../../src/lifecycle/backup";
import { signUp } from "../helpers/api";
import { DAY, runDaily, seedParties } from "./helpers";

async function count(table: string) {
  return (await env.DB.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).first<{ n: number }>())!.n;
}

async function manifest(date: string): Promise<Manifest> {
  return (await (await env.BACKUPS.get(`backups/${date}/manifest.json`))!.json()) as Manifest;
}

describe("daily backup", () => {
  it("writes every table as gzip NDJSON with row counts and checksums in a manifest", async () => {
    const o = await signUp();
    await seedParties(o);
    const at = Date.UTC(2031, 2, 1, 3, 30);
    await runDaily(at);
    const m = await manifest("2031-03-01");
    expect(m.tables.map((t) => t.name)).toEqual([...BACKUP_TABLES]);
    for (const t of m.tables) {
      expect(t.rows).toBe(await count(t.name));
      const object = await env.BACKUPS.get(t.key);
      const raw = new Uint8Array(await new Response(object!.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
      const digest = [...new Uint8Array(await crypto.subtle.digest("SHA-256", raw))].map((b) => b.toString(16).padStart(2, "0")).join("");
      expect(digest).toBe(t.sha256);
      const lines = new TextDecoder().decode(raw).split("\n").filter(Boolean);
      expect(lines).toHaveLength(t.rows);
    }
    const parties = m.tables.find((t) => t.name === "parties")!;
    expect(parties.rows).toBeGreaterThanOrEqual(3);
  });

  it("keeps the last 7 days of backups and deletes older ones", async () => {
    const start = Date.UTC(2032, 0, 1, 3, 30);
    for (let day = 0; day <= 8; day++) await runDaily(start + day * DAY);
    const dates = (await listBackups(env.BACKUPS)).filter((d) => d.startsWith("2032-"));
    expect(dates).toEqual(["2032-01-03", "2032-01-04", "2032-01-05", "2032-01-06", "2032-01-07", "2032-01-08", "2032-01-09"]);
    const leftovers = await env.BACKUPS.list({ prefix: "backups/2032-01-02/" });
    expect(leftovers.objects).toHaveLength(0);
  });

  it("a repeated run on the same day rewrites the same backup", async () => {
    const at = Date.UTC(2033, 4, 5, 3, 30);
    await runBackup(env.DB, env.BACKUPS, at);
    const first = await manifest(backupDate(at));
    await runBackup(env.DB, env.BACKUPS, at + 60_000);
    const second = await manifest(backupDate(at));
    expect(second.tables.map((t) => [t.name, t.rows, t.sha256])).toEqual(first.tables.map((t) => [t.name, t.rows, t.sha256]));
  });
});

describe("restore", () => {
  it("restores the tables to the backup's contents, matching counts and checksums", async () => {
    const o = await signUp();
    await seedParties(o);
    const at = Date.UTC(2034, 6, 7, 3, 30);
    await runBackup(env.DB, env.BACKUPS, at);
    const before = Object.fromEntries(await Promise.all(BACKUP_TABLES.map(async (t) => [t, await count(t)] as const)));
    // Damage: lose the parties and add a stray account.
    await env.DB.prepare("DELETE FROM parties").run();
    await env.DB.prepare("INSERT INTO accounts (id, name, created_at) VALUES ('stray', 'Stray', 1)").run();
    const result = await restoreBackup(env.DB, env.BACKUPS, backupDate(at));
    const m = await manifest(backupDate(at));
    expect(result.tables).toEqual(m.tables.map((t) => ({ name: t.name, rows: t.rows, sha256: t.sha256 })));
    for (const t of BACKUP_TABLES) expect(await count(t)).toBe(before[t]);
    expect(await env.DB.prepare("SELECT id FROM accounts WHERE id = 'stray'").first()).toBeNull();
    // A backup of the restored database has the same checksums.
    const later = at + DAY;
    await runBackup(env.DB, env.BACKUPS, later);
    const again = await manifest(backupDate(later));
    expect(again.tables.map((t) => t.sha256)).toEqual(m.tables.map((t) => t.sha256));
  });

  it("brings back the SMS opt-out ledger and message history, which the accounts' cascade would take", async () => {
    const o = await signUp();
    const at = Date.UTC(2034, 7, 8, 3, 30);
    const phone = "+14155550142";
    await env.DB.prepare("INSERT INTO sms_opt_outs (account_id, phone, source, created_at) VALUES (?, ?, 'keyword', ?)").bind(o.accountId, phone, at).run();
    await env.DB.prepare(
      `INSERT INTO messages (id, account_id, location_id, direction, kind, to_phone, body, status, attempts, created_at, updated_at)
       VALUES (?, ?, ?, 'outbound', 'joined', ?, 'You are in line', 'delivered', 1, ?, ?)`,
    )
      .bind(crypto.randomUUID(), o.accountId, o.locationId, phone, at, at)
      .run();
    await runBackup(env.DB, env.BACKUPS, at);
    await restoreBackup(env.DB, env.BACKUPS, backupDate(at));
    expect(await env.DB.prepare("SELECT phone FROM sms_opt_outs WHERE account_id = ?").bind(o.accountId).all()).toMatchObject({ results: [{ phone }] });
    expect((await env.DB.prepare("SELECT COUNT(*) AS n FROM messages WHERE account_id = ?").bind(o.accountId).first<{ n: number }>())!.n).toBe(1);
  });

  it("refuses a backup whose table does not match its manifest, and changes nothing", async () => {
    const at = Date.UTC(2035, 8, 9, 3, 30);
    await runBackup(env.DB, env.BACKUPS, at);
    const m = await manifest(backupDate(at));
    const accounts = m.tables.find((t) => t.name === "accounts")!;
    const forged = new Response(new Blob(['{"id":"forged","name":"F","created_at":1,"retention_days":null}\n']).stream().pipeThrough(new CompressionStream("gzip")));
    await env.BACKUPS.put(accounts.key, await forged.arrayBuffer());
    const rowsBefore = await count("accounts");
    await expect(restoreBackup(env.DB, env.BACKUPS, backupDate(at))).rejects.toThrow(/mismatch/);
    expect(await count("accounts")).toBe(rowsBefore);
  });

  it("refuses a date without a complete backup", async () => {
    await expect(restoreBackup(env.DB, env.BACKUPS, "1999-01-01")).rejects.toThrow(/No complete backup/);
  });
});
