// API keys for the account (owners and admins, signed in as themselves: a key cannot mint keys).
import { createRoute, z } from "@hono/zod-openapi";
import { and, desc, eq, inArray } from "drizzle-orm";
import { newKeySecret, keyHash } from "../auth/api-keys";
import { requireAuth, requireRole } from "../auth/middleware";
import { SCOPES, SCOPE_DESCRIPTIONS } from "../../domain/api-scopes";
import type { ApiKeyView } from "../../domain/integrations";
import { db } from "../db/client";
import { apiKeys, locations } from "../db/schema";
import { audit } from "../lib/audit";
import { now } from "../lib/clock";
import { newId } from "../../lib/crypto";
import { afterCursor, decodeCursor, pageOf } from "../lib/cursor";
import { notFound, validationFailed } from "../lib/errors";
import { bearer, errors, jsonBody, jsonResponse, router, text, uuidParam } from "./openapi";
import { clientIp } from "../lib/request";

const ScopeSchema = z.enum(SCOPES).openapi({
  description: Object.entries(SCOPE_DESCRIPTIONS)
    .map(([s, d]) => `\`${s}\`: ${d}`)
    .join(" "),
  example: "waitlist_write",
});

const ApiKeySchema = z
  .object({
    id: z.uuid(),
    name: z.string().openapi({ example: "Front-desk kiosk integration" }),
    prefix: z.string().openapi({ example: "sl_live_Xy3k", description: "The first characters of the secret, to tell keys apart." }),
    scopes: z.array(ScopeSchema),
    locationIds: z.array(z.uuid()).nullable().openapi({ description: "The locations the key may reach; null for all of the account's." }),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    secret: z
      .string()
      .nullable()
      .openapi({ description: "The key itself, shown once in the answer that creates it; null afterwards.", example: "sl_live_Xy3k…" }),
  })
  .openapi("ApiKey");

const CreateApiKey = z
  .object({
    name: text(100).openapi({ example: "Front-desk kiosk integration" }),
    scopes: z.array(ScopeSchema).min(1).max(SCOPES.length),
    locationIds: z.array(z.uuid()).min(1).max(100).nullable().default(null),
    expiresAt: z.iso.datetime({ offset: true }).nullable().default(null).openapi({ example: "2027-06-30T00:00:00Z" }),
  })
  .openapi("CreateApiKey");

type Row = typeof apiKeys.$inferSelect;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
// The schema and domain/integrations.ts describe the same answer.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _sameKey: Same<z.infer<typeof ApiKeySchema>, ApiKeyView> = true;
void _sameKey;

function keyView(k: Row, secret: string | null = null): ApiKeyView {
  return {
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    scopes: k.scopes as (typeof SCOPES)[number][],
    locationIds: k.locationIds ?? null,
    createdAt: new Date(k.createdAt).toISOString(),
    expiresAt: iso(k.expiresAt),
    lastUsedAt: iso(k.lastUsedAt),
    revokedAt: iso(k.revokedAt),
    secret,
  };
}

export const apiKeyRoutes = router();
// Every route here is for owners and admins (or a key, which acts as an admin within its scopes).
apiKeyRoutes.use("*", requireAuth, requireRole("admin"));

apiKeyRoutes.openapi(
  createRoute({
    method: "get",
    path: "/",
    tags: ["API keys"],
    summary: "List the account's API keys, newest first",
    operationId: "listApiKeys",
    security: bearer,
    request: {
      query: z.object({
        limit: z.coerce.number().int().min(1).max(200).default(50),
        cursor: z.string().max(200).optional(),
      }),
    },
    responses: {
      200: jsonResponse(z.object({ items: z.array(ApiKeySchema), nextCursor: z.string().nullable() }), "A page of keys"),
      ...errors(400, 401, 403),
    },
  }),
  async (c) => {
    const q = c.req.valid("query");
    const cursor = q.cursor ? decodeCursor(q.cursor) : null;
    const rows = await db(c.env.DB)
      .select()
      .from(apiKeys)
      .where(
        and(
          eq(apiKeys.accountId, c.get("auth").accountId),
          afterCursor(apiKeys.createdAt, apiKeys.id, cursor),
        ),
      )
      .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id))
      .limit(q.limit + 1);
    const page = pageOf(rows, q.limit, (k) => k.createdAt);
    return c.json({ items: page.rows.map((k) => keyView(k)), nextCursor: page.nextCursor }, 200);
  },
);

apiKeyRoutes.openapi(
  createRoute({
    method: "post",
    path: "/",
    tags: ["API keys"],
    summary: "Create an API key (its secret is in this answer only)",
    operationId: "createApiKey",
    security: bearer,
    request: jsonBody(CreateApiKey),
    responses: { 201: jsonResponse(ApiKeySchema, "The new key, with its secret"), ...errors(400, 401, 403) },
  }),
  async (c) => {
    const input = c.req.valid("json");
    const auth = c.get("auth");
    const d = db(c.env.DB);
    const at = now();
    const expiresAt = input.expiresAt === null ? null : Date.parse(input.expiresAt);
    if (expiresAt !== null && expiresAt <= at) {
      throw validationFailed("The expiry must be in the future.", [{ path: "expiresAt", message: "Choose a time in the future." }]);
    }
    const locationIds = input.locationIds === null ? null : [...new Set(input.locationIds)];
    if (locationIds) {
      const found = await d
        .select({ id: locations.id })
        .from(locations)
        .where(and(eq(locations.accountId, auth.accountId), inArray(locations.id, locationIds)));
      const known = new Set(found.map((l) => l.id));
      const details = locationIds.flatMap((id, i) => (known.has(id) ? [] : [{ path: `locationIds.${i}`, message: "No such location in this account." }]));
      if (details.length) throw validationFailed("Some locations are not in this account.", details);
    }
    const { secret, prefix } = newKeySecret();
    const scopes = SCOPES.filter((s) => input.scopes.includes(s));
    const [row] = await d
      .insert(apiKeys)
      .values({
        id: newId(),
        accountId: auth.accountId,
        name: input.name,
        prefix,
        secretHash: await keyHash(secret),
        scopes,
        locationIds,
        createdBy: auth.userId,
        createdAt: at,
        expiresAt,
      })
      .returning();
    await audit(d, {
      accountId: auth.accountId,
      userId: auth.userId,
      action: "api_key.created",
      targetType: "api_key",
      targetId: row!.id,
      ip: clientIp(c),
      detail: { name: input.name, scopes, locationIds },
      at,
    });
    return c.json(keyView(row!, secret), 201);
  },
);

apiKeyRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/{keyId}",
    tags: ["API keys"],
    summary: "Revoke an API key (refused from the next request on)",
    operationId: "revokeApiKey",
    security: bearer,
    request: { params: z.object({ keyId: uuidParam("keyId") }) },
    responses: { 204: { description: "Revoked" }, ...errors(400, 401, 403, 404) },
  }),
  async (c) => {
    const auth = c.get("auth");
    const d = db(c.env.DB);
    const at = now();
    const { keyId } = c.req.valid("param");
    const row = await d.query.apiKeys.findFirst({ where: and(eq(apiKeys.id, keyId), eq(apiKeys.accountId, auth.accountId)) });
    if (!row) throw notFound("API key");
    if (row.revokedAt === null) {
      await d.update(apiKeys).set({ revokedAt: at }).where(eq(apiKeys.id, row.id));
      await audit(d, { accountId: auth.accountId, userId: auth.userId, action: "api_key.revoked", targetType: "api_key", targetId: row.id, ip: clientIp(c), at });
    }
    return c.body(null, 204);
  },
);
