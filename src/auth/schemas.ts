// Request and response shapes shared by the auth, invite and team routes.
import { z } from "@hono/zod-openapi";
import { ROLES } from "../db/schema";

export const RoleSchema = z.enum(ROLES).openapi({ description: "owner > admin > host" });

export const UserSchema = z
  .object({
    id: z.string(),
    accountId: z.string(),
    email: z.string(),
    name: z.string(),
    role: RoleSchema,
  })
  .openapi("User");

export const AccountSchema = z.object({ id: z.string(), name: z.string() }).openapi("Account");

export const SessionSchema = z
  .object({
    token: z.string().openapi({ description: "Send as Authorization: Bearer <token>." }),
    tokenType: z.literal("Bearer"),
    expiresAt: z.string().openapi({ description: "Absolute end of the session (ISO 8601)." }),
    idleTimeoutSeconds: z.number().int().openapi({ description: "The session ends after this long without a request." }),
    user: UserSchema,
    account: AccountSchema,
  })
  .openapi("Session");

export const TokenParam = z.object({
  token: z.string().max(128).openapi({ param: { name: "token", in: "path" }, description: "The token from the emailed link." }),
});

export function userView(u: { id: string; accountId: string; email: string; name: string; role: (typeof ROLES)[number] }) {
  return { id: u.id, accountId: u.accountId, email: u.email, name: u.name, role: u.role };
}
