// Queries and steps shared by sign-up, sign-in and invite acceptance.
import { eq } from "drizzle-orm";
import type { Context } from "hono";
import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "../db/client";
import { accounts, users, type Role } from "../db/schema";
import type { AppEnv } from "../env";
import { ApiError } from "../lib/errors";
import { clientIp, userAgent } from "../lib/request";
import { checkPassword } from "./passwords";
import { userView } from "./schemas";
import { sessionInsert } from "./sessions";

export function findUserByEmail(d: Db, email: string) {
  return d.query.users.findFirst({ where: eq(users.email, email) });
}

/** Throws a 400 naming every password rule that is broken. */
export function assertPasswordAcceptable(password: string, field = "password") {
  const problems = checkPassword(password);
  if (problems.length > 0) {
    throw new ApiError(
      400,
      "validation_failed",
      `The password does not meet the rules: ${problems.map((p) => p.message).join(" ")}`,
      problems.map((p) => ({ path: field, rule: p.rule, message: p.message })),
    );
  }
}

/**
 * Starts a session for the user and returns the public Session shape. `alsoWrite` joins the session
 * insert in one D1 batch (one round trip, all or nothing).
 */
export async function signIn(
  c: Context<AppEnv>,
  d: Db,
  user: { id: string; accountId: string; email: string; name: string; role: Role },
  at: number,
  alsoWrite: BatchItem<"sqlite">[] = [],
) {
  const session = sessionInsert(d, user, at, { ip: clientIp(c), userAgent: userAgent(c) });
  const [account] = await d.batch([d.query.accounts.findFirst({ where: eq(accounts.id, user.accountId) }), session.query, ...alsoWrite]);
  const issued = await session.issue(c.env.JWT_SECRET);
  return {
    token: issued.token,
    tokenType: "Bearer" as const,
    expiresAt: new Date(issued.expiresAt).toISOString(),
    idleTimeoutSeconds: issued.idleTimeoutSeconds,
    user: userView(user),
    account: { id: user.accountId, name: account?.name ?? "" },
  };
}
