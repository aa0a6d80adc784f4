// What every guest page shows about the place besides the line or the book: its language, country and
// zone (so times and phones read as guests there read them), address and phone, today's hours, the
// next opening, and the limits of online booking. Shared by the public location, status and booking
// answers.
import { z } from "@hono/zod-openapi";
import { lastBookableDate, nextOpening, servicesToday } from "../../domain/reservations/opening";
import { GUEST_LANGUAGES } from "../../domain/languages";
import { countryForCallingCode, displayPhone, examplePhone } from "../../domain/phone";
import type { WaitlistSettings } from "../../domain/waitlist/protocol";
import type { BookingSettings } from "../../domain/reservations/model";
import { entitlementsFor } from "../billing/entitlements";
import type { Env } from "../env";
import { now } from "../lib/clock";
import type { LocationRow } from "./public-guests";
import { restaurant } from "../restaurant/client";
import { logoUrl } from "./logos";

const ServiceSchema = z.object({ start: z.string().openapi({ example: "17:00" }), end: z.string().openapi({ example: "22:00" }) });

/** The locale facts a guest page formats with. */
export const GuestLocaleSchema = z.object({
  language: z.enum(GUEST_LANGUAGES).openapi({ description: "The location's default language for guest pages." }),
  country: z.string().nullable().openapi({ description: "ISO 3166-1 alpha-2, from the location's phone country code: clock, date order, phone format.", example: "US" }),
  timeZone: z.string().openapi({ example: "America/New_York" }),
  accentColor: z.string().nullable().openapi({ description: "The location's accent colour for guest pages, or null." }),
  logoUrl: z.string().nullable().openapi({ description: "The location's logo on this origin, or null." }),
});

export const GuestPlaceSchema = GuestLocaleSchema.extend({
  address: z.string().nullable(),
  phone: z.string().nullable().openapi({ description: "The location's phone, E.164." }),
  phoneDisplay: z.string().nullable().openapi({ description: "The location's phone as its country writes it." }),
  phoneExample: z.string().nullable().openapi({ description: "A mobile number in the country's national format, for the phone field's hint." }),
  hoursToday: z.array(ServiceSchema).openapi({ description: "Today's services (local HH:MM); [] = closed today." }),
  nextOpenAt: z.string().nullable().openapi({ description: "The next service start (ISO 8601 UTC) within two weeks, or null." }),
  booking: z.object({
    online: z.boolean().openapi({ description: "Whether guests can book online here." }),
    maxPartySize: z.number().int().openapi({ description: "The largest party that can book online." }),
    lastDate: z.string().openapi({ description: "The last local date (YYYY-MM-DD) the booking window reaches." }),
  }),
});

export function guestLocale(loc: LocationRow, settings: Pick<WaitlistSettings, "language" | "phoneCountryCode" | "accentColor">) {
  return { language: settings.language, country: countryForCallingCode(settings.phoneCountryCode), timeZone: loc.timezone, accentColor: settings.accentColor ?? null, logoUrl: logoUrl(loc.logoKey) };
}

export function guestPlaceOf(loc: LocationRow, settings: WaitlistSettings, booking: BookingSettings, bookingsOnPlan: boolean, at = now()) {
  const next = nextOpening(booking, at, loc.timezone);
  return {
    ...guestLocale(loc, settings),
    address: loc.address,
    phone: loc.phone,
    phoneDisplay: loc.phone ? displayPhone(loc.phone, settings.phoneCountryCode) : null,
    phoneExample: examplePhone(settings.phoneCountryCode),
    hoursToday: servicesToday(booking, at, loc.timezone),
    nextOpenAt: next === null ? null : new Date(next).toISOString(),
    booking: { online: bookingsOnPlan && booking.onlineBooking, maxPartySize: booking.maxOnlinePartySize, lastDate: lastBookableDate(booking, at, loc.timezone) },
  };
}

/** The place as guest pages show it, read from the location's DO and the account's plan. */
export async function guestPlace(env: Env, loc: LocationRow) {
  const stub = restaurant(env, loc);
  const [settings, booking, entitlements] = await Promise.all([stub.getSettings(), stub.getBookingSettings(), entitlementsFor(env, loc.accountId)]);
  return guestPlaceOf(loc, settings, booking, entitlements.plan.features.bookings);
}
