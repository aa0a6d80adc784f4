// Helpers shared by the auth tests: fresh client IPs, D1 look-ups, moving the clock, error checks.
import { env } from "cloudflare:test";
import { decodeJwt } from "jose";
import { expect, vi } from "vitest";
import { sha256Hex } from "../../lib/crypto";
import { call, GOOD_PASSWORD, linkFromEmail, outbox, signUp, tokenFromPath, uniqueEmail, waitFor, type OutboxEmail, type SignedUp } from "../helpers/api";

// Storage is per test file, but within a file rate limits key on the client IP: every test takes its own.
let ipCounter = 0;
export function freshIp(): string {
  ipCounter += 1;
  return `10.77.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
}

/** Signs up through the real flow from a fresh IP (and keeps that IP for later calls). */
export async function newOwner(opts: { email?: string; password?: string; accountName?: string } = {}): Promise<SignedUp & { ip: string }> {
  const ip = freshIp();
  const owner = await signUp({ ...opts, ip });
  return { ...owner, ip };
}

export function login(email: string, password: string, ip: string) {
  return call("POST", "/api/auth/login", { ip, body: { email, password } });
}

export function me(token: string, ip?: string) {
  return call("GET", "/api/me", { token, ip });
}

/** The session id a token points at. */
export function sessionIdOf(token: string): string {
  return decodeJwt(token).sid as string;
}

export async function first<T = Record<string, unknown>>(query: string, ...binds: unknown[]): Promise<T | null> {
  return env.DB.prepare(query).bind(...binds).first<T>();
}

export async function all<T = Record<string, unknown>>(query: string, ...binds: unknown[]): Promise<T[]> {
  return (await env.DB.prepare(query).bind(...binds).all<T>()).results;
}

export interface SessionRow {
  id: string;
  user_id: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  ended_at: number | null;
  end_reason: string | null;
}

export async function sessionRow(token: string): Promise<SessionRow> {
  const row = await first<SessionRow>("SELECT * FROM sessions WHERE id = ?", sessionIdOf(token));
  if (!row) throw new Error("no session row for token");
  return row;
}

export interface AuditRow {
  action: string;
  account_id: string | null;
  user_id: string | null;
  ip: string | null;
  created_at: number;
}

export function auditRows(action: string, where: { userId?: string; ip?: string } = {}): Promise<AuditRow[]> {
  const clauses = ["action = ?"];
  const binds: unknown[] = [action];
  if (where.userId) clauses.push("user_id = ?"), binds.push(where.userId);
  if (where.ip) clauses.push("ip = ?"), binds.push(where.ip);
  return all<AuditRow>(`SELECT action, account_id, user_id, ip, created_at FROM audit_log WHERE ${clauses.join(" AND ")} ORDER BY created_at`, ...binds);
}

export async function passwordHashOf(email: string): Promise<string> {
  const row = await first<{ password_hash: string }>("SELECT password_hash FROM users WHERE email = ?", email);
  if (!row) throw new Error(`no user ${email}`);
  return row.password_hash;
}

/** Every row of every application table, for "nothing changed" and "secret stored nowhere" checks. */
/**
 * Every row of every table. With `ignoreAccounts`, rows of those accounts are left out: test files
 * share storage, and another file's DOs may still be mirroring their own accounts' rows into D1.
 */
export async function dumpDb(ignoreAccounts: ReadonlySet<string> = new Set()): Promise<Record<string, unknown[]>> {
  const tables = await all<{ name: string }>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name != 'd1_migrations' ORDER BY name",
  );
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    const rows = await all<Record<string, unknown>>(`SELECT * FROM "${name}" ORDER BY rowid`);
    const accountOf = (r: Record<string, unknown>) => (name === "accounts" ? r.id : r.account_id) as string | undefined;
    out[name] = rows.filter((r) => !ignoreAccounts.has(accountOf(r) ?? ""));
  }
  return out;
}

/** The ids of every account there is now. */
export async function accountIds(): Promise<Set<string>> {
  return new Set((await all<{ id: string }>("SELECT id FROM accounts")).map((r) => r.id));
}

/** Freezes the clock (the worker shares the test's isolate, so it sees the same Date). */
export function freezeTime(at: number): void {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(at);
}

export function setTime(at: number): void {
  vi.setSystemTime(at);
}

export { expectError } from "../helpers/errors";

/** Retry-After in seconds, asserting it is present and a positive integer. */
export function retryAfter(res: { headers: Headers }): number {
  const value = res.headers.get("Retry-After");
  expect(value).toMatch(/^\d+$/);
  const seconds = Number(value);
  expect(seconds).toBeGreaterThan(0);
  return seconds;
}

/** Invites `email` into the owner's account and returns the invitation token from the email. */
export async function inviteToken(owner: SignedUp, role: "admin" | "host", email = uniqueEmail(role)) {
  const invite = await call("POST", "/api/team/invites", { token: owner.token, body: { email, role } });
  if (invite.status !== 201) throw new Error(`invite failed: ${invite.status} ${invite.text}`);
  return { email, token: tokenFromPath(await linkFromEmail(email, /invited you/)) };
}

/** Asks for a reset link for `email` and returns its token (waits for the email). */
export async function resetToken(email: string, ip: string): Promise<string> {
  const before = (await all("SELECT id FROM dev_outbox WHERE to_address = ? AND subject LIKE 'Reset%'", email)).length;
  const res = await call("POST", "/api/auth/password-reset", { ip, body: { email } });
  if (res.status !== 202) throw new Error(`reset request failed: ${res.status} ${res.text}`);
  await waitFor(
    async () => (await all("SELECT id FROM dev_outbox WHERE to_address = ? AND subject LIKE 'Reset%'", email)).length > before,
    5000,
    `reset email to ${email}`,
  );
  const link = await linkFromEmail(email, /Reset your Seatline password/);
  expect(link).toMatch(/^\/reset-password\/[A-Za-z0-9_-]{43}$/);
  return tokenFromPath(link);
}

/** Waits for the newest email to `to` whose subject matches. */
export function emailTo(to: string, subject: RegExp): Promise<OutboxEmail> {
  return waitFor(async () => (await outbox(to)).filter((e) => subject.test(e.subject)).at(-1), 5000, `email to ${to} matching ${subject}`);
}

/** Waits until at least `count` emails to `to` match `subject`, and returns them oldest first. */
export function emailsTo(to: string, subject: RegExp, count: number): Promise<OutboxEmail[]> {
  return waitFor(
    async () => {
      const found = (await outbox(to)).filter((e) => subject.test(e.subject));
      return found.length >= count && found;
    },
    5000,
    `${count} emails to ${to} matching ${subject}`,
  );
}

/** The path of the first link in an email's text. */
export function linkIn(email: OutboxEmail): string {
  const match = /https?:\/\/\S+\/(signup|reset-password|invite)\/\S+/.exec(email.text);
  if (!match) throw new Error(`no link in email: ${email.text}`);
  return new URL(match[0]).pathname;
}

export interface ThrottleRow {
  key: string;
  consecutive_failures: number;
  window_start: number;
  window_count: number;
  locked_until: number;
}

/** The brute-force counter row of a sign-in email (keys hold the email's SHA-256, never the email). */
export async function loginThrottle(email: string): Promise<ThrottleRow | null> {
  return first<ThrottleRow>("SELECT * FROM throttles WHERE key = ?", `login:${await sha256Hex(email.trim().toLowerCase())}`);
}

export function ipThrottle(kind: "login" | "signup" | "reset" | "token", ip: string): Promise<ThrottleRow | null> {
  return first<ThrottleRow>("SELECT * FROM throttles WHERE key = ?", `${kind}-ip:${ip}`);
}

export { GOOD_PASSWORD };
