// An account's own SMS senders (owner or admin): a number, Twilio Messaging Service or Telnyx profile
// per provider, for the whole account or one location. With any of them the account texts only
// through its own senders and keeps its own opt-out ledger; without, it shares the platform's numbers
// and their opt-outs (README "SMS").
import { createRoute, z } from "@hono/zod-openapi";
import { and, asc, eq } from "drizzle-orm";
import { requireAuth, requireRole } from "../auth/middleware";
import { db } from "../db/client";
import { smsSenders } from "../db/schema";
import { ApiError } from "../lib/errors";
import { platformSenders } from "../messaging/sms/senders";
import { bearer, errors, jsonBody, jsonResponse, router, uuidParam } from "./openapi";
import { loadLocation } from "./location-scope";

const E164 = /^\+[1-9]\d{7,14}$/;
const MESSAGING_SERVICE = /^MG[0-9a-f]{32}$/;

export const SmsSenderSchema = z
  .object({
    id: z.string(),
    provider: z.enum(["twilio", "telnyx"]),
    address: z.string().openapi({ description: "E.164 number, or a Twilio Messaging Service SID (MG…)." }),
    locationId: z.string().nullable().openapi({ description: "null: every location of the account." }),
    createdAt: z.string(),
  })
  .openapi("SmsSender");

const NewSender = z
  .object({
    provider: z.enum(["twilio", "telnyx"]),
    address: z.string().trim().min(1).max(64),
    locationId: z.uuid({ message: "locationId must be an id (UUID)." }).nullable().optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    const ok = E164.test(v.address) || (v.provider === "twilio" && MESSAGING_SERVICE.test(v.address));
    if (!ok) ctx.addIssue({ code: "custom", path: ["address"], message: v.provider === "twilio" ? "Give an E.164 number (+1…) or a Messaging Service SID (MG…)." : "Give an E.164 number (+1…)." });
  });

type Row = typeof smsSenders.$inferSelect;
const view = (r: Row) => ({ id: r.id, provider: r.provider, address: r.address, locationId: r.locationId, createdAt: new Date(r.createdAt).toISOString() });

export const smsSenderRoutes = router();
smsSenderRoutes.use("/sms-senders", requireAuth);
smsSenderRoutes.use("/sms-senders/*", requireAuth);

smsSenderRoutes.openapi(
  createRoute({
    method: "get",
    path: "/sms-senders",
    tags: ["SMS"],
    summary: "The account's own SMS senders (empty: it uses the platform's shared numbers)",
    security: bearer,
    responses: { 200: jsonResponse(z.object({ items: z.array(SmsSenderSchema), nextCursor: z.null() }), "Senders"), ...errors(401) },
  }),
  async (c) => {
    const rows = await db(c.env.DB).select().from(smsSenders).where(eq(smsSenders.accountId, c.get("auth").accountId)).orderBy(asc(smsSenders.createdAt)).limit(200);
    return c.json({ items: rows.map(view), nextCursor: null }, 200);
  },
);

smsSenderRoutes.openapi(
  createRoute({
    method: "post",
    path: "/sms-senders",
    tags: ["SMS"],
    summary: "Add one of the account's own senders (admin or owner)",
    description: "From then on the account (or the location) texts only through its own senders, and STOPs to them opt guests out of this account only.",
    security: bearer,
    middleware: [requireRole("admin")] as const,
    request: { ...jsonBody(NewSender) },
    responses: { 201: jsonResponse(SmsSenderSchema, "Added"), ...errors(400, 401, 403, 404, 409) },
  }),
  async (c) => {
    const input = c.req.valid("json");
    const accountId = c.get("auth").accountId;
    const d = db(c.env.DB);
    if (input.locationId) await loadLocation(d, accountId, input.locationId);
    if (Object.values(platformSenders(c.env)).includes(input.address)) {
      throw new ApiError(409, "conflict", "That is one of the platform's shared numbers.", [{ path: "address", message: "Shared numbers cannot be an account's own." }]);
    }
    const row: Row = { id: crypto.randomUUID(), accountId, locationId: input.locationId ?? null, provider: input.provider, address: input.address, createdAt: Date.now() };
    const [inserted] = await d.insert(smsSenders).values(row).onConflictDoNothing().returning();
    if (!inserted) throw new ApiError(409, "conflict", "That sender is already in use.", [{ path: "address", message: "Already in use." }]);
    return c.json(view(inserted), 201);
  },
);

smsSenderRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/sms-senders/{senderId}",
    tags: ["SMS"],
    summary: "Remove one of the account's own senders (admin or owner)",
    security: bearer,
    middleware: [requireRole("admin")] as const,
    request: { params: z.object({ senderId: uuidParam("senderId") }) },
    responses: { 204: { description: "Removed" }, ...errors(400, 401, 403, 404) },
  }),
  async (c) => {
    const [gone] = await db(c.env.DB)
      .delete(smsSenders)
      .where(and(eq(smsSenders.id, c.req.valid("param").senderId), eq(smsSenders.accountId, c.get("auth").accountId)))
      .returning();
    if (!gone) throw new ApiError(404, "not_found", "No such sender.");
    return c.body(null, 204);
  },
);
