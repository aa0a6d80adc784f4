// Small helpers for driving the Worker through SELF like a real client would.
import { env, SELF } from "cloudflare:test";

export const ORIGIN = "https://seatline.test";

export interface CallOptions {
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
  ip?: string;
  /** Send this raw string as the body instead of JSON-encoding `body`. */
  raw?: string;
}

export async function call(method: string, path: string, opts: CallOptions = {}) {
  const headers: Record<string, string> = { "CF-Connecting-IP": opts.ip ?? "203.0.113.1", ...opts.headers };
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
  let body: string | undefined = opts.raw;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers["Content-Type"] ??= "application/json";
  }
  const res = await SELF.fetch(`${ORIGIN}${path}`, { method, headers, body });
  const text = await res.text();
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, json, text };
}

/** Waits for `probe` to return a value (not undefined/null/false), or fails after `timeoutMs`. */
export async function waitFor<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 5000, what = "condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await scheduler.wait(20);
  }
}

export interface OutboxEmail {
  id: string;
  to: string;
  subject: string;
  text: string;
}

export async function outbox(to?: string): Promise<OutboxEmail[]> {
  const rows = await env.DB.prepare("SELECT id, to_address AS \"to\", subject, text FROM dev_outbox ORDER BY created_at, rowid").all<OutboxEmail>();
  return rows.results.filter((r) => !to || r.to === to);
}

/** The link (path after the origin) in the newest email to `to` whose subject matches. */
export async function linkFromEmail(to: string, subject: RegExp, timeoutMs = 10_000): Promise<string> {
  const email = await waitFor(async () => (await outbox(to)).filter((e) => subject.test(e.subject)).at(-1), timeoutMs, `email to ${to}`);
  const match = /https?:\/\/[^\s]+/.exec(email.text.split("\n").find((l) => /https?:\/\/\S+\/(invite|signup|reset)/.test(l)) ?? "");
  if (!match) throw new Error(`no link in email: ${email.text}`);
  return new URL(match[0]).pathname;
}

export function tokenFromPath(path: string): string {
  return path.split("/").at(-1)!;
}

let counter = 0;
export function uniqueEmail(prefix = "user") {
  return `${prefix}.${Date.now().toString(36)}.${++counter}@example.com`;
}

export const GOOD_PASSWORD = "Correct-Horse-9";

export interface SignedUp {
  token: string;
  userId: string;
  accountId: string;
  locationId: string;
  email: string;
  password: string;
}

/** Signs up a new account through the real flow (sign-up, emailed link, confirm). */
export async function signUp(opts: { email?: string; accountName?: string; name?: string; password?: string; ip?: string } = {}): Promise<SignedUp> {
  const email = opts.email ?? uniqueEmail("owner");
  const password = opts.password ?? GOOD_PASSWORD;
  const ip = opts.ip ?? `198.51.100.${(counter % 250) + 1}`;
  const res = await call("POST", "/api/auth/signup", {
    ip,
    body: { accountName: opts.accountName ?? "Trattoria " + counter, name: opts.name ?? "Owner", email, password },
  });
  if (res.status !== 202) throw new Error(`signup failed: ${res.status} ${res.text}`);
  const link = await linkFromEmail(email, /Confirm your email/);
  const confirm = await call("POST", "/api/auth/signup/confirm", { ip, body: { token: tokenFromPath(link) } });
  if (confirm.status !== 201) throw new Error(`confirm failed: ${confirm.status} ${confirm.text}`);
  return {
    token: confirm.json.token,
    userId: confirm.json.user.id,
    accountId: confirm.json.account.id,
    locationId: confirm.json.location.id,
    email,
    password,
  };
}

/** Invites `email` with `role` into the owner's account and accepts; returns the new member's session. */
export async function addMember(owner: SignedUp, role: "owner" | "admin" | "host", email = uniqueEmail(role)) {
  const invite = await call("POST", "/api/team/invites", { token: owner.token, body: { email, role } });
  if (invite.status !== 201) throw new Error(`invite failed: ${invite.status} ${invite.text}`);
  const link = await linkFromEmail(email, /invited you/);
  const accept = await call("POST", `/api/invites/${tokenFromPath(link)}/accept`, { body: { name: `A ${role}`, password: GOOD_PASSWORD } });
  if (accept.status !== 201) throw new Error(`accept failed: ${accept.status} ${accept.text}`);
  return { token: accept.json.token as string, userId: accept.json.user.id as string, email, inviteId: invite.json.invite.id as string };
}
