// What the public routes for guests share: path params, finding the location behind a slug or a
// link token, and the first steps of every public sign-up at a place (self check-in, booking).
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { eq } from "drizzle-orm";
import { locationIdFromLinkToken } from "../../domain/links";
import { guestPhone } from "../../domain/phone";
import { enforceClientLimit, enforceRateLimit } from "../auth/throttle";
import { requireFeatureFor } from "../billing/entitlements";
import type { Feature } from "../billing/plans";
import { db } from "../db/client";
import { locations } from "../db/schema";
import type { AppEnv } from "../env";
import { HOUR, now } from "../lib/clock";
import { sha256Hex } from "../../lib/crypto";
import { ApiError, notFound, validationFailed } from "../lib/errors";
import { clientIp } from "../lib/request";
import { clientIdentity } from "../lib/client-identity";
import { restaurant } from "../restaurant/client";

export const SlugParams = z.object({ slug: z.string().max(63).openapi({ param: { name: "slug", in: "path" } }) });
export const TokenParams = z.object({ token: z.string().max(128).openapi({ param: { name: "token", in: "path" } }) });

export type LocationRow = typeof locations.$inferSelect;

export async function locationBySlug(c: Context<AppEnv>, slug: string): Promise<LocationRow> {
  const loc = await db(c.env.DB).query.locations.findFirst({ where: eq(locations.slug, slug.toLowerCase()) });
  if (!loc) throw notFound("Location");
  return loc;
}

/** The location a guest or manage link belongs to (its first 32 characters), or 404. */
export async function locationByToken(c: Context<AppEnv>, token: string): Promise<LocationRow> {
  const id = locationIdFromLinkToken(token);
  const loc = id ? await db(c.env.DB).query.locations.findFirst({ where: eq(locations.id, id) }) : undefined;
  if (!loc) throw new ApiError(404, "not_found", "This link is not valid.");
  return loc;
}

export interface IntakeRules {
  feature: Feature;
  /** Prefix of the rate-limit keys ("checkin", "booking"). */
  kind: string;
  perIpPerHour: number;
  perPhonePerHour: number;
  ipMessage: string;
  phoneMessage: string;
  /** The kiosk link's token (self check-in on the restaurant's tablet): its own limit replaces the per-network one. */
  kioskToken?: string;
}

/**
 * Check-ins per hour through one kiosk token. The tablet is one address for every guest, so the
 * per-network limit would stop it within minutes; this is higher, and still bounded (README "Kiosk").
 */
export const KIOSK_CHECKINS_PER_HOUR = 120;

/** A kiosk link whose token is not this location's current one: replaced, revoked, mistyped or another location's. */
export const kioskInvalid = () =>
  new ApiError(404, "not_found", "This kiosk link is not valid: it was replaced or revoked. Ask a manager for the current one.", [
    { path: "kioskToken", message: "Not this location's current kiosk token." },
  ]);

/** The kiosk's own limit, keyed on its token (hashed): one tablet is one network for every guest. */
export async function enforceKioskLimit(c: Context<AppEnv>, loc: LocationRow, token: string, at: number, kind: string) {
  if (!(await restaurant(c.env, loc).getKioskAccepts(token))) throw kioskInvalid();
  await enforceRateLimit(db(c.env.DB), `${kind}-kiosk:${await sha256Hex(token)}`, at, KIOSK_CHECKINS_PER_HOUR, HOUR, "Too many check-ins from this kiosk. Ask the host.");
}

/**
 * A guest signing up at a place: the plan must include it, then a limit per network, then the phone
 * as the location writes it (its country code), then a limit per phone. In that order, so a refused
 * plan or a flood from one network costs no more than one D1 read.
 */
export async function guestIntake(c: Context<AppEnv>, loc: LocationRow, rawPhone: string, rules: IntakeRules) {
  const d = db(c.env.DB);
  const at = now();
  await requireFeatureFor(c.env, loc.accountId, rules.feature);
  const stub = restaurant(c.env, loc);
  if (rules.kioskToken !== undefined) await enforceKioskLimit(c, loc, rules.kioskToken, at, rules.kind);
  else await enforceClientLimit(d, rules.kind, clientIdentity(c), at, rules.perIpPerHour, HOUR, rules.ipMessage);
  const settings = await stub.getSettings();
  const parsed = guestPhone(rawPhone, settings.phoneCountryCode);
  if (!parsed.ok) {
    // details[].code tells the guest page which of its own (translated) messages to show.
    throw parsed.reason === "not_mobile"
      ? validationFailed("That number cannot receive texts. Please give a mobile number.", [{ path: "phone", message: "Not a mobile number.", code: "not_mobile" }])
      : validationFailed("That phone number does not look valid. Include the country code, e.g. +1 212 555 0100.", [
          { path: "phone", message: "Not a valid phone number.", code: "invalid_phone" },
        ]);
  }
  const phone = parsed.e164;
  await enforceRateLimit(d, `${rules.kind}-phone:${await sha256Hex(phone)}`, at, rules.perPhonePerHour, HOUR, rules.phoneMessage);
  return { stub, phone };
}
