// The team: members and their roles, and invitations (owner/admin).
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { and, asc, desc, eq, exists, isNull, sql, type SQL } from "drizzle-orm";
import { assertRole, requireAuth, requireRole } from "../auth/middleware";
import { announceToLive } from "../restaurant/live-access";
import { RoleSchema, UserSchema, userView } from "../auth/schemas";
import { enforceRateLimit } from "../auth/throttle";
import { db, type Db } from "../db/client";
import { accounts, auditLog, invites, sessions, users, type Role } from "../db/schema";
import type { AppEnv } from "../env";
import { auditInsert, type AuditEntry } from "../lib/audit";
import { DAY, now } from "../lib/clock";
import { newId, randomToken, sha256Hex } from "../../lib/crypto";
import { conflict, forbidden, notFound } from "../lib/errors";
import { bearer, email, errors, jsonBody, jsonResponse, router, uuidParam } from "./openapi";
import { clientIp } from "../lib/request";
import { inviteEmail } from "../messaging/email/templates";

export const INVITE_TTL = 30 * DAY;

export type InviteStatus = "pending" | "expired" | "accepted" | "revoked";

export function inviteStatus(i: { acceptedAt: number | null; revokedAt: number | null; expiresAt: number }, at: number): InviteStatus {
  if (i.acceptedAt !== null) return "accepted";
  if (i.revokedAt !== null) return "revoked";
  return i.expiresAt <= at ? "expired" : "pending";
}

const InviteSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    role: RoleSchema,
    status: z.enum(["pending", "expired", "accepted", "revoked"]),
    invitedBy: z.string(),
    createdAt: z.string(),
    expiresAt: z.string(),
    lastSentAt: z.string(),
  })
  .openapi("Invite");

const EmailDelivery = z.object({
  status: z.enum(["queued"]).openapi({ description: "The email is on the outbound queue (retried on provider errors)." }),
});

type InviteRow = typeof invites.$inferSelect;
function inviteView(i: InviteRow, at: number) {
  return {
    id: i.id,
    email: i.email,
    role: i.role,
    status: inviteStatus(i, at),
    invitedBy: i.invitedBy,
    createdAt: new Date(i.createdAt).toISOString(),
    expiresAt: new Date(i.expiresAt).toISOString(),
    lastSentAt: new Date(i.lastSentAt).toISOString(),
  };
}

/** Only owners may hand out, take away or act on the owner role. */
function assertMayManage(actor: Role, role: Role) {
  if (role === "owner" && actor !== "owner") throw forbidden("Only an owner can grant the owner role or change an owner.");
}

async function loadInvite(d: Db, accountId: string, inviteId: string) {
  const row = await d.query.invites.findFirst({ where: and(eq(invites.id, inviteId), eq(invites.accountId, accountId)) });
  if (!row) throw notFound("Invite");
  return row;
}

/**
 * The invitation email goes through the outbound queue, with its retries and dead-letter queue, so a
 * provider outage delays it instead of losing it.
 */
async function sendInvite(c: Context<AppEnv>, d: Db, invite: InviteRow, token: string) {
  const auth = c.get("auth");
  const account = await d.query.accounts.findFirst({ where: eq(accounts.id, auth.accountId) });
  const url = `${c.env.APP_URL.replace(/\/+$/, "")}/invite/${token}`;
  const email = inviteEmail(invite.email, { inviterName: auth.name, accountName: account?.name ?? "", role: invite.role, url, expiresAt: invite.expiresAt });
  await c.env.OUTBOUND.send({ kind: "email", ref: `invite:${invite.id}`, email });
  return { status: "queued" as const };
}

const InviteParams = z.object({ inviteId: uuidParam("inviteId") });
const MemberParams = z.object({ userId: uuidParam("userId") });

export const teamRoutes = router();
teamRoutes.use("*", requireAuth);

teamRoutes.openapi(
  createRoute({
    method: "get",
    path: "/members",
    tags: ["Team"],
    summary: "List the account's members",
    security: bearer,
    responses: { 200: jsonResponse(z.object({ members: z.array(UserSchema.extend({ lastLoginAt: z.string().nullable() })) }), "Members"), ...errors(401) },
  }),
  async (c) => {
    const rows = await db(c.env.DB).query.users.findMany({
      where: eq(users.accountId, c.get("auth").accountId),
      orderBy: [asc(users.createdAt)],
    });
    return c.json(
      { members: rows.map((u) => ({ ...userView(u), lastLoginAt: u.lastLoginAt ? new Date(u.lastLoginAt).toISOString() : null })) },
      200,
    );
  },
);

async function ownerCount(d: Db, accountId: string) {
  const owners = await d.select({ id: users.id }).from(users).where(and(eq(users.accountId, accountId), eq(users.role, "owner")));
  return owners.length;
}

/**
 * True (in SQL) while the member still has the role we checked and, when that role is owner, is not
 * the account's last owner. Role changes and removals write only under this guard, in one batch:
 * checking the owner count first and writing after let concurrent requests (say, every owner
 * demoting themselves at once) leave an account with no owner.
 */
function memberUnchanged(accountId: string, memberId: string, role: Role): SQL {
  const lastOwnerGuard =
    role === "owner"
      ? sql`(SELECT count(*) FROM ${users} AS o WHERE o.account_id = ${accountId} AND o.role = 'owner') > 1`
      : undefined;
  return and(eq(users.id, memberId), eq(users.accountId, accountId), eq(users.role, role), lastOwnerGuard)!;
}

/** An audit row written only if `guard` holds for some user row (same batch, same snapshot). */
function auditIf(d: Db, guard: SQL, e: AuditEntry) {
  // Values in the audit_log column order of src/db/schema/accounts.ts (drizzle inserts a SELECT into every column).
  return d.insert(auditLog).select(
    sql`SELECT ${newId()}, ${e.accountId}, ${e.userId}, ${e.action}, ${e.targetType ?? null}, ${e.targetId ?? null}, ${e.ip},
      ${e.detail ? JSON.stringify(e.detail) : null}, ${e.at}
    WHERE EXISTS (SELECT 1 FROM ${users} WHERE ${guard})`,
  );
}

/** Why a guarded write changed nothing: the member left, or the last-owner rule now applies. */
async function guardFailure(d: Db, accountId: string, memberId: string, what: "demoted" | "removed") {
  const member = await d.query.users.findFirst({ where: and(eq(users.id, memberId), eq(users.accountId, accountId)) });
  if (!member) return notFound("Member");
  if (member.role === "owner" && (await ownerCount(d, accountId)) <= 1) {
    return conflict(`The last owner cannot be ${what}. Make someone else an owner first.`);
  }
  return conflict("This member changed while you were editing. Reload and try again.");
}

teamRoutes.openapi(
  createRoute({
    method: "patch",
    path: "/members/{userId}",
    tags: ["Team"],
    summary: "Change a member's role (owner/admin; only owners touch the owner role; the last owner stays)",
    security: bearer,
    request: { params: MemberParams, ...jsonBody(z.object({ role: RoleSchema })) },
    responses: { 200: jsonResponse(UserSchema, "Updated"), ...errors(400, 401, 403, 404, 409) },
  }),
  async (c) => {
    const auth = c.get("auth");
    const { role } = c.req.valid("json");
    const d = db(c.env.DB);
    const member = await d.query.users.findFirst({
      where: and(eq(users.id, c.req.valid("param").userId), eq(users.accountId, auth.accountId)),
    });
    if (!member) throw notFound("Member");
    // Tenancy first: another account's ids answer 404 whatever the caller's role; 403 is for this account.
    assertRole(auth.role, "admin");
    assertMayManage(auth.role, member.role);
    assertMayManage(auth.role, role);
    if (member.role === role) return c.json(userView(member), 200);
    if (member.role === "owner" && (await ownerCount(d, auth.accountId)) <= 1) {
      throw conflict("The last owner cannot be demoted. Make someone else an owner first.");
    }
    const at = now();
    const guard = memberUnchanged(auth.accountId, member.id, member.role);
    const [, changed] = await d.batch([
      auditIf(d, guard, {
        accountId: auth.accountId,
        userId: auth.userId,
        action: "member.role_changed",
        targetType: "user",
        targetId: member.id,
        ip: clientIp(c),
        detail: { from: member.role, to: role },
        at,
      }),
      d.update(users).set({ role }).where(guard).returning({ id: users.id }),
    ]);
    if (changed.length === 0) throw await guardFailure(d, auth.accountId, member.id, "demoted");
    await announceToLive(c.env, d, auth.accountId, { kind: "role", userId: member.id, role });
    return c.json(userView({ ...member, role }), 200);
  },
);

teamRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/members/{userId}",
    tags: ["Team"],
    summary: "Remove a member and end their sessions (owner/admin; the last owner stays)",
    security: bearer,
    request: { params: MemberParams },
    responses: { 204: { description: "Removed" }, ...errors(400, 401, 403, 404, 409) },
  }),
  async (c) => {
    const auth = c.get("auth");
    const d = db(c.env.DB);
    const member = await d.query.users.findFirst({
      where: and(eq(users.id, c.req.valid("param").userId), eq(users.accountId, auth.accountId)),
    });
    if (!member) throw notFound("Member");
    assertRole(auth.role, "admin");
    assertMayManage(auth.role, member.role);
    if (member.role === "owner" && (await ownerCount(d, auth.accountId)) <= 1) {
      throw conflict("The last owner cannot be removed. Make someone else an owner first.");
    }
    const at = now();
    const guard = memberUnchanged(auth.accountId, member.id, member.role);
    const [, , removed] = await d.batch([
      d
        .update(sessions)
        .set({ endedAt: at, endReason: "removed" })
        .where(and(eq(sessions.userId, member.id), isNull(sessions.endedAt), exists(d.select({ one: sql`1` }).from(users).where(guard)))),
      auditIf(d, guard, {
        accountId: auth.accountId,
        userId: auth.userId,
        action: "member.removed",
        targetType: "user",
        targetId: member.id,
        ip: clientIp(c),
        detail: { role: member.role },
        at,
      }),
      d.delete(users).where(guard).returning({ id: users.id }),
    ]);
    if (removed.length === 0) throw await guardFailure(d, auth.accountId, member.id, "removed");
    await announceToLive(c.env, d, auth.accountId, { kind: "removed", userId: member.id });
    return c.body(null, 204);
  },
);

teamRoutes.openapi(
  createRoute({
    method: "get",
    path: "/invites",
    tags: ["Team"],
    summary: "List invitations, newest first (owner/admin)",
    security: bearer,
    middleware: [requireRole("admin")] as const,
    responses: { 200: jsonResponse(z.object({ invites: z.array(InviteSchema) }), "Invites"), ...errors(401, 403) },
  }),
  async (c) => {
    const rows = await db(c.env.DB).query.invites.findMany({
      where: eq(invites.accountId, c.get("auth").accountId),
      orderBy: [desc(invites.createdAt)],
      limit: 500,
    });
    const at = now();
    return c.json({ invites: rows.map((i) => inviteView(i, at)) }, 200);
  },
);

teamRoutes.openapi(
  createRoute({
    method: "post",
    path: "/invites",
    tags: ["Team"],
    summary: "Invite someone by email (owner/admin); the personal link expires after 30 days",
    description: "A newer invitation to the same email replaces any pending one. The link is only ever sent by email.",
    security: bearer,
    middleware: [requireRole("admin")] as const,
    request: jsonBody(z.object({ email, role: RoleSchema })),
    responses: { 201: jsonResponse(z.object({ invite: InviteSchema, email: EmailDelivery }), "Invited"), ...errors(400, 401, 403, 409, 413, 429) },
  }),
  async (c) => {
    const auth = c.get("auth");
    const body = c.req.valid("json");
    assertMayManage(auth.role, body.role);
    const d = db(c.env.DB);
    const at = now();
    // A new invitation revokes the open one to the same email, so replacing an owner's invitation
    // is changing it: as with revoke and resend, only an owner may.
    const open = await d.query.invites.findMany({
      where: and(eq(invites.accountId, auth.accountId), eq(invites.email, body.email), isNull(invites.acceptedAt), isNull(invites.revokedAt)),
    });
    for (const i of open) assertMayManage(auth.role, i.role);
    await enforceRateLimit(d, `invites:${auth.accountId}`, at, 100, DAY, "Too many invitations today. Try again tomorrow.");
    const member = await d.query.users.findFirst({ where: and(eq(users.email, body.email), eq(users.accountId, auth.accountId)) });
    if (member) throw conflict("This person is already a member of your team.", [{ path: "email", message: "Already a member." }]);
    const token = randomToken();
    const invite: InviteRow = {
      id: newId(),
      accountId: auth.accountId,
      email: body.email,
      role: body.role,
      tokenHash: await sha256Hex(token),
      invitedBy: auth.name,
      createdAt: at,
      expiresAt: at + INVITE_TTL,
      lastSentAt: at,
      acceptedAt: null,
      acceptedUserId: null,
      revokedAt: null,
    };
    await d.batch([
      // One live invitation per email: an earlier pending one stops working.
      d
        .update(invites)
        .set({ revokedAt: at })
        .where(and(eq(invites.accountId, auth.accountId), eq(invites.email, body.email), isNull(invites.acceptedAt), isNull(invites.revokedAt))),
      d.insert(invites).values(invite),
      auditInsert(d, {
        accountId: auth.accountId,
        userId: auth.userId,
        action: "invite.created",
        targetType: "invite",
        targetId: invite.id,
        ip: clientIp(c),
        detail: { role: body.role },
        at,
      }),
    ]);
    const delivery = await sendInvite(c, d, invite, token);
    return c.json({ invite: inviteView(invite, at), email: delivery }, 201);
  },
);

teamRoutes.openapi(
  createRoute({
    method: "post",
    path: "/invites/{inviteId}/resend",
    tags: ["Team"],
    summary: "Send a pending or expired invitation again with a new link, valid 30 days (the old link stops working)",
    security: bearer,
    request: { params: InviteParams },
    responses: { 200: jsonResponse(z.object({ invite: InviteSchema, email: EmailDelivery }), "Sent again"), ...errors(400, 401, 403, 404, 409, 429) },
  }),
  async (c) => {
    const auth = c.get("auth");
    const d = db(c.env.DB);
    const current = await loadInvite(d, auth.accountId, c.req.valid("param").inviteId);
    assertRole(auth.role, "admin");
    assertMayManage(auth.role, current.role);
    const at = now();
    const status = inviteStatus(current, at);
    if (status === "accepted" || status === "revoked") throw conflict(`This invitation was ${status}; send a new one instead.`);
    await enforceRateLimit(d, `invites:${auth.accountId}`, at, 100, DAY, "Too many invitations today. Try again tomorrow.");
    const token = randomToken();
    const updated: InviteRow = { ...current, tokenHash: await sha256Hex(token), expiresAt: at + INVITE_TTL, lastSentAt: at };
    await d.batch([
      d
        .update(invites)
        .set({ tokenHash: updated.tokenHash, expiresAt: updated.expiresAt, lastSentAt: at })
        .where(and(eq(invites.id, current.id), eq(invites.accountId, auth.accountId))),
      auditInsert(d, { accountId: auth.accountId, userId: auth.userId, action: "invite.resent", targetType: "invite", targetId: current.id, ip: clientIp(c), at }),
    ]);
    const delivery = await sendInvite(c, d, updated, token);
    return c.json({ invite: inviteView(updated, at), email: delivery }, 200);
  },
);

teamRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/invites/{inviteId}",
    tags: ["Team"],
    summary: "Revoke an invitation (owner/admin)",
    security: bearer,
    request: { params: InviteParams },
    responses: { 204: { description: "Revoked" }, ...errors(400, 401, 403, 404, 409) },
  }),
  async (c) => {
    const auth = c.get("auth");
    const d = db(c.env.DB);
    const current = await loadInvite(d, auth.accountId, c.req.valid("param").inviteId);
    assertRole(auth.role, "admin");
    assertMayManage(auth.role, current.role);
    if (current.acceptedAt !== null) throw conflict("This invitation was already accepted; remove the member instead.");
    if (current.revokedAt === null) {
      const at = now();
      await d.batch([
        d.update(invites).set({ revokedAt: at }).where(and(eq(invites.id, current.id), eq(invites.accountId, auth.accountId))),
        auditInsert(d, { accountId: auth.accountId, userId: auth.userId, action: "invite.revoked", targetType: "invite", targetId: current.id, ip: clientIp(c), at }),
      ]);
    }
    return c.body(null, 204);
  },
);

