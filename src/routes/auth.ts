// Sign-up (confirmed by email), sign-in, sign-out, the current user, password reset and change.
import { createRoute, z } from "@hono/zod-openapi";
import { and, eq, gt, isNull } from "drizzle-orm";
import { assertPasswordAcceptable, findUserByEmail, signIn } from "../auth/accounts";
import { requireAuth } from "../auth/middleware";
import { bcryptCost, dummyHash, hashPassword, PASSWORD_MAX_BYTES, verifyPassword } from "../auth/passwords";
import { AccountSchema, SessionSchema, TokenParam, UserSchema, userView } from "../auth/schemas";
import { endSession, endUserSessionsQuery } from "../auth/sessions";
import { announceToLive } from "../restaurant/live-access";
import {
  ACCOUNT_LOGIN_POLICY,
  consume,
  enforceClientLimit,
  enforceRateLimit,
  IP_LOGIN_POLICY,
  lockedFor,
  rateLimited,
  recordFailure,
  recordSuccess,
  recordSuccessQuery,
} from "../auth/throttle";
import { db, type Db } from "../db/client";
import { accounts, locations, passwordResets, pendingSignups, users } from "../db/schema";
import { audit, auditInsert } from "../lib/audit";
import { DAY, HOUR, now } from "../lib/clock";
import { newId, randomToken, sha256Hex } from "../../lib/crypto";
import { ApiError, conflict, validationFailed } from "../lib/errors";
import { log } from "../../lib/log";
import { bearer, email, ErrorSchema, errors, jsonBody, jsonResponse, password, router, text } from "./openapi";
import type { Context } from "hono";
import { clientIp, clientKey } from "../lib/request";
import { clientIdentity } from "../lib/client-identity";
import { slugify, slugWithSuffix } from "../lib/slug";
import { canonicalTimeZone, isValidTimeZone } from "../../domain/timezone";
import { emailSender } from "../messaging/email/configured";
import { passwordResetEmail, signupConfirmEmail, signupExistingEmail } from "../messaging/email/templates";

export const SIGNUP_LINK_TTL = DAY;
export const RESET_LINK_TTL = HOUR;

const loginKey = async (address: string) => `login:${await sha256Hex(address)}`;
// Per-client keys follow the deployment's client-identity rule (src/lib/client-identity.ts).
const ipKey = (kind: string, c: Context) => `${kind}-ip:${clientKey(c)}`;

function utf8Bytes(s: string) {
  return new TextEncoder().encode(s).length;
}

// Once the password has been set, links asked for earlier must not set it again: whoever could read
// that mailbox before (the reason someone changes a password) could otherwise still take the account.
function retireResetLinksQuery(d: Db, userId: string, at: number) {
  return d
    .update(passwordResets)
    .set({ usedAt: at })
    .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
}

export const authRoutes = router();

const accepted = z
  .object({ status: z.literal("accepted"), message: z.string() })
  .openapi("Accepted");

authRoutes.openapi(
  createRoute({
    method: "post",
    path: "/signup",
    tags: ["Auth"],
    summary: "Sign up: emails a confirmation link that creates the account",
    description:
      "Checks the input, then emails a link to the address. Following it (POST /api/auth/signup/confirm) creates the " +
      "account, its owner and a first location, and signs in. The answer is the same whether or not the email " +
      "already has an account (an existing account gets an email saying so), so sign-up never reveals who is registered.",
    request: jsonBody(
      z.object({
        accountName: text(120).openapi({ example: "Luigi's Trattoria" }),
        name: text(120).openapi({ example: "Ana Diaz" }),
        email,
        password,
        timezone: z.string().trim().max(64).optional().openapi({ example: "America/New_York", description: "IANA time zone of the first location (default UTC)." }),
      }),
    ),
    responses: { 202: jsonResponse(accepted, "Check your email"), ...errors(400, 413, 429) },
  }),
  async (c) => {
    const body = c.req.valid("json");
    const at = now();
    const d = db(c.env.DB);
    await enforceClientLimit(d, "signup", clientIdentity(c), at, 10, HOUR, "Too many sign-ups from this network. Try again later.");
    assertPasswordAcceptable(body.password);
    const timezone = body.timezone || "UTC";
    if (!isValidTimeZone(timezone)) {
      throw validationFailed("Unknown time zone.", [{ path: "timezone", message: "Use an IANA time zone such as Europe/London." }]);
    }
    const zone = canonicalTimeZone(timezone);
    // Both outcomes pay for the hash, and both finish their work after the response.
    const passwordHash = await hashPassword(body.password, bcryptCost(c.env));
    const token = randomToken();
    const base = c.env.APP_URL.replace(/\/+$/, "");
    c.executionCtx.waitUntil(
      (async () => {
        const existing = await findUserByEmail(d, body.email);
        // At most 3 emails an hour to one address, however often someone signs up with it.
        if ((await consume(d, `signup-email:${await sha256Hex(body.email)}`, at, 3, HOUR)) > 0) return;
        const sender = emailSender(c.env);
        if (existing) {
          await sender.send(signupExistingEmail(body.email, { loginUrl: `${base}/login`, resetUrl: `${base}/forgot-password` }));
          return;
        }
        await d.insert(pendingSignups).values({
          id: newId(),
          email: body.email,
          name: body.name,
          accountName: body.accountName,
          timezone: zone,
          passwordHash,
          tokenHash: await sha256Hex(token),
          createdAt: at,
          expiresAt: at + SIGNUP_LINK_TTL,
        });
        await sender.send(signupConfirmEmail(body.email, { accountName: body.accountName, url: `${base}/signup/confirm/${token}` }));
      })().catch((err) => log("error", "sign-up email failed", { error: String(err) })),
    );
    return c.json({ status: "accepted" as const, message: "Check your email for a link to finish signing up." }, 202);
  },
);

authRoutes.openapi(
  createRoute({
    method: "post",
    path: "/signup/confirm",
    tags: ["Auth"],
    summary: "Finish sign-up with the emailed link: creates the account, its owner and first location, signs in",
    request: jsonBody(z.object({ token: z.string().min(1).max(128) })),
    responses: {
      201: jsonResponse(SessionSchema.extend({ location: z.object({ id: z.string(), name: z.string(), slug: z.string() }) }), "Signed in"),
      ...errors(400, 404, 409, 410, 429),
    },
  }),
  async (c) => {
    const { token } = c.req.valid("json");
    const at = now();
    const d = db(c.env.DB);
    await enforceClientLimit(d, "token", clientIdentity(c), at, 60, HOUR);
    const tokenHash = await sha256Hex(token);
    const pending = await d.query.pendingSignups.findFirst({ where: eq(pendingSignups.tokenHash, tokenHash) });
    if (!pending) throw new ApiError(404, "not_found", "This sign-up link is not valid. Sign up again to get a new one.");
    if (pending.usedAt !== null) throw new ApiError(410, "gone", "This sign-up link has already been used. Sign in instead.");
    if (pending.expiresAt <= at) throw new ApiError(410, "gone", "This sign-up link has expired. Sign up again to get a new one.");
    if (await findUserByEmail(d, pending.email)) {
      throw conflict("This email already has a Seatline account. Sign in or reset your password.");
    }
    // Claim the link first: of two concurrent confirmations only one gets the row back.
    const claimed = await d
      .update(pendingSignups)
      .set({ usedAt: at })
      .where(and(eq(pendingSignups.id, pending.id), isNull(pendingSignups.usedAt)))
      .returning({ id: pendingSignups.id });
    if (claimed.length === 0) throw new ApiError(410, "gone", "This sign-up link has already been used. Sign in instead.");

    const accountId = newId();
    const userId = newId();
    const locationId = newId();
    const base = slugify(pending.accountName);
    const slugTaken = await d.query.locations.findFirst({ where: eq(locations.slug, base) });
    const slug = slugTaken ? slugWithSuffix(base) : base;
    const user = { id: userId, accountId, email: pending.email, name: pending.name, role: "owner" as const };
    try {
      await d.batch([
        d.insert(accounts).values({ id: accountId, name: pending.accountName, createdAt: at }),
        d.insert(users).values({ ...user, passwordHash: pending.passwordHash, createdAt: at, lastLoginAt: at, passwordChangedAt: at }),
        d.insert(locations).values({
          id: locationId,
          accountId,
          name: pending.accountName,
          slug,
          timezone: pending.timezone,
          createdAt: at,
          updatedAt: at,
        }),
        auditInsert(d, { accountId, userId, action: "auth.signup", ip: clientIp(c), at }),
      ]);
    } catch (err) {
      // The unique email index lost a race with another sign-up or invite: release the link.
      await d.update(pendingSignups).set({ usedAt: null }).where(eq(pendingSignups.id, pending.id));
      if (String(err).includes("UNIQUE")) throw conflict("This email or location address was just taken. Try again.");
      throw err;
    }
    const session = await signIn(c, d, user, at);
    return c.json({ ...session, location: { id: locationId, name: pending.accountName, slug } }, 201);
  },
);

authRoutes.openapi(
  createRoute({
    method: "post",
    path: "/login",
    tags: ["Auth"],
    summary: "Sign in with email and password",
    description:
      "Returns a JWT bound to a server-side session: it stops working after 24 hours without a request, after 30 days " +
      "in any case, and at logout. After 10 consecutive failures for one email each further attempt waits longer " +
      "(429 with Retry-After); a client IP has its own limit.",
    request: jsonBody(z.object({ email, password })),
    responses: {
      200: jsonResponse(SessionSchema, "Signed in"),
      ...errors(400, 429),
      401: jsonResponse(ErrorSchema, "The email or password is incorrect (invalid_credentials); the same answer whether or not the email exists"),
    },
  }),
  async (c) => {
    const body = c.req.valid("json");
    const at = now();
    const d = db(c.env.DB);
    const ip = clientIp(c);
    const accountKey = await loginKey(body.email);
    const ipLoginKey = ipKey("login", c);
    // The reads are independent: one round trip's worth of waiting instead of three.
    const [accountWait, ipWait, user] = await Promise.all([lockedFor(d, accountKey, at), lockedFor(d, ipLoginKey, at), findUserByEmail(d, body.email)]);
    const wait = Math.max(accountWait, ipWait);
    if (wait > 0) throw rateLimited(wait, "Too many failed sign-in attempts. Wait a moment, then try again.");

    // Unknown emails are compared against a dummy hash so they take as long as a wrong password.
    const hash = user?.passwordHash ?? (await dummyHash(bcryptCost(c.env)));
    const matches = await verifyPassword(body.password, hash);
    // bcrypt ignores bytes past 72: a longer password can never be the one that was set.
    const ok = matches && user !== undefined && utf8Bytes(body.password) <= PASSWORD_MAX_BYTES;
    if (!ok) {
      await Promise.all([
        recordFailure(d, accountKey, at, ACCOUNT_LOGIN_POLICY),
        recordFailure(d, ipLoginKey, at, IP_LOGIN_POLICY),
        audit(d, { accountId: user?.accountId ?? null, userId: user?.id ?? null, action: "auth.login_failed", ip, at }),
      ]);
      throw new ApiError(401, "invalid_credentials", "The email or password is incorrect.");
    }
    const session = await signIn(c, d, user, at, [
      recordSuccessQuery(d, accountKey, at),
      d.update(users).set({ lastLoginAt: at }).where(eq(users.id, user.id)),
      auditInsert(d, { accountId: user.accountId, userId: user.id, action: "auth.login", ip, at }),
    ]);
    return c.json(session, 200);
  },
);

authRoutes.openapi(
  createRoute({
    method: "post",
    path: "/logout",
    tags: ["Auth"],
    summary: "End this session",
    security: bearer,
    middleware: [requireAuth] as const,
    responses: { 204: { description: "Signed out" }, ...errors(401) },
  }),
  async (c) => {
    const auth = c.get("auth");
    const at = now();
    const d = db(c.env.DB);
    await endSession(d, auth.sessionId, at, "logout");
    await announceToLive(c.env, d, auth.accountId, { kind: "session", sessionId: auth.sessionId, reason: "logout" });
    await audit(d, { accountId: auth.accountId, userId: auth.userId, action: "auth.logout", ip: clientIp(c), at });
    return c.body(null, 204);
  },
);

authRoutes.openapi(
  createRoute({
    method: "post",
    path: "/password-reset",
    tags: ["Auth"],
    summary: "Ask for a password reset link",
    description: "Always answers 202 the same way; a registered email gets a single-use link valid for one hour.",
    request: jsonBody(z.object({ email })),
    responses: { 202: jsonResponse(accepted, "If the email is registered, a link is on its way"), ...errors(400, 429) },
  }),
  async (c) => {
    const { email: address } = c.req.valid("json");
    const at = now();
    const d = db(c.env.DB);
    const ip = clientIp(c);
    await enforceClientLimit(d, "reset", clientIdentity(c), at, 20, HOUR);
    const base = c.env.APP_URL.replace(/\/+$/, "");
    // Everything that depends on whether the email exists happens after the response.
    c.executionCtx.waitUntil(
      (async () => {
        const user = await findUserByEmail(d, address);
        if (!user) return;
        if ((await consume(d, `reset-email:${await sha256Hex(address)}`, at, 5, HOUR)) > 0) return;
        const token = randomToken();
        await d.batch([
          d.insert(passwordResets).values({
            id: newId(),
            accountId: user.accountId,
            userId: user.id,
            tokenHash: await sha256Hex(token),
            createdAt: at,
            expiresAt: at + RESET_LINK_TTL,
          }),
          auditInsert(d, { accountId: user.accountId, userId: user.id, action: "auth.password_reset_requested", ip, at }),
        ]);
        await emailSender(c.env).send(passwordResetEmail(address, { url: `${base}/reset-password/${token}` }));
      })().catch((err) => log("error", "password reset email failed", { error: String(err) })),
    );
    return c.json({ status: "accepted" as const, message: "If that email has an account, a reset link is on its way." }, 202);
  },
);

authRoutes.openapi(
  createRoute({
    method: "post",
    path: "/password-reset/{token}",
    tags: ["Auth"],
    summary: "Set a new password with a reset link; ends every session of the user",
    request: { params: TokenParam, ...jsonBody(z.object({ password })) },
    responses: { 200: jsonResponse(z.object({ status: z.literal("password_changed") }), "Password changed"), ...errors(400, 404, 410, 429) },
  }),
  async (c) => {
    const { token } = c.req.valid("param");
    const { password: newPassword } = c.req.valid("json");
    const at = now();
    const d = db(c.env.DB);
    await enforceClientLimit(d, "token", clientIdentity(c), at, 60, HOUR);
    const reset = await d.query.passwordResets.findFirst({ where: eq(passwordResets.tokenHash, await sha256Hex(token)) });
    if (!reset) throw new ApiError(404, "not_found", "This reset link is not valid. Ask for a new one.");
    if (reset.usedAt !== null) throw new ApiError(410, "gone", "This reset link has already been used. Ask for a new one.");
    if (reset.expiresAt <= at) throw new ApiError(410, "gone", "This reset link has expired. Ask for a new one.");
    assertPasswordAcceptable(newPassword);
    const passwordHash = await hashPassword(newPassword, bcryptCost(c.env));
    const claimed = await d
      .update(passwordResets)
      .set({ usedAt: at })
      .where(and(eq(passwordResets.id, reset.id), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, at)))
      .returning({ id: passwordResets.id });
    if (claimed.length === 0) throw new ApiError(410, "gone", "This reset link has already been used. Ask for a new one.");
    const user = await d.query.users.findFirst({ where: eq(users.id, reset.userId) });
    if (!user) throw new ApiError(404, "not_found", "This reset link is not valid. Ask for a new one.");
    await d.batch([
      d.update(users).set({ passwordHash, passwordChangedAt: at }).where(eq(users.id, user.id)),
      endUserSessionsQuery(d, user.id, at, "password_reset"),
      retireResetLinksQuery(d, user.id, at),
      auditInsert(d, { accountId: user.accountId, userId: user.id, action: "auth.password_reset", ip: clientIp(c), at }),
    ]);
    await announceToLive(c.env, d, user.accountId, { kind: "user_sessions", userId: user.id, reason: "password_reset" });
    // Proving control of the email clears the failure count that may have locked the account.
    await recordSuccess(d, await loginKey(user.email), at);
    return c.json({ status: "password_changed" as const }, 200);
  },
);

authRoutes.openapi(
  createRoute({
    method: "post",
    path: "/password",
    tags: ["Auth"],
    summary: "Change your password (current one required); ends your other sessions",
    security: bearer,
    middleware: [requireAuth] as const,
    request: jsonBody(z.object({ currentPassword: password, newPassword: password })),
    responses: { 200: jsonResponse(z.object({ status: z.literal("password_changed") }), "Password changed"), ...errors(400, 401, 429) },
  }),
  async (c) => {
    const auth = c.get("auth");
    const body = c.req.valid("json");
    const at = now();
    const d = db(c.env.DB);
    const key = await loginKey(auth.email);
    const wait = await lockedFor(d, key, at);
    if (wait > 0) throw rateLimited(wait, "Too many wrong passwords. Wait a moment, then try again.");
    const user = await d.query.users.findFirst({ where: eq(users.id, auth.userId) });
    if (!user) throw new ApiError(401, "unauthorized", "Sign in again.");
    const ok = utf8Bytes(body.currentPassword) <= PASSWORD_MAX_BYTES && (await verifyPassword(body.currentPassword, user.passwordHash));
    if (!ok) {
      await recordFailure(d, key, at, ACCOUNT_LOGIN_POLICY);
      throw validationFailed("The current password is incorrect.", [{ path: "currentPassword", message: "The current password is incorrect." }]);
    }
    assertPasswordAcceptable(body.newPassword, "newPassword");
    if (body.newPassword === body.currentPassword) {
      throw validationFailed("The new password must differ from the current one.", [{ path: "newPassword", message: "Choose a different password." }]);
    }
    const passwordHash = await hashPassword(body.newPassword, bcryptCost(c.env));
    await d.batch([
      d.update(users).set({ passwordHash, passwordChangedAt: at }).where(eq(users.id, user.id)),
      endUserSessionsQuery(d, user.id, at, "password_changed", auth.sessionId),
      retireResetLinksQuery(d, user.id, at),
      auditInsert(d, { accountId: auth.accountId, userId: auth.userId, action: "auth.password_changed", ip: clientIp(c), at }),
    ]);
    await announceToLive(c.env, d, auth.accountId, { kind: "user_sessions", userId: user.id, keep: auth.sessionId, reason: "password_changed" });
    await recordSuccess(d, key, at);
    return c.json({ status: "password_changed" as const }, 200);
  },
);

export const meRoutes = router();

meRoutes.openapi(
  createRoute({
    method: "get",
    path: "/me",
    tags: ["Auth"],
    summary: "The signed-in user, their account and session",
    security: bearer,
    middleware: [requireAuth] as const,
    responses: {
      200: jsonResponse(
        z.object({ user: UserSchema, account: AccountSchema, session: z.object({ id: z.string(), expiresAt: z.string() }) }).openapi("Me"),
        "The current user",
      ),
      ...errors(401),
    },
  }),
  async (c) => {
    const auth = c.get("auth");
    const d = db(c.env.DB);
    const account = await d.query.accounts.findFirst({ where: eq(accounts.id, auth.accountId) });
    const session = await d.query.sessions.findFirst({ where: (s, { eq }) => eq(s.id, auth.sessionId) });
    return c.json(
      {
        user: userView({ id: auth.userId, accountId: auth.accountId, email: auth.email, name: auth.name, role: auth.role }),
        account: { id: auth.accountId, name: account?.name ?? "" },
        session: { id: auth.sessionId, expiresAt: new Date(session?.expiresAt ?? 0).toISOString() },
      },
      200,
    );
  },
);
