// Rows of every expiring kind, inserted straight into D1 at chosen times relative to `at`.
import { env } from "cloudflare:test";
import { db } from "../../src/db/client";
import { accounts, invites, passwordResets, pendingSignups, sessions, throttles, users } from "../../src/db/schema";

export const d = () => db(env.DB);

const id = () => crypto.randomUUID();
const hash = () => crypto.randomUUID().replace(/-/g, "").repeat(2);

export async function tenant(at: number) {
  const accountId = id();
  const userId = id();
  await d().batch([
    d().insert(accounts).values({ id: accountId, name: "Purge Diner", createdAt: at }),
    d().insert(users).values({ id: userId, accountId, email: `${userId}@example.com`, name: "Owner", passwordHash: "x", role: "owner", createdAt: at }),
  ]);
  return { accountId, userId };
}

type T = { accountId: string; userId: string };

export async function session(t: T, times: { createdAt: number; lastSeenAt: number; expiresAt: number; endedAt?: number }) {
  const row = { id: id(), accountId: t.accountId, userId: t.userId, endedAt: null, ...times };
  await d().insert(sessions).values(row);
  return row.id;
}

export async function invite(t: T, times: { createdAt: number; expiresAt: number; acceptedAt?: number; revokedAt?: number }) {
  const row = { id: id(), accountId: t.accountId, email: `${id()}@example.com`, role: "host" as const, tokenHash: hash(), invitedBy: "Owner", lastSentAt: times.createdAt, ...times };
  await d().insert(invites).values(row);
  return row.id;
}

export async function reset(t: T, times: { createdAt: number; expiresAt: number; usedAt?: number }) {
  const row = { id: id(), accountId: t.accountId, userId: t.userId, tokenHash: hash(), ...times };
  await d().insert(passwordResets).values(row);
  return row.id;
}

export async function pending(times: { createdAt: number; expiresAt: number; usedAt?: number }) {
  const row = { id: id(), email: `${id()}@example.com`, name: "Ana", accountName: "Cafe", timezone: "UTC", passwordHash: "x", tokenHash: hash(), ...times };
  await d().insert(pendingSignups).values(row);
  return row.id;
}

export async function throttle(times: { updatedAt: number; lockedUntil?: number }) {
  const key = `test:${id()}`;
  await d().insert(throttles).values({ key, consecutiveFailures: 3, windowStart: times.updatedAt, windowCount: 3, lockedUntil: times.lockedUntil ?? 0, updatedAt: times.updatedAt });
  return key;
}

/** Which of `ids` still exist in `table` (by its id or key column). */
export async function remaining(table: "sessions" | "invites" | "password_resets" | "pending_signups" | "throttles", ids: string[]) {
  const column = table === "throttles" ? "key" : "id";
  const { results } = await env.DB.prepare(`SELECT ${column} AS id FROM ${table} WHERE ${column} IN (${ids.map(() => "?").join(",")})`)
    .bind(...ids)
    .all<{ id: string }>();
  return ids.filter((x) => results.some((r) => r.id === x));
}
