// Webhook endpoints of the account: where events go, which ones, the delivery log, redelivery and a
// test event. Owners and admins, or API keys with the webhooks scope.
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { and, desc, eq, inArray } from "drizzle-orm";
import { requireAuth, requireRole } from "../auth/middleware";
import { db, type Db } from "../db/client";
import { locations, WEBHOOK_DELIVERY_STATUSES, webhookDeliveries, webhookEndpoints } from "../db/schema";
import type { AppEnv } from "../env";
import { now } from "../lib/clock";
import { newId } from "../../lib/crypto";
import { afterCursor, decodeCursor, pageOf } from "../lib/cursor";
import { conflict, notFound, validationFailed } from "../lib/errors";
import type { WebhookDeliveryView, WebhookEndpointView } from "../../domain/integrations";
import { bearer, errors, jsonBody, jsonResponse, router, text, uuidParam } from "./openapi";
import { open, seal } from "../lib/secret-box";
import { emitWebhookEvents } from "../messaging/webhooks/emit";
import { TEST_EVENT_TYPE, WEBHOOK_EVENT_TYPES, type WebhookEvent, type WebhookEventType } from "../../domain/webhook-events";
import { newWebhookSecret } from "../messaging/webhooks/signing";
import { endpointUrlProblem } from "../messaging/webhooks/url-policy";

const EventType = z.enum(WEBHOOK_EVENT_TYPES).openapi({ example: "party.status_changed" });
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const EndpointSchema = z
  .object({
    id: z.uuid(),
    url: z.string().openapi({ example: "https://pos.example.com/seatline" }),
    description: z.string().nullable(),
    eventTypes: z.array(EventType).nullable().openapi({ description: "The events sent; null for all, including ones added later." }),
    locationIds: z.array(z.uuid()).nullable().openapi({ description: "The locations whose events are sent; null for all." }),
    status: z.enum(["enabled", "disabled"]),
    disabledReason: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    secret: z.string().nullable().openapi({ description: "The whsec_ signing secret: in the answer that creates the endpoint and from GET …/secret.", example: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" }),
  })
  .openapi("WebhookEndpoint");

const DeliverySchema = z
  .object({
    id: z.uuid(),
    endpointId: z.uuid(),
    eventId: z.string(),
    eventType: z.string().openapi({ example: "party.created" }),
    locationId: z.string().nullable(),
    sequence: z.number().int().nullable(),
    status: z.enum(WEBHOOK_DELIVERY_STATUSES),
    attempts: z.number().int(),
    nextAttemptAt: z.string().nullable(),
    lastAttemptAt: z.string().nullable(),
    lastStatusCode: z.number().int().nullable().openapi({ example: 200 }),
    lastLatencyMs: z.number().int().nullable().openapi({ example: 84 }),
    lastResponse: z.string().nullable().openapi({ description: "The first 500 characters of the receiver's answer." }),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    completedAt: z.string().nullable(),
    payload: z.record(z.string(), z.unknown()).openapi({ description: "The event as sent: {id, type, createdAt, locationId, sequence, data}." }),
  })
  .openapi("WebhookDelivery");

const urlField = z.string().trim().min(1).max(2000).openapi({ example: "https://pos.example.com/seatline" });
const CreateEndpoint = z
  .object({
    url: urlField,
    description: text(200).nullable().default(null),
    eventTypes: z.array(EventType).min(1).max(WEBHOOK_EVENT_TYPES.length).nullable().default(null),
    locationIds: z.array(z.uuid()).min(1).max(100).nullable().default(null),
  })
  .openapi("CreateWebhookEndpoint");
const UpdateEndpoint = z
  .object({
    url: urlField.optional(),
    description: text(200).nullable().optional(),
    eventTypes: z.array(EventType).min(1).max(WEBHOOK_EVENT_TYPES.length).nullable().optional(),
    locationIds: z.array(z.uuid()).min(1).max(100).nullable().optional(),
    status: z.enum(["enabled", "disabled"]).optional().openapi({ description: "Turn the endpoint off, or back on after it was turned off." }),
  })
  .openapi("UpdateWebhookEndpoint");

type EndpointRow = typeof webhookEndpoints.$inferSelect;
// The schemas and domain/integrations.ts describe the same answers.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _sameEndpoint: Same<z.infer<typeof EndpointSchema>, WebhookEndpointView> = true;
const _sameDelivery: Same<z.infer<typeof DeliverySchema>, WebhookDeliveryView> = true;
void _sameEndpoint, _sameDelivery;

function endpointView(e: EndpointRow, secret: string | null = null): WebhookEndpointView {
  return {
    id: e.id,
    url: e.url,
    description: e.description,
    eventTypes: (e.eventTypes as WebhookEventType[] | null) ?? null,
    locationIds: e.locationIds ?? null,
    status: e.status,
    disabledReason: e.disabledReason,
    createdAt: new Date(e.createdAt).toISOString(),
    updatedAt: new Date(e.updatedAt).toISOString(),
    secret,
  };
}

function deliveryView(r: typeof webhookDeliveries.$inferSelect): WebhookDeliveryView {
  return {
    id: r.id,
    endpointId: r.endpointId,
    eventId: r.eventId,
    eventType: r.eventType,
    locationId: r.locationId,
    sequence: r.sequence,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.status === "pending" ? iso(r.nextAttemptAt) : null,
    lastAttemptAt: iso(r.lastAttemptAt),
    lastStatusCode: r.lastStatusCode,
    lastLatencyMs: r.lastLatencyMs,
    lastResponse: r.lastResponse,
    lastError: r.lastError,
    createdAt: new Date(r.createdAt).toISOString(),
    completedAt: iso(r.completedAt),
    payload: JSON.parse(r.payload) as Record<string, unknown>,
  };
}

function checkUrl(c: Context<AppEnv>, url: string) {
  const problem = endpointUrlProblem(url, c.env.ENVIRONMENT);
  if (problem) throw validationFailed(problem, [{ path: "url", message: problem }]);
}

async function checkLocations(d: Db, accountId: string, ids: string[] | null | undefined) {
  if (!ids) return;
  const found = await d.select({ id: locations.id }).from(locations).where(and(eq(locations.accountId, accountId), inArray(locations.id, ids)));
  const known = new Set(found.map((l) => l.id));
  const details = ids.flatMap((id, i) => (known.has(id) ? [] : [{ path: `locationIds.${i}`, message: "No such location in this account." }]));
  if (details.length) throw validationFailed("Some locations are not in this account.", details);
}

async function loadEndpoint(d: Db, accountId: string, id: string) {
  const row = await d.query.webhookEndpoints.findFirst({ where: and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.accountId, accountId)) });
  if (!row) throw notFound("Webhook endpoint");
  return row;
}

const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
const EndpointParams = z.object({ endpointId: uuidParam("endpointId") });
const DeliveryParams = z.object({ endpointId: uuidParam("endpointId"), deliveryId: uuidParam("deliveryId") });
const route = { tags: ["Webhooks"], security: bearer };

export const webhookEndpointRoutes = router();
// Every route here is for owners and admins (or a key, which acts as an admin within its scopes).
webhookEndpointRoutes.use("*", requireAuth, requireRole("admin"));

webhookEndpointRoutes.openapi(
  createRoute({
    ...route,
    method: "get",
    path: "/",
    operationId: "listWebhookEndpoints",
    summary: "List the account's webhook endpoints, newest first",
    request: { query: pageQuery },
    responses: { 200: jsonResponse(z.object({ items: z.array(EndpointSchema), nextCursor: z.string().nullable() }), "A page of endpoints"), ...errors(400, 401, 403) },
  }),
  async (c) => {
    const q = c.req.valid("query");
    const cursor = q.cursor ? decodeCursor(q.cursor) : null;
    const rows = await db(c.env.DB)
      .select()
      .from(webhookEndpoints)
      .where(
        and(
          eq(webhookEndpoints.accountId, c.get("auth").accountId),
          afterCursor(webhookEndpoints.createdAt, webhookEndpoints.id, cursor),
        ),
      )
      .orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id))
      .limit(q.limit + 1);
    const page = pageOf(rows, q.limit, (e) => e.createdAt);
    return c.json({ items: page.rows.map((e) => endpointView(e)), nextCursor: page.nextCursor }, 200);
  },
);

webhookEndpointRoutes.openapi(
  createRoute({
    ...route,
    method: "post",
    path: "/",
    operationId: "createWebhookEndpoint",
    summary: "Add a webhook endpoint (its signing secret is in the answer)",
    request: jsonBody(CreateEndpoint),
    responses: { 201: jsonResponse(EndpointSchema, "The new endpoint, with its secret"), ...errors(400, 401, 403) },
  }),
  async (c) => {
    const input = c.req.valid("json");
    const auth = c.get("auth");
    const d = db(c.env.DB);
    checkUrl(c, input.url);
    await checkLocations(d, auth.accountId, input.locationIds);
    const at = now();
    const secret = newWebhookSecret();
    const [row] = await d
      .insert(webhookEndpoints)
      .values({
        id: newId(),
        accountId: auth.accountId,
        url: input.url,
        description: input.description,
        eventTypes: input.eventTypes,
        locationIds: input.locationIds,
        secretBox: await seal(c.env.JWT_SECRET, secret),
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    return c.json(endpointView(row!, secret), 201);
  },
);

webhookEndpointRoutes.openapi(
  createRoute({
    ...route,
    method: "get",
    path: "/{endpointId}",
    operationId: "getWebhookEndpoint",
    summary: "One webhook endpoint",
    request: { params: EndpointParams },
    responses: { 200: jsonResponse(EndpointSchema, "The endpoint"), ...errors(400, 401, 403, 404) },
  }),
  async (c) => c.json(endpointView(await loadEndpoint(db(c.env.DB), c.get("auth").accountId, c.req.valid("param").endpointId)), 200),
);

webhookEndpointRoutes.openapi(
  createRoute({
    ...route,
    method: "get",
    path: "/{endpointId}/secret",
    operationId: "getWebhookEndpointSecret",
    summary: "The endpoint's signing secret",
    request: { params: EndpointParams },
    responses: { 200: jsonResponse(z.object({ secret: z.string() }), "The whsec_ secret"), ...errors(400, 401, 403, 404) },
  }),
  async (c) => {
    const row = await loadEndpoint(db(c.env.DB), c.get("auth").accountId, c.req.valid("param").endpointId);
    return c.json({ secret: await open(c.env.JWT_SECRET, row.secretBox) }, 200);
  },
);

webhookEndpointRoutes.openapi(
  createRoute({
    ...route,
    method: "patch",
    path: "/{endpointId}",
    operationId: "updateWebhookEndpoint",
    summary: "Change an endpoint, or turn it off or back on",
    request: { params: EndpointParams, ...jsonBody(UpdateEndpoint) },
    responses: { 200: jsonResponse(EndpointSchema, "The endpoint after the change"), ...errors(400, 401, 403, 404) },
  }),
  async (c) => {
    const input = c.req.valid("json");
    const auth = c.get("auth");
    const d = db(c.env.DB);
    const row = await loadEndpoint(d, auth.accountId, c.req.valid("param").endpointId);
    if (input.url !== undefined) checkUrl(c, input.url);
    await checkLocations(d, auth.accountId, input.locationIds);
    const at = now();
    const reenabled = input.status === "enabled" && row.status === "disabled";
    const [next] = await d
      .update(webhookEndpoints)
      .set({
        ...(input.url !== undefined ? { url: input.url } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.eventTypes !== undefined ? { eventTypes: input.eventTypes } : {}),
        ...(input.locationIds !== undefined ? { locationIds: input.locationIds } : {}),
        ...(input.status === "disabled" && row.status === "enabled" ? { status: "disabled" as const, disabledReason: "Turned off by a person.", disabledAt: at } : {}),
        ...(reenabled ? { status: "enabled" as const, disabledReason: null, disabledAt: null } : {}),
        updatedAt: at,
      })
      .where(eq(webhookEndpoints.id, row.id))
      .returning();
    return c.json(endpointView(next!), 200);
  },
);

webhookEndpointRoutes.openapi(
  createRoute({
    ...route,
    method: "delete",
    path: "/{endpointId}",
    operationId: "deleteWebhookEndpoint",
    summary: "Delete an endpoint and its delivery log",
    request: { params: EndpointParams },
    responses: { 204: { description: "Deleted" }, ...errors(400, 401, 403, 404) },
  }),
  async (c) => {
    const d = db(c.env.DB);
    const row = await loadEndpoint(d, c.get("auth").accountId, c.req.valid("param").endpointId);
    await d.delete(webhookEndpoints).where(eq(webhookEndpoints.id, row.id));
    return c.body(null, 204);
  },
);

webhookEndpointRoutes.openapi(
  createRoute({
    ...route,
    method: "get",
    path: "/{endpointId}/deliveries",
    operationId: "listWebhookDeliveries",
    summary: "The endpoint's delivery log, newest first",
    request: { params: EndpointParams, query: pageQuery.extend({ status: z.enum(WEBHOOK_DELIVERY_STATUSES).optional() }) },
    responses: { 200: jsonResponse(z.object({ items: z.array(DeliverySchema), nextCursor: z.string().nullable() }), "A page of deliveries"), ...errors(400, 401, 403, 404) },
  }),
  async (c) => {
    const d = db(c.env.DB);
    const row = await loadEndpoint(d, c.get("auth").accountId, c.req.valid("param").endpointId);
    const q = c.req.valid("query");
    const cursor = q.cursor ? decodeCursor(q.cursor) : null;
    const rows = await d
      .select()
      .from(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.endpointId, row.id),
          q.status ? eq(webhookDeliveries.status, q.status) : undefined,
          afterCursor(webhookDeliveries.createdAt, webhookDeliveries.id, cursor),
        ),
      )
      .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
      .limit(q.limit + 1);
    const page = pageOf(rows, q.limit, (r) => r.createdAt);
    return c.json({ items: page.rows.map(deliveryView), nextCursor: page.nextCursor }, 200);
  },
);

webhookEndpointRoutes.openapi(
  createRoute({
    ...route,
    method: "post",
    path: "/{endpointId}/deliveries/{deliveryId}/redeliver",
    operationId: "redeliverWebhook",
    summary: "Send a delivery again (same event id, a new three-day window)",
    request: { params: DeliveryParams },
    responses: { 202: jsonResponse(DeliverySchema, "Queued again"), ...errors(400, 401, 403, 404, 409) },
  }),
  async (c) => {
    const d = db(c.env.DB);
    const { endpointId, deliveryId } = c.req.valid("param");
    const endpoint = await loadEndpoint(d, c.get("auth").accountId, endpointId);
    const at = now();
    // Only a finished delivery is queued again; a pending one is already on its way.
    const [row] = await d
      .update(webhookDeliveries)
      .set({ status: "pending", createdAt: at, completedAt: null, nextAttemptAt: at })
      .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.endpointId, endpoint.id), inArray(webhookDeliveries.status, ["succeeded", "failed"])))
      .returning();
    if (!row) {
      const exists = await d.query.webhookDeliveries.findFirst({ where: and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.endpointId, endpoint.id)) });
      if (!exists) throw notFound("Delivery");
      return c.json(deliveryView(exists), 202);
    }
    await c.env.OUTBOUND.send({ kind: "webhook", deliveryId: row.id, attempt: row.attempts + 1 });
    return c.json(deliveryView(row), 202);
  },
);

webhookEndpointRoutes.openapi(
  createRoute({
    ...route,
    method: "post",
    path: "/{endpointId}/test",
    operationId: "sendWebhookTest",
    summary: "Send a webhook.test event to this endpoint",
    request: { params: EndpointParams },
    responses: { 202: jsonResponse(DeliverySchema, "The test delivery, queued"), ...errors(400, 401, 403, 404, 409) },
  }),
  async (c) => {
    const d = db(c.env.DB);
    const auth = c.get("auth");
    const endpoint = await loadEndpoint(d, auth.accountId, c.req.valid("param").endpointId);
    if (endpoint.status !== "enabled") {
      throw conflict("Turn the endpoint on before sending it a test event.");
    }
    const at = now();
    const event: WebhookEvent = {
      id: `evt_${newId()}`,
      type: TEST_EVENT_TYPE,
      createdAt: new Date(at).toISOString(),
      locationId: null,
      sequence: null,
      data: { message: "A test event from Seatline. Verify its signature and answer 2xx." },
    };
    const [deliveryId] = await emitWebhookEvents(c.env, auth.accountId, [event], at, endpoint.id);
    const row = await d.query.webhookDeliveries.findFirst({ where: eq(webhookDeliveries.id, deliveryId!) });
    return c.json(deliveryView(row!), 202);
  },
);
