// Guests, with no account: bookable times, booking a table, and their own booking by its manage
// link (/book/<token>) — view, change time or size, cancel, until the cut-off.
import { GUEST_LANGUAGES } from "../../domain/languages";
import { freeText } from "../lib/text";
import { createRoute, z } from "@hono/zod-openapi";
import { localDate } from "../../domain/time";
import { requireFeatureFor } from "../billing/entitlements";
import { now } from "../lib/clock";
import { validationFailed } from "../lib/errors";
import { errors, jsonBody, jsonResponse, router } from "./openapi";
import { guestIntake, locationBySlug, locationByToken, SlugParams, TokenParams } from "./public-guests";
import { servicesOn } from "../../domain/reservations/availability";
import { lastBookableDate } from "../../domain/reservations/opening";
import { restaurant, unwrap } from "../restaurant/client";
import { GuestLocaleSchema, guestLocale } from "./public-place";
import { dateString, isoTime, PublicReservationSchema, publicReservation, SlotSchema } from "./reservation-schemas";


export const publicReservationRoutes = router();
const tags = ["Guests (public)"];

publicReservationRoutes.openapi(
  createRoute({
    method: "get",
    path: "/locations/{slug}/availability",
    tags,
    summary: "Bookable times on a date for a party size",
    request: {
      params: SlugParams,
      query: z.object({ date: dateString, partySize: z.coerce.number().int().min(1).max(100) }),
    },
    responses: {
      200: jsonResponse(
        z
          .object({
            date: z.string(),
            timezone: z.string(),
            partySize: z.number().int(),
            maxPartySize: z.number().int(),
            slots: z.array(SlotSchema),
            services: z.array(z.object({ start: z.string(), end: z.string() })).openapi({ description: "The date's services (local HH:MM), to group the times; [] = closed that day." }),
            lastDate: z.string().openapi({ description: "The last local date (YYYY-MM-DD) online bookings reach." }),
          })
          .openapi("Availability"),
        "Free times",
      ),
      ...errors(400, 402, 404),
    },
  }),
  async (c) => {
    const { date, partySize } = c.req.valid("query");
    const loc = await locationBySlug(c, c.req.valid("param").slug);
    await requireFeatureFor(c.env, loc.accountId, "bookings");
    if (date < localDate(now(), loc.timezone)) throw validationFailed("That date has passed.", [{ path: "date", message: "Pick today or a later date." }]);
    const stub = restaurant(c.env, loc);
    const [found, booking] = await Promise.all([stub.availability(date, partySize), stub.getBookingSettings()]);
    if (partySize > found.maxPartySize) {
      throw validationFailed(`Online bookings are for up to ${found.maxPartySize} guests; please call the restaurant.`, [
        { path: "partySize", message: `At most ${found.maxPartySize}.` },
      ]);
    }
    return c.json(
      {
        date,
        timezone: loc.timezone,
        partySize,
        maxPartySize: found.maxPartySize,
        slots: found.slots.map((s) => ({ start: new Date(s.start).toISOString(), localTime: s.localTime })),
        services: servicesOn(booking, date),
        lastDate: lastBookableDate(booking, now(), loc.timezone),
      },
      200,
    );
  },
);

publicReservationRoutes.openapi(
  createRoute({
    method: "post",
    path: "/locations/{slug}/reservations",
    tags,
    summary: "Book a table and get the manage link",
    description:
      "Rate limited per client IP and per phone number. SMS consent is recorded as given. A time that was just taken " +
      "answers 409 `slot_unavailable` with the nearest free times in `details` (`start`, `localTime`).",
    request: {
      params: SlugParams,
      ...jsonBody(
        z
          .object({
            name: freeText({ max: 80, min: 1 }),
            phone: z.string().trim().min(1).max(32).openapi({ example: "+1 212 555 0100" }),
            email: z.string().trim().max(254).pipe(z.email({ message: "Enter a valid email address." })).optional(),
            partySize: z.number().int().min(1).max(100),
            start: isoTime,
            notes: freeText({ max: 500, multiline: true }).optional(),
            smsConsent: z.boolean().openapi({ description: "The guest agrees to texts about this booking." }),
            language: z.enum(GUEST_LANGUAGES).optional().openapi({ description: "The page's language: this guest's texts are in it (default: the location's)." }),
          })
          .strict(),
      ),
    },
    responses: {
      201: jsonResponse(z.object({ reservation: PublicReservationSchema, token: z.string(), manageUrl: z.string() }), "Booked"),
      ...errors(400, 402, 404, 409, 413, 429),
    },
  }),
  async (c) => {
    const input = c.req.valid("json");
    const loc = await locationBySlug(c, c.req.valid("param").slug);
    const { stub, phone } = await guestIntake(c, loc, input.phone, {
      feature: "bookings",
      kind: "booking",
      perIpPerHour: 10,
      perPhonePerHour: 5,
      ipMessage: "Too many bookings from this network. Please call the restaurant.",
      phoneMessage: "This phone number has booked too often. Please call the restaurant.",
    });
    const made = unwrap(await stub.createReservation({ ...input, phone, start: Date.parse(input.start), source: "online" }));
    const full = unwrap(await stub.guestReservation(made.token));
    return c.json({ reservation: publicReservation(full.reservation, loc.timezone), token: made.token, manageUrl: made.manageUrl }, 201);
  },
);

const GuestBooking = z
  .object({
    reservation: PublicReservationSchema,
    restaurant: z.object({ name: z.string(), slug: z.string(), timezone: z.string() }).merge(GuestLocaleSchema),
    canChange: z.boolean(),
    changeCutoffAt: z.string().nullable(),
  })
  .openapi("GuestReservation");

publicReservationRoutes.openapi(
  createRoute({
    method: "get",
    path: "/reservations/{token}",
    tags,
    summary: "A guest's own booking by its manage link",
    request: { params: TokenParams },
    responses: { 200: jsonResponse(GuestBooking, "The booking"), ...errors(404) },
  }),
  async (c) => {
    const { token } = c.req.valid("param");
    const loc = await locationByToken(c, token);
    const stub = restaurant(c.env, loc);
    const found = unwrap(await stub.guestReservation(token));
    const settings = await stub.getSettings();
    return c.json(
      {
        reservation: publicReservation(found.reservation, loc.timezone),
        restaurant: { name: loc.name, slug: loc.slug, timezone: loc.timezone, ...guestLocale(loc, settings) },
        canChange: found.canChange,
        changeCutoffAt: found.changeCutoffAt === null ? null : new Date(found.changeCutoffAt).toISOString(),
      },
      200,
    );
  },
);

publicReservationRoutes.openapi(
  createRoute({
    method: "patch",
    path: "/reservations/{token}",
    tags,
    summary: "Change the time or party size (until the cut-off)",
    request: {
      params: TokenParams,
      ...jsonBody(
        z
          .object({ start: isoTime, partySize: z.number().int().min(1).max(100) })
          .partial()
          .strict()
          .refine((v) => Object.keys(v).length > 0, { message: "Send start, partySize or both." }),
      ),
    },
    responses: { 200: jsonResponse(z.object({ reservation: PublicReservationSchema }), "Changed"), ...errors(400, 404, 409, 413) },
  }),
  async (c) => {
    const { token } = c.req.valid("param");
    const input = c.req.valid("json");
    const loc = await locationByToken(c, token);
    const stub = restaurant(c.env, loc);
    const changed = unwrap(await stub.guestChangeReservation(token, { start: input.start === undefined ? undefined : Date.parse(input.start), partySize: input.partySize }));
    return c.json({ reservation: publicReservation(changed, loc.timezone) }, 200);
  },
);

publicReservationRoutes.openapi(
  createRoute({
    method: "post",
    path: "/reservations/{token}/cancel",
    tags,
    summary: "Cancel the booking (until the cut-off)",
    request: { params: TokenParams },
    responses: { 200: jsonResponse(z.object({ reservation: PublicReservationSchema }), "Cancelled"), ...errors(404, 409) },
  }),
  async (c) => {
    const { token } = c.req.valid("param");
    const loc = await locationByToken(c, token);
    const stub = restaurant(c.env, loc);
    return c.json({ reservation: publicReservation(unwrap(await stub.guestCancelReservation(token)), loc.timezone) }, 200);
  },
);
