// Public invitation links: see what you were invited to, then accept with a name and password.
import { createRoute, z } from "@hono/zod-openapi";
import { and, eq, gt, isNull } from "drizzle-orm";
import { assertPasswordAcceptable, findUserByEmail, signIn } from "../auth/accounts";
import { bcryptCost, hashPassword } from "../auth/passwords";
import { RoleSchema, SessionSchema, TokenParam } from "../auth/schemas";
import { enforceClientLimit, enforceRateLimit } from "../auth/throttle";
import { db, type Db } from "../db/client";
import { accounts, invites, users } from "../db/schema";
import { auditInsert } from "../lib/audit";
import { HOUR, now } from "../lib/clock";
import { newId, sha256Hex } from "../../lib/crypto";
import { ApiError, conflict } from "../lib/errors";
import { errors, jsonBody, jsonResponse, password, router, text } from "./openapi";
import { clientIp } from "../lib/request";
import { clientIdentity } from "../lib/client-identity";
import { inviteStatus } from "./team";

/** The live invitation behind a token, or the 404/410 that explains why there is none. */
async function liveInvite(d: Db, token: string, at: number) {
  const invite = await d.query.invites.findFirst({ where: eq(invites.tokenHash, await sha256Hex(token)) });
  if (!invite) throw new ApiError(404, "not_found", "This invitation link is not valid. Ask for a new invitation.");
  switch (inviteStatus(invite, at)) {
    case "accepted":
      throw new ApiError(410, "gone", "This invitation has already been used. Sign in instead.");
    case "revoked":
      throw new ApiError(410, "gone", "This invitation was withdrawn. Ask your team for a new one.");
    case "expired":
      throw new ApiError(410, "gone", "This invitation has expired (links last 30 days). Ask your team to resend it.");
    case "pending":
      return invite;
  }
}

export const publicInviteRoutes = router();

publicInviteRoutes.openapi(
  createRoute({
    method: "get",
    path: "/{token}",
    tags: ["Invites (public)"],
    summary: "What an invitation link is for",
    request: { params: TokenParam },
    responses: {
      200: jsonResponse(
        z
          .object({ accountName: z.string(), inviterName: z.string(), email: z.string(), role: RoleSchema, expiresAt: z.string() })
          .openapi("InvitePreview"),
        "The invitation",
      ),
      ...errors(404, 410, 429),
    },
  }),
  async (c) => {
    const d = db(c.env.DB);
    const at = now();
    await enforceClientLimit(d, "token", clientIdentity(c), at, 60, HOUR);
    const invite = await liveInvite(d, c.req.valid("param").token, at);
    const account = await d.query.accounts.findFirst({ where: eq(accounts.id, invite.accountId) });
    return c.json(
      {
        accountName: account?.name ?? "",
        inviterName: invite.invitedBy,
        email: invite.email,
        role: invite.role,
        expiresAt: new Date(invite.expiresAt).toISOString(),
      },
      200,
    );
  },
);

publicInviteRoutes.openapi(
  createRoute({
    method: "post",
    path: "/{token}/accept",
    tags: ["Invites (public)"],
    summary: "Accept an invitation: creates your user with the invited email and signs in",
    request: { params: TokenParam, ...jsonBody(z.object({ name: text(120), password })) },
    responses: { 201: jsonResponse(SessionSchema, "Signed in"), ...errors(400, 404, 409, 410, 413, 429) },
  }),
  async (c) => {
    const body = c.req.valid("json");
    const d = db(c.env.DB);
    const at = now();
    await enforceClientLimit(d, "token", clientIdentity(c), at, 60, HOUR);
    const invite = await liveInvite(d, c.req.valid("param").token, at);
    assertPasswordAcceptable(body.password);
    if (await findUserByEmail(d, invite.email)) {
      throw conflict("This email already has a Seatline account. Sign in with it, or ask to be invited at another address.");
    }
    const passwordHash = await hashPassword(body.password, bcryptCost(c.env));
    const user = { id: newId(), accountId: invite.accountId, email: invite.email, name: body.name, role: invite.role };
    // Claim the invitation first: of two concurrent accepts only one gets the row back.
    const claimed = await d
      .update(invites)
      .set({ acceptedAt: at, acceptedUserId: user.id })
      .where(and(eq(invites.id, invite.id), isNull(invites.acceptedAt), isNull(invites.revokedAt), gt(invites.expiresAt, at)))
      .returning({ id: invites.id });
    if (claimed.length === 0) throw new ApiError(410, "gone", "This invitation has already been used. Sign in instead.");
    try {
      await d.batch([
        d.insert(users).values({ ...user, passwordHash, createdAt: at, lastLoginAt: at, passwordChangedAt: at }),
        auditInsert(d, { accountId: invite.accountId, userId: user.id, action: "invite.accepted", targetType: "invite", targetId: invite.id, ip: clientIp(c), at }),
      ]);
    } catch (err) {
      await d.update(invites).set({ acceptedAt: null, acceptedUserId: null }).where(eq(invites.id, invite.id));
      if (String(err).includes("UNIQUE")) throw conflict("This email already has a Seatline account. Sign in with it.");
      throw err;
    }
    return c.json(await signIn(c, d, user, at), 201);
  },
);
