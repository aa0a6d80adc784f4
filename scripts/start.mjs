#!/usr/bin/env node
// `npm start`: the whole service on this machine, offline. Creates local secrets, applies the D1
// migrations, seeds a demo account and location, runs `wrangler dev`, prints the URLs, and prints
// every email the dev outbox receives (invites, sign-up and reset links).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import bcrypt from "bcryptjs";
import { applyMigrations, ensureDevVars, persistArgs, run, startDev } from "./local.mjs";
import { simulatorCredentials, startSmsSimulator } from "./sms-simulator.mjs";

const PORT = Number(process.env.PORT ?? 8787);
// Local state (D1, Durable Objects, queues, R2) lives in .wrangler/state unless SEATLINE_PERSIST_DIR
// names another directory (the browser tests start from an empty one).
const PERSIST = process.env.SEATLINE_PERSIST_DIR || undefined;
const HOST = "127.0.0.1";
const BASE = `http://${HOST}:${PORT}`;
// The local SMS simulator (a fake Twilio and a fake Telnyx with real signatures) on the next port;
// SMS_SIMULATOR=off sends texts to the dev outbox instead (the browser tests do).
const SIMULATE_SMS = process.env.SMS_SIMULATOR !== "off";
const SIM_PORT = Number(process.env.SMS_SIMULATOR_PORT ?? PORT + 1);
// Shorter than production's 10 s and 60 s so a slow provider can be watched: the send gives up after
// 5 s, and a send whose answer was lost is confirmed 15 s later (README, "Trying SMS locally").
const SMS_SEND_TIMEOUT_MS = process.env.SMS_SEND_TIMEOUT_MS || "5000";
const SMS_CONFIRM_WAIT_SECONDS = process.env.SMS_CONFIRM_WAIT_SECONDS || "15";
const SMS_PRIMARY = process.env.SMS_PRIMARY_PROVIDER === "telnyx" ? "telnyx" : "twilio";

export const DEMO = {
  accountId: "00000000-0000-4000-8000-000000000001",
  userId: "00000000-0000-4000-8000-000000000002",
  locationId: "00000000-0000-4000-8000-000000000003",
  email: "demo@seatline.local",
  password: "Seatline-demo-1",
  accountName: "Demo Bistro",
  slug: "demo-bistro",
  timezone: "America/New_York",
};



function sqlString(s) {
  return `'${String(s).replace(/'/g, "''")}'`;
}

function seed() {
  const at = Date.now();
  const hash = bcrypt.hashSync(DEMO.password, 10);
  // INSERT OR IGNORE: running npm start again keeps whatever the demo account has become.
  const sql = `
INSERT OR IGNORE INTO accounts (id, name, created_at) VALUES (${sqlString(DEMO.accountId)}, ${sqlString(DEMO.accountName)}, ${at});
INSERT OR IGNORE INTO users (id, account_id, email, name, password_hash, role, created_at, password_changed_at)
  VALUES (${sqlString(DEMO.userId)}, ${sqlString(DEMO.accountId)}, ${sqlString(DEMO.email)}, 'Demo Owner', ${sqlString(hash)}, 'owner', ${at}, ${at});
INSERT OR IGNORE INTO locations (id, account_id, name, slug, timezone, phone, address, created_at, updated_at)
  VALUES (${sqlString(DEMO.locationId)}, ${sqlString(DEMO.accountId)}, ${sqlString(DEMO.accountName)}, ${sqlString(DEMO.slug)}, ${sqlString(DEMO.timezone)}, '+12125550100', '1 Demo Street, New York, NY', ${at}, ${at});
`;
  const dir = mkdtempSync(join(tmpdir(), "seatline-seed-"));
  const file = join(dir, "seed.sql");
  writeFileSync(file, sql);
  run("npx", ["wrangler", "d1", "execute", "DB", "--local", `--file=${file}`, ...persistArgs(PERSIST)]);
}


function banner() {
  const lines = [
    "",
    "  Seatline is running locally (offline: D1, Durable Objects, Queues and R2 all on this machine).",
    "",
    `  Host screen     ${BASE}/app   (sign in as the demo owner below)`,
    `  Self check-in   ${BASE}/join/${DEMO.slug}`,
    `  API docs        ${BASE}/api/docs`,
    `  OpenAPI         ${BASE}/api/openapi.json`,
    `  Sign in (API)   POST ${BASE}/api/auth/login`,
    `  Dev outbox      ${BASE}/api/dev/outbox   (emails are printed below as they arrive)`,
    ...(SIMULATE_SMS
      ? [
          `  SMS simulator   http://${HOST}:${SIM_PORT}   (fake ${SMS_PRIMARY === "twilio" ? "Twilio (primary) and Telnyx (failover)" : "Telnyx (primary) and Twilio (failover)"}:`,
          "                  switch each up / down / slow / rate-limited, watch failover and opt-outs, reply as a guest)",
        ]
      : ["  SMS             texts go to the dev outbox (SMS_SIMULATOR=off)"]),
    "",
    `  Demo owner      ${DEMO.email}  /  ${DEMO.password}`,
    `  Demo location   ${DEMO.accountName}  (slug: ${DEMO.slug}, id: ${DEMO.locationId})`,
    "",
    `  Try:  curl -s ${BASE}/api/auth/login -H 'content-type: application/json' \\`,
    `          -d '{"email":"${DEMO.email}","password":"${DEMO.password}"}'`,
    "",
    "  Ctrl-C stops it.",
    "",
  ];
  console.log(lines.join("\n"));
}

async function printOutbox(seen) {
  try {
    const res = await fetch(`${BASE}/api/dev/outbox`);
    if (!res.ok) return;
    const { emails } = await res.json();
    for (const e of emails.reverse()) {
      if (seen.has(e.id)) continue;
      seen.add(e.id);
      const link = (e.text.match(/https?:\/\/\S+/g) ?? []).find((u) => /\/(invite|signup|reset-password)\//.test(u));
      if (e.subject.startsWith("SMS")) console.log(`\n📱 ${e.subject} to ${e.to}: ${e.text}`);
      else console.log(`\n✉  To ${e.to}: ${e.subject}${link ? `\n   ${link}` : ""}`);
    }
  } catch {
    // the server is restarting; try again next tick
  }
}

async function main() {
  const added = ensureDevVars();
  if (added.length) console.log(`• Wrote ${added.join(", ")} to .dev.vars (local only; never committed).`);
  console.log("• Applying D1 migrations (local)…");
  applyMigrations({ persistTo: PERSIST });
  console.log("• Seeding the demo account…");
  seed();
  console.log(`• Starting wrangler dev on ${BASE}…`);
  // Development settings (ENVIRONMENT, the dev outbox, APP_URL = this server) come from startDev.
  const vars = {};
  let simulator = null;
  if (SIMULATE_SMS) {
    const creds = simulatorCredentials();
    simulator = await startSmsSimulator({
      port: SIM_PORT,
      appUrl: BASE,
      ...creds,
      primary: SMS_PRIMARY,
      sendTimeoutMs: Number(SMS_SEND_TIMEOUT_MS),
      log: (line) => console.log(`\n${line}`),
    });
    // Real provider settings pointing at the simulator: sending, failover, reports and replies take
    // the real paths, for both providers (the other one is the failover).
    Object.assign(vars, {
      SMS_PRIMARY_PROVIDER: SMS_PRIMARY,
      SMS_SEND_TIMEOUT_MS,
      SMS_CONFIRM_WAIT_SECONDS,
      TWILIO_API_BASE_URL: simulator.twilioUrl,
      TWILIO_ACCOUNT_SID: creds.twilio.accountSid,
      TWILIO_AUTH_TOKEN: creds.twilio.authToken,
      TWILIO_FROM: creds.twilio.from,
      TELNYX_API_BASE_URL: simulator.telnyxUrl,
      TELNYX_API_KEY: creds.telnyx.apiKey,
      TELNYX_FROM: creds.telnyx.from,
      TELNYX_PUBLIC_KEY: creds.telnyx.publicKey,
    });
    console.log(`• SMS simulator on ${simulator.url} (a fake Twilio and Telnyx with local credentials).`);
  }
  // Texts to the dev outbox, yet guests' replies accepted: the browser flows post Twilio-signed replies
  // (scripts/sms-simulator.mjs twilioSignature) with this token. Without an account SID and a from
  // number nothing is sent to Twilio.
  if (!SIMULATE_SMS && process.env.SEATLINE_TWILIO_WEBHOOK_TOKEN) vars.TWILIO_AUTH_TOKEN = process.env.SEATLINE_TWILIO_WEBHOOK_TOKEN;
  // Nothing can be bought offline (no Recurly here), so the local stack gives accounts without a
  // subscription every feature; BILLING_DEFAULT_PLAN=free npm start shows the free plan's limits.
  vars.BILLING_DEFAULT_PLAN = process.env.BILLING_DEFAULT_PLAN || "unlimited";
  const { child } = await startDev({ host: HOST, port: PORT, persistTo: PERSIST, vars });
  const stop = () => {
    child.kill("SIGTERM");
    void simulator?.close();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  child.on("exit", (code) => process.exit(code ?? 0));
  const seen = new Set();
  // Emails already in the outbox from earlier runs are not news.
  try {
    const res = await fetch(`${BASE}/api/dev/outbox`);
    for (const e of (await res.json()).emails) seen.add(e.id);
  } catch {}
  banner();
  setInterval(() => printOutbox(seen), 1500).unref();
}

main().catch((err) => {
  console.error(`\n✗ ${err.message}`);
  process.exit(1);
});
