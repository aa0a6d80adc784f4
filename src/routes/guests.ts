// Guest history (issue 22): a returning guest, recognised by phone within the account, with their
// visits across the account's locations, staff tags (VIP…) and notes, and their erasure on a
// data-subject request. Staff only (every role sees phones on the host screen; erasure is
// owner/admin); never on a guest page or the board socket. The host screen asks for these beside
// the line, after an add or when a party is opened, so the add path itself does no extra work.
import { createRoute, z } from "@hono/zod-openapi";
import { assertRole, requireAuth } from "../auth/middleware";
import { db } from "../db/client";
import { guests } from "../db/schema";
import { and, eq } from "drizzle-orm";
import { audit } from "../lib/audit";
import { now } from "../lib/clock";
import { newId } from "../../lib/crypto";
import { conflict, notFound, validationFailed } from "../lib/errors";
import { clientIp } from "../lib/request";
import { freeText } from "../lib/text";
import { normalizePhone } from "../../domain/phone";
import { purgeAccountData } from "../lifecycle/retention";
import { findGuest, guestsByPhone, listGuests, oneGuest } from "../guests/profiles";
import { MAX_PHONES } from "../guests/visits";
import { bearer, errors, jsonBody, jsonResponse, router, uuidParam } from "./openapi";

const e164 = z.string().openapi({ example: "+12125550100", description: "E.164." });

const LastVisitSchema = z
  .object({
    visitedAt: z.string().openapi({ example: "2026-12-04T19:30:00.000Z" }),
    date: z.string().openapi({ example: "2026-12-04", description: "The local date of the visit in its location's time zone." }),
    location: z.object({ id: z.uuid(), name: z.string(), timeZone: z.string().openapi({ example: "America/New_York" }) }),
  })
  .openapi("GuestVisit");

const GuestSchema = z
  .object({
    id: z.uuid(),
    phone: e164,
    tags: z.array(z.string()).openapi({ example: ["VIP"], description: "The account's tags for this guest, set by staff." }),
    notes: z.string().openapi({ description: "Staff notes about the guest (not a party's own notes)." }),
    visitCount: z.number().int().min(0).openapi({
      description: "Seated parties and attended reservations (arrived, seated or completed) with this phone at any of the account's locations, within the retention policy.",
      example: 4,
    }),
    lastVisit: LastVisitSchema.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Guest");

const tag = freeText({ max: 32, min: 1 });
const tagList = z
  .array(tag)
  .max(10)
  .refine((list) => new Set(list.map((t) => t.toLowerCase())).size === list.length, { message: "Each tag once." })
  .openapi({ example: ["VIP"] });
const notes = freeText({ max: 1000, multiline: true });

const GuestPatch = z
  .object({ tags: tagList, notes })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: "Send tags, notes or both." });
const GuestInput = z.object({ phone: z.string().max(40).openapi({ example: "+12125550100", description: "E.164 (with +)." }), tags: tagList.optional(), notes: notes.optional() }).strict();

const GuestParams = z.object({ guestId: uuidParam("guestId") });
const GuestQuery = z.object({
  phone: z
    .preprocess((v) => (v === undefined || Array.isArray(v) ? v : [v]), z.array(z.string().max(40)).min(1).max(MAX_PHONES))
    .optional()
    .openapi({
      description: `Only the guests with these numbers (E.164; repeat the parameter for up to ${MAX_PHONES}). A number with visits is a guest even before staff tag it; a number with neither visits nor tags is left out.`,
      example: ["+12125550100"],
    }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

/**
 * E.164 from a number in a query or body. The account spans countries, so a number must carry its
 * calling code; a "+" sent unencoded in a query string arrives as a space and is read as "+".
 */
function e164Of(input: string, path: string): string {
  const raw = input.replace(/^ (?=\d)/, "+").trim();
  const phone = raw.startsWith("+") ? normalizePhone(raw, "1") : null;
  if (!phone) throw validationFailed("Send the phone number in E.164, with its calling code (+12125550100).", [{ path, message: "Not a valid E.164 phone number." }]);
  return phone;
}

export const guestRoutes = router();
guestRoutes.use("/", requireAuth);
guestRoutes.use("/*", requireAuth);

const tags = ["Guests"];

guestRoutes.openapi(
  createRoute({
    method: "get",
    path: "/",
    tags,
    summary: "The account's guests: by phone (the host screen's look-up), or all of them, most recently changed first",
    security: bearer,
    request: { query: GuestQuery },
    responses: { 200: jsonResponse(z.object({ items: z.array(GuestSchema), nextCursor: z.string().nullable() }).openapi("GuestList"), "Guests"), ...errors(400, 401, 403) },
  }),
  async (c) => {
    const auth = c.get("auth");
    const q = c.req.valid("query");
    const d = db(c.env.DB);
    if (q.phone) {
      const phones = q.phone.map((p, i) => e164Of(p, `phone.${i}`));
      return c.json({ items: await guestsByPhone(d, c.env.DB, auth.accountId, phones, now()), nextCursor: null }, 200);
    }
    return c.json(await listGuests(d, c.env.DB, auth.accountId, q.limit, q.cursor), 200);
  },
);

guestRoutes.openapi(
  createRoute({
    method: "post",
    path: "/",
    tags,
    summary: "Start a guest's history (tag or note a first-time guest); 409 when the number already has one",
    security: bearer,
    request: jsonBody(GuestInput),
    responses: { 201: jsonResponse(GuestSchema, "Created"), ...errors(400, 401, 403, 409) },
  }),
  async (c) => {
    const auth = c.get("auth");
    const input = c.req.valid("json");
    const phone = e164Of(input.phone, "phone");
    const d = db(c.env.DB);
    const at = now();
    const [row] = await d
      .insert(guests)
      .values({ id: newId(), accountId: auth.accountId, phone, tags: input.tags ?? [], notes: input.notes ?? "", createdAt: at, updatedAt: at })
      .onConflictDoNothing()
      .returning();
    if (!row) {
      const existing = await d.query.guests.findFirst({ where: and(eq(guests.accountId, auth.accountId), eq(guests.phone, phone)) });
      throw conflict("This number already has a guest history: change it with PATCH.", [{ path: "phone", message: "Already a guest.", guestId: existing?.id ?? null }]);
    }
    return c.json(await oneGuest(c.env.DB, auth.accountId, row), 201);
  },
);

guestRoutes.openapi(
  createRoute({
    method: "get",
    path: "/{guestId}",
    tags,
    summary: "One guest: visits, last visit, tags and notes",
    security: bearer,
    request: { params: GuestParams },
    responses: { 200: jsonResponse(GuestSchema, "The guest"), ...errors(400, 401, 403, 404) },
  }),
  async (c) => {
    const auth = c.get("auth");
    const row = await findGuest(db(c.env.DB), auth.accountId, c.req.valid("param").guestId);
    if (!row) throw notFound("Guest");
    return c.json(await oneGuest(c.env.DB, auth.accountId, row), 200);
  },
);

guestRoutes.openapi(
  createRoute({
    method: "patch",
    path: "/{guestId}",
    tags,
    summary: "Change a guest's tags (the whole list) or notes",
    security: bearer,
    request: { params: GuestParams, ...jsonBody(GuestPatch) },
    responses: { 200: jsonResponse(GuestSchema, "The guest after the change"), ...errors(400, 401, 403, 404) },
  }),
  async (c) => {
    const auth = c.get("auth");
    const d = db(c.env.DB);
    const row = await findGuest(d, auth.accountId, c.req.valid("param").guestId);
    if (!row) throw notFound("Guest");
    const patch = c.req.valid("json");
    const [updated] = await d
      .update(guests)
      .set({ ...patch, updatedAt: now() })
      .where(and(eq(guests.id, row.id), eq(guests.accountId, auth.accountId)))
      .returning();
    if (!updated) throw notFound("Guest");
    return c.json(await oneGuest(c.env.DB, auth.accountId, updated), 200);
  },
);

guestRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/{guestId}",
    tags,
    summary: "Erase a guest (owner/admin, for a data-subject request): their history at every location, tags, notes and texts",
    description:
      "Deletes every party and reservation with the guest's phone at every location of the account — in line, booked or past — " +
      "with their queued texts, emails and webhook events, the texts to and from the number, webhook delivery records that carry it, " +
      "and the guest's tags and notes. The SMS opt-out ledger keeps the number, so a STOP is still honoured. Audited (without the number).",
    security: bearer,
    request: { params: GuestParams },
    responses: { 204: { description: "Erased" }, ...errors(400, 401, 403, 404) },
  }),
  async (c) => {
    const auth = c.get("auth");
    const d = db(c.env.DB);
    const row = await findGuest(d, auth.accountId, c.req.valid("param").guestId);
    // The id first: another account's guest is 404 for every role (DESIGN.md rule 3), then the role.
    if (!row) throw notFound("Guest");
    assertRole(auth.role, "admin");
    const erased = await purgeAccountData(c.env, d, auth.accountId, { kind: "phone", phone: row.phone });
    await audit(d, {
      accountId: auth.accountId,
      userId: auth.userId,
      action: "guest.erased",
      targetType: "guest",
      targetId: row.id,
      ip: clientIp(c),
      detail: { parties: erased.parties, reservations: erased.reservations, messages: erased.messages },
      at: now(),
    });
    return c.body(null, 204);
  },
);
