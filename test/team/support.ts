// Helpers shared by test/team, test/locations and test/tenancy: invitations, the error shape, moving
// the clock, and fingerprints of D1 to prove that a refused request changed nothing.
import { env } from "cloudflare:test";
import { expect, vi } from "vitest";
import { call, GOOD_PASSWORD, linkFromEmail, tokenFromPath, uniqueEmail, waitFor, type SignedUp } from "../helpers/api";

export const DAY_MS = 24 * 3600_000;
export const INVITE_TTL_MS = 30 * DAY_MS;

type Res = Awaited<ReturnType<typeof call>>;

export { expectError } from "../helpers/errors";

let ipSeq = 0;
const ipBase = Math.floor(Math.random() * 200);
/**
 * A client IP no other test in the file has used: the public token routes allow 60 calls an hour per
 * IP, and a file shares its storage (and so its counters) across tests.
 */
export function freshIp(): string {
  ipSeq++;
  return `10.${ipBase}.${Math.floor(ipSeq / 250)}.${(ipSeq % 250) + 1}`;
}

export async function sha256Hex(value: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(value));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export interface SentInvite {
  inviteId: string;
  email: string;
  token: string;
  invite: any;
  res: Res;
}

/** `by` invites `email` with `role`; returns the invite and the token from the emailed link. */
export async function sendInvite(
  by: { token: string },
  role: "owner" | "admin" | "host" = "host",
  email = uniqueEmail("invitee"),
  ip?: string,
): Promise<SentInvite> {
  const before = (await inviteEmails(email)).length;
  const res = await call("POST", "/api/team/invites", { token: by.token, body: { email, role }, ip });
  if (res.status !== 201) throw new Error(`invite failed: ${res.status} ${res.text}`);
  const to = res.json.invite.email as string;
  // Wait for this invitation's own email, not an earlier one to the same address.
  await waitForEmailCount(to, before + 1);
  const token = tokenFromPath(await linkFromEmail(to, /invited you/));
  return { inviteId: res.json.invite.id, email: to, token, invite: res.json.invite, res };
}

export async function inviteEmails(to: string) {
  const rows = await env.DB.prepare("SELECT subject, text FROM dev_outbox WHERE to_address = ? ORDER BY created_at, rowid")
    .bind(to)
    .all<{ subject: string; text: string }>();
  return rows.results.filter((r) => /invited you/.test(r.subject));
}

/** Invitation emails go through the outbound queue: wait until `n` have arrived, then list them. */
export async function waitForEmailCount(to: string, n: number) {
  await waitFor(async () => (await inviteEmails(to)).length >= n, 10_000, `invite email #${n} to ${to}`);
  return inviteEmails(to);
}

export function accept(token: string, body: unknown = { name: "New Member", password: GOOD_PASSWORD }, ip = freshIp()) {
  return call("POST", `/api/invites/${token}/accept`, { body, ip });
}

export function preview(token: string, ip = freshIp()) {
  return call("GET", `/api/invites/${token}`, { ip });
}

/** Signs in with email and password (used after moving the clock past a session's idle limit). */
export async function login(email: string, password = GOOD_PASSWORD): Promise<string> {
  const res = await call("POST", "/api/auth/login", { body: { email, password }, ip: freshIp() });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${res.text}`);
  return res.json.token;
}

/** Freezes Date at `at` (for the test and the Worker alike); undo with vi.useRealTimers(). */
export function setClock(at: number) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(at);
}

const FINGERPRINT_QUERIES: Record<string, string> = {
  accounts: "SELECT * FROM accounts ORDER BY id",
  users: "SELECT * FROM users ORDER BY id",
  invites: "SELECT * FROM invites ORDER BY id",
  locations: "SELECT * FROM locations ORDER BY id",
  audit_log: "SELECT * FROM audit_log ORDER BY id",
  dev_outbox: "SELECT id, to_address, subject FROM dev_outbox ORDER BY id",
  // last_seen_at is touched by reads (at most once a minute); whether a session is alive is what counts.
  sessions: "SELECT id, user_id, ended_at, end_reason FROM sessions ORDER BY id",
};

/** Everything a team, invite or location request could change, as one comparable value. */
export async function fingerprint(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [table, query] of Object.entries(FINGERPRINT_QUERIES)) {
    out[table] = (await env.DB.prepare(query).all()).results;
  }
  return out;
}

/** The rows of one account, for "nothing in A changed". */
export async function accountRows(accountId: string) {
  const q = (sql: string) => env.DB.prepare(sql).bind(accountId).all().then((r) => r.results);
  return {
    account: await q("SELECT * FROM accounts WHERE id = ?"),
    users: await q("SELECT * FROM users WHERE account_id = ? ORDER BY id"),
    invites: await q("SELECT * FROM invites WHERE account_id = ? ORDER BY id"),
    locations: await q("SELECT * FROM locations WHERE account_id = ? ORDER BY id"),
    audit: await q("SELECT * FROM audit_log WHERE account_id = ? ORDER BY id"),
    sessions: await q("SELECT id, user_id, ended_at FROM sessions WHERE account_id = ? ORDER BY id"),
  };
}

export async function auditRows(filter: { action: string; targetId?: string; accountId?: string }) {
  const rows = await env.DB.prepare(
    "SELECT account_id, user_id, action, target_type, target_id, ip, detail, created_at FROM audit_log WHERE action = ?1 " +
      "AND (?2 IS NULL OR target_id = ?2) AND (?3 IS NULL OR account_id = ?3) ORDER BY created_at, rowid",
  )
    .bind(filter.action, filter.targetId ?? null, filter.accountId ?? null)
    .all<{
      account_id: string | null;
      user_id: string | null;
      action: string;
      target_type: string | null;
      target_id: string | null;
      ip: string | null;
      detail: string | null;
      created_at: number;
    }>();
  return rows.results;
}

export function tag(): string {
  return crypto.randomUUID().slice(0, 8);
}

export type { SignedUp };
