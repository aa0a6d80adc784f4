// SMS for hosts and admins: a location's templates and switches, a party's conversation, and a
// host's own text to a party.
import { GUEST_LANGUAGES } from "../../domain/languages";
import { freeText } from "../lib/text";
import { createRoute, z } from "@hono/zod-openapi";
import { and, asc, eq } from "drizzle-orm";
import { requireAuth, requireRole } from "../auth/middleware";
import { db } from "../db/client";
import { MESSAGE_STATUSES, messages, parties } from "../db/schema";
import { ApiError } from "../lib/errors";
import { bearer, errors, jsonBody, jsonResponse, router, uuidParam } from "./openapi";
import { messageView } from "../messaging/sms/send";
import { restMessage } from "../../domain/sms/message-view";
import { segmentInfo } from "../../domain/sms/segments";
import { allowedPlaceholders, MAX_TEMPLATE_LENGTH, TEMPLATE_KINDS, unknownPlaceholders, type TemplateKind } from "../../domain/sms/templates";
import type { SmsSettings } from "../../domain/waitlist/protocol";
import { restaurant, unwrap } from "../restaurant/client";

const SegmentSchema = z
  .object({ encoding: z.enum(["GSM-7", "UCS-2"]), units: z.number().int(), segments: z.number().int(), remaining: z.number().int() })
  .openapi("SmsSegments");

const TemplateView = z.object({
  enabled: z.boolean(),
  body: z.string(),
  placeholders: z.array(z.string()),
  segments: SegmentSchema.openapi({ description: "For the template as written; placeholders make the real text longer or shorter." }),
});

export const SmsSettingsSchema = z
  .object({
    almostUpPosition: z.number().int(),
    primaryProvider: z.enum(["twilio", "telnyx"]),
    templates: z.object(Object.fromEntries(TEMPLATE_KINDS.map((k) => [k, TemplateView])) as Record<TemplateKind, typeof TemplateView>),
    translations: z
      .partialRecord(z.enum(GUEST_LANGUAGES), z.partialRecord(z.enum(TEMPLATE_KINDS), z.object({ enabled: z.boolean(), body: z.string() })))
      .openapi({ description: "The owner's own texts per guest language. A guest whose language has none gets the built-in text in it (or, in the location's language, `templates`)." }),
  })
  .openapi("SmsSettings");

const TemplatePatch = z.object({ enabled: z.boolean().optional(), body: freeText({ max: MAX_TEMPLATE_LENGTH, min: 1, multiline: true }).optional() }).strict();
const TranslationPatch = z.object({ enabled: z.boolean().optional(), body: freeText({ max: MAX_TEMPLATE_LENGTH, min: 1, multiline: true }) }).strict().nullable();
const SmsSettingsPatch = z
  .object({
    almostUpPosition: z.number().int().min(1).max(50).optional(),
    primaryProvider: z.enum(["twilio", "telnyx"]).optional(),
    templates: z.object(Object.fromEntries(TEMPLATE_KINDS.map((k) => [k, TemplatePatch.optional()])) as Record<TemplateKind, z.ZodOptional<typeof TemplatePatch>>).strict().optional(),
    translations: z
      .partialRecord(z.enum(GUEST_LANGUAGES), z.partialRecord(z.enum(TEMPLATE_KINDS), TranslationPatch))
      .optional()
      .openapi({ description: "Per language and kind: `{body, enabled?}` sets the owner's own text, `null` removes it." }),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: "Send at least one setting to change." });

function settingsView(s: SmsSettings) {
  return {
    almostUpPosition: s.almostUpPosition,
    primaryProvider: s.primaryProvider,
    translations: s.translations ?? {},
    templates: Object.fromEntries(
      TEMPLATE_KINDS.map((k) => [k, { ...s.templates[k], placeholders: allowedPlaceholders(k).map((p) => `{${p}}`), segments: segmentInfo(s.templates[k].body) }]),
    ) as Record<TemplateKind, z.infer<typeof TemplateView>>,
  };
}

export const MessageSchema = z
  .object({
    id: z.string(),
    direction: z.enum(["outbound", "inbound"]),
    kind: z.string(),
    body: z.string(),
    status: z.enum(MESSAGE_STATUSES),
    provider: z.string().nullable(),
    errorCode: z.string().nullable(),
    errorMessage: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Message");

const LocationParams = z.object({ locationId: uuidParam("locationId") });
const PartyParams = z.object({ locationId: uuidParam("locationId"), partyId: uuidParam("partyId") });

export const messageRoutes = router();
messageRoutes.use("/:locationId/sms-settings", requireAuth);
messageRoutes.use("/:locationId/waitlist/:partyId/messages", requireAuth);

messageRoutes.openapi(
  createRoute({
    method: "get",
    path: "/{locationId}/sms-settings",
    tags: ["SMS"],
    summary: "SMS templates, switches and segment counts for a location",
    security: bearer,
    request: { params: LocationParams },
    responses: { 200: jsonResponse(SmsSettingsSchema, "Settings"), ...errors(400, 401, 404) },
  }),
  async (c) => {
    const loc = c.get("location");
    const stub = restaurant(c.env, loc);
    return c.json(settingsView(await stub.getSmsSettings()), 200);
  },
);

messageRoutes.openapi(
  createRoute({
    method: "patch",
    path: "/{locationId}/sms-settings",
    tags: ["SMS"],
    summary: "Change SMS templates and switches (admin or owner)",
    description: "Placeholders: {name}, {restaurant}, {position}, {wait}, and {link} where the message carries the guest's link. Unknown ones are refused.",
    security: bearer,
    middleware: [requireRole("admin")] as const,
    request: { params: LocationParams, ...jsonBody(SmsSettingsPatch) },
    responses: { 200: jsonResponse(SmsSettingsSchema, "Settings"), ...errors(400, 401, 403, 404, 413) },
  }),
  async (c) => {
    const patch = c.req.valid("json");
    const unknown = [
      ...Object.entries(patch.templates ?? {}).map(([kind, t]) => ({ path: `templates.${kind}.body`, kind, body: t?.body })),
      ...Object.entries(patch.translations ?? {}).flatMap(([lang, kinds]) =>
        Object.entries(kinds ?? {}).map(([kind, t]) => ({ path: `translations.${lang}.${kind}.body`, kind, body: t?.body })),
      ),
    ].flatMap(({ path, kind, body }) => (body ? unknownPlaceholders(body, kind as TemplateKind).map((placeholder) => ({ path, kind, placeholder })) : []));
    if (unknown.length > 0) {
      throw new ApiError(
        400,
        "validation_failed",
        `Unknown placeholders: ${unknown.map((u) => `${u.placeholder} in ${u.kind}`).join(", ")}.`,
        unknown.map((u) => ({ path: u.path, message: `Unknown placeholder ${u.placeholder}.`, placeholder: u.placeholder })),
      );
    }
    const loc = c.get("location");
    const stub = restaurant(c.env, loc);
    return c.json(settingsView(await stub.updateSmsSettings(patch)), 200);
  },
);

messageRoutes.openapi(
  createRoute({
    method: "get",
    path: "/{locationId}/waitlist/{partyId}/messages",
    tags: ["SMS"],
    summary: "A party's SMS conversation, oldest first",
    security: bearer,
    request: { params: PartyParams },
    responses: { 200: jsonResponse(z.object({ messages: z.array(MessageSchema) }), "Messages"), ...errors(400, 401, 404) },
  }),
  async (c) => {
    const auth = c.get("auth");
    const { partyId } = c.req.valid("param");
    const d = db(c.env.DB);
    const loc = c.get("location");
    // A party id that is not this location's is 404 (DESIGN rule 3), not an empty conversation. The
    // party is in D1 once flushed, and in the DO until then (and while it is in line).
    const [flushed] = await d
      .select({ id: parties.id })
      .from(parties)
      .where(and(eq(parties.id, partyId), eq(parties.accountId, auth.accountId), eq(parties.locationId, loc.id)))
      .limit(1);
    if (!flushed) {
      const stub = restaurant(c.env, loc);
      unwrap(await stub.getParty(partyId));
    }
    const rows = await d
      .select()
      .from(messages)
      .where(and(eq(messages.accountId, auth.accountId), eq(messages.locationId, loc.id), eq(messages.partyId, partyId)))
      .orderBy(asc(messages.createdAt))
      .limit(500);
    return c.json(
      {
        // The same view host sockets get (message.updated), with REST's ISO times.
        messages: rows.map((m) => {
          const { partyId: _party, ...view } = restMessage(messageView(m));
          return view;
        }),
      },
      200,
    );
  },
);

messageRoutes.openapi(
  createRoute({
    method: "post",
    path: "/{locationId}/waitlist/{partyId}/messages",
    tags: ["SMS"],
    summary: "Text a party (hosts and up); needs a phone number and the guest's consent",
    security: bearer,
    request: { params: PartyParams, ...jsonBody(z.object({ body: freeText({ max: MAX_TEMPLATE_LENGTH, min: 1, multiline: true }) }).strict()) },
    responses: {
      202: jsonResponse(z.object({ messageId: z.string(), segments: SegmentSchema }), "Queued"),
      ...errors(400, 401, 404, 409, 413),
    },
  }),
  async (c) => {
    const { partyId } = c.req.valid("param");
    const { body } = c.req.valid("json");
    const loc = c.get("location");
    const stub = restaurant(c.env, loc);
    const { messageId } = unwrap(await stub.sendText(partyId, body));
    return c.json({ messageId, segments: segmentInfo(body) }, 202);
  },
);
