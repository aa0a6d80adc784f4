// Feedback after the meal (issue 22): the location's settings, the host screen's recent low answers,
// the guest's rating page by its link (public), and the Insights summary. The location's DO
// schedules, sends and records (durable-objects/feedback/requests.ts); these are thin shells.
import { createRoute, z } from "@hono/zod-openapi";
import { MAX_FEEDBACK_COMMENT, MAX_FEEDBACK_DELAY_MINUTES, restFeedback, summarize, type GuestFeedback } from "../../domain/feedback";
import { requireAuth, requireRole } from "../auth/middleware";
import { enforceClientLimit } from "../auth/throttle";
import { db } from "../db/client";
import { HOUR, isoOrNull, now } from "../lib/clock";
import { clientIdentity } from "../lib/client-identity";
import { freeText } from "../lib/text";
import { GUEST_LANGUAGES } from "../../domain/languages";
import { restaurant, unwrap } from "../restaurant/client";
import { checkRange, scopeLocations } from "../insights/service";
import { bearer, errors, jsonBody, jsonResponse, router, uuidParam } from "./openapi";
import { guestLocale, GuestLocaleSchema } from "./public-place";
import { locationByToken, TokenParams, type LocationRow } from "./public-guests";
import type { Context } from "hono";
import type { AppEnv } from "../env";

import { InsightsQuerySchema, LocationsSchema } from "./insights-schemas";

export const FeedbackSettingsSchema = z
  .object({
    enabled: z.boolean().openapi({ description: "Whether seated parties and bookings get a text (and bookings an email) asking how it was. Off by default." }),
    delayMinutes: z.number().int().min(0).max(MAX_FEEDBACK_DELAY_MINUTES).openapi({ description: "Minutes after seating the text goes out; a booking marked completed earlier is asked then. 0: within seconds.", example: 60 }),
    alertAtOrBelow: z.number().int().min(0).max(5).openapi({ description: "A rating at or below this alerts the host screens and emails the owner; 0: never.", example: 2 }),
  })
  .openapi("FeedbackSettings");

const FeedbackSettingsPatch = FeedbackSettingsSchema.partial().strict().openapi("FeedbackSettingsPatch");

export const FeedbackSchema = z
  .object({
    id: z.string(),
    partyId: z.string().nullable().openapi({ description: "The waitlist party asked, or null for a booking." }),
    reservationId: z.string().nullable().openapi({ description: "The booking asked, or null for a walk-in." }),
    name: z.string(),
    partySize: z.number().int(),
    rating: z.number().int().min(1).max(5),
    comment: z.string().nullable(),
    low: z.boolean().openapi({ description: "At or below the location's alertAtOrBelow when given." }),
    sentAt: z.string().openapi({ description: "When the text (or email) asking for it went out." }),
    answeredAt: z.string().openapi({ description: "The guest's first answer." }),
    updatedAt: z.string().openapi({ description: "The answer's last change (a second submit changes it)." }),
  })
  .openapi("Feedback", {
    example: {
      id: "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
      partyId: "5f0c7a52-3f8e-4a52-9c2b-6d1e0f7a8b9c",
      reservationId: null,
      name: "Ana",
      partySize: 2,
      rating: 2,
      comment: "The soup was cold.",
      low: true,
      sentAt: "2026-12-04T20:31:00.000Z",
      answeredAt: "2026-12-04T20:40:12.000Z",
      updatedAt: "2026-12-04T20:41:03.000Z",
    },
  });

const LocationParams = z.object({ locationId: uuidParam("locationId") });
const tags = ["Feedback"];

export const feedbackRoutes = router();
feedbackRoutes.use("/locations/:locationId/feedback-settings", requireAuth);
feedbackRoutes.use("/locations/:locationId/feedback-alerts", requireAuth);
feedbackRoutes.use("/insights/feedback", requireAuth);

feedbackRoutes.openapi(
  createRoute({
    method: "get",
    path: "/locations/{locationId}/feedback-settings",
    tags,
    summary: "Feedback after the meal: on or off, the delay after seating, the low-score threshold",
    security: bearer,
    request: { params: LocationParams },
    responses: { 200: jsonResponse(FeedbackSettingsSchema, "Settings"), ...errors(400, 401, 404) },
  }),
  async (c) => c.json(await restaurant(c.env, c.get("location")).getFeedbackSettings(), 200),
);

feedbackRoutes.openapi(
  createRoute({
    method: "patch",
    path: "/locations/{locationId}/feedback-settings",
    tags,
    summary: "Change the feedback settings (admin or owner); merged, answered with the whole settings",
    description: "Applies to parties and bookings seated from now on.",
    security: bearer,
    middleware: [requireRole("admin")] as const,
    request: { params: LocationParams, ...jsonBody(FeedbackSettingsPatch) },
    responses: { 200: jsonResponse(FeedbackSettingsSchema, "Settings"), ...errors(400, 401, 403, 404, 413) },
  }),
  async (c) => c.json(unwrap(await restaurant(c.env, c.get("location")).updateFeedbackSettings(c.req.valid("json"))), 200),
);

feedbackRoutes.openapi(
  createRoute({
    method: "get",
    path: "/locations/{locationId}/feedback-alerts",
    tags,
    summary: "The low answers of the last 24 hours (at most 50, newest first): the host screen's feedback badge",
    description: "New ones arrive on the host socket as `feedback.received` / `feedback.updated` events with `feedback.low: true`. The list is bounded, so `nextCursor` is always null.",
    security: bearer,
    request: { params: LocationParams },
    responses: {
      200: jsonResponse(z.object({ items: z.array(FeedbackSchema), nextCursor: z.null() }).openapi("FeedbackAlerts"), "Low answers"),
      ...errors(400, 401, 404),
    },
  }),
  async (c) => {
    const items = await restaurant(c.env, c.get("location")).listLowFeedback();
    return c.json({ items: items.map(restFeedback), nextCursor: null }, 200);
  },
);

// ---- the guest's page (public, by the link in the text) --------------------------------------------

const GuestFeedbackSchema = z
  .object({
    name: z.string().openapi({ description: "The guest's name as the host wrote it." }),
    language: z.enum(GUEST_LANGUAGES).openapi({ description: "The guest's language (chosen at check-in or booking), else the location's: the page opens in it." }),
    rating: z.number().int().nullable().openapi({ description: "The answer given so far, or null." }),
    comment: z.string().nullable(),
    answeredAt: z.string().nullable(),
    location: GuestLocaleSchema.extend({ name: z.string(), slug: z.string() }),
  })
  .openapi("GuestFeedback");

const AnswerBody = z
  .object({
    rating: z.number().int().min(1).max(5).openapi({ description: "1 (bad) to 5 (great)." }),
    comment: freeText({ max: MAX_FEEDBACK_COMMENT, multiline: true })
      .nullable()
      .optional()
      .openapi({ description: "Optional. Left out: the comment already given stays; empty or null removes it." }),
  })
  .strict();

async function guestAnswer(c: Context<AppEnv>, loc: LocationRow, answer: GuestFeedback) {
  const settings = await restaurant(c.env, loc).getSettings();
  return { ...answer, answeredAt: isoOrNull(answer.answeredAt), location: { name: loc.name, slug: loc.slug, ...guestLocale(loc, settings) } };
}

feedbackRoutes.openapi(
  createRoute({
    method: "get",
    path: "/public/feedback/{token}",
    tags,
    summary: "The guest's feedback page: whom it asks, the answer so far, the place's locale",
    description: "The link works for 7 days after the text went out (then 410).",
    request: { params: TokenParams },
    responses: { 200: jsonResponse(GuestFeedbackSchema, "The page"), ...errors(404, 410) },
  }),
  async (c) => {
    const { token } = c.req.valid("param");
    const loc = await locationByToken(c, token);
    const answer = unwrap(await restaurant(c.env, loc).getGuestFeedback(token));
    return c.json(await guestAnswer(c, loc, answer), 200);
  },
);

feedbackRoutes.openapi(
  createRoute({
    method: "post",
    path: "/public/feedback/{token}",
    tags,
    summary: "The guest rates the visit 1–5, with an optional comment; a second submit changes the answer",
    description:
      "The page sends the rating on the tap and again with the comment. The first answer is the `feedback.received` event, a change `feedback.updated`, " +
      "the same answer again changes nothing. A rating at or below the location's `alertAtOrBelow` alerts the host screens and emails the owner (once per visit).",
    request: { params: TokenParams, ...jsonBody(AnswerBody) },
    responses: { 200: jsonResponse(GuestFeedbackSchema, "Recorded"), ...errors(400, 404, 410, 413, 429) },
  }),
  async (c) => {
    const { token } = c.req.valid("param");
    await enforceClientLimit(db(c.env.DB), "feedback", clientIdentity(c), now(), 60, HOUR, "Too many requests from this network. Please try again later.");
    const loc = await locationByToken(c, token);
    const answer = unwrap(await restaurant(c.env, loc).answerFeedback(token, c.req.valid("json")));
    return c.json(await guestAnswer(c, loc, answer), 200);
  },
);

// ---- Insights ------------------------------------------------------------------------------------

const InsightsFeedbackSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    locations: LocationsSchema,
    responses: z.number().int(),
    averageRating: z.number().nullable().openapi({ description: "Mean rating (two decimals), null with no answers." }),
    distribution: z.array(z.object({ rating: z.number().int().min(1).max(5), count: z.number().int() })),
    low: z.number().int().openapi({ description: "Answers at or below each location's alertAtOrBelow." }),
    comments: z
      .array(z.object({ id: z.string(), locationId: z.string(), rating: z.number().int(), comment: z.string(), answeredAt: z.string() }))
      .openapi({ description: "Answers with a comment, newest first, at most 100." }),
  })
  .openapi("InsightsFeedback");

feedbackRoutes.openapi(
  createRoute({
    method: "get",
    path: "/insights/feedback",
    tags: ["Insights"],
    summary: "Feedback: average rating, distribution 1–5, low answers and comments, by the local date answered",
    description: "Dates are local to each location. Answers are kept in each location's DO and deleted with the account's retention policy.",
    security: bearer,
    request: { query: InsightsQuerySchema.pick({ from: true, to: true, locationId: true }) },
    responses: { 200: jsonResponse(InsightsFeedbackSchema, "The report"), ...errors(400, 401, 404) },
  }),
  async (c) => {
    const q = c.req.valid("query");
    checkRange(q.from, q.to);
    const locs = await scopeLocations(db(c.env.DB), c.get("auth").accountId, q.locationId);
    const parts = await Promise.all(locs.map((l) => restaurant(c.env, l).getFeedbackReport(q.from, q.to)));
    const s = summarize(parts);
    return c.json(
      {
        from: q.from,
        to: q.to,
        locations: locs.map((l) => ({ id: l.id, name: l.name, timeZone: l.timezone })),
        ...s,
        comments: s.comments.map((x) => ({ ...x, answeredAt: new Date(x.answeredAt).toISOString() })),
      },
      200,
    );
  },
);
