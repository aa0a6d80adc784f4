#!/usr/bin/env node
// Local backups: `npm run backup` writes today's backup of the local D1 to the local R2 bucket (what
// the daily cron does in production); `npm run restore -- <YYYY-MM-DD>` restores one into the local
// D1 after checking every table against the manifest's row counts and SHA-256 checksums;
// `npm run restore` alone lists the backups there are.
import { applyMigrations, ensureDevVars, startDev } from "./local.mjs";

// Backup routes need an owner's token, even locally: the demo owner unless told otherwise.
const OWNER = { email: process.env.SEATLINE_EMAIL ?? "demo@seatline.local", password: process.env.SEATLINE_PASSWORD ?? "Seatline-demo-1" };

async function ownerToken(base) {
  const res = await fetch(`${base}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(OWNER) });
  const body = await res.json();
  if (!res.ok) throw new Error(`Signing in as ${OWNER.email} failed (${body.error?.message ?? res.status}); set SEATLINE_EMAIL and SEATLINE_PASSWORD to an owner's.`);
  return body.token;
}

const [command, date] = process.argv.slice(2);
const PORT = Number(process.env.BACKUP_PORT ?? 8797);

async function main() {
  if (command === "restore" && date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error("Give the date as YYYY-MM-DD.");
  // Use a running `npm start` when there is one (two workerd processes must not share the local state).
  let child = null;
  let base = `http://127.0.0.1:${process.env.PORT ?? 8787}`;
  const running = await fetch(`${base}/api/openapi.json`).then((r) => r.ok, () => false);
  if (!running) {
    ensureDevVars();
    applyMigrations({ quiet: true });
    ({ child, base } = await startDev({ port: PORT, logLevel: "error", stdio: "ignore" }));
  }
  try {
    const auth = { authorization: `Bearer ${await ownerToken(base)}` };
    if (command === "backup") {
      const res = await fetch(`${base}/api/dev/backups`, { method: "POST", headers: auth });
      const body = await res.json();
      if (!res.ok) throw new Error(body.error?.message ?? `HTTP ${res.status}`);
      console.log(`✓ Backup ${body.date} written to the local R2 bucket.${body.pruned.length ? ` Pruned: ${body.pruned.join(", ")}.` : ""}`);
    } else if (command === "restore" && date) {
      const res = await fetch(`${base}/api/dev/backups/${date}/restore`, {
        method: "POST",
        headers: { "content-type": "application/json", ...auth },
        body: JSON.stringify({}),
      });
      const body = await res.json();
      if (!res.ok) throw new Error(body.error?.message ?? `HTTP ${res.status}`);
      console.log(`✓ Restored backup ${body.date} into the local D1; every table matched its manifest:`);
      for (const t of body.tables) console.log(`  ${t.name.padEnd(16)} ${String(t.rows).padStart(7)} rows  sha256 ${t.sha256.slice(0, 16)}…`);
    } else {
      const res = await fetch(`${base}/api/dev/backups`, { headers: auth });
      const { dates } = await res.json();
      console.log(dates.length ? `Backups: ${dates.join(", ")}\nRestore one with: npm run restore -- <date>` : "No backups yet. Make one with: npm run backup");
    }
  } finally {
    child?.kill("SIGTERM");
  }
}

main().catch((err) => {
  console.error(`✗ ${err.message}`);
  process.exit(1);
});
