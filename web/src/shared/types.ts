// The API's own types, imported type-only so the web app cannot drift from the server and its bundle
// carries none of it: the socket protocols and the entities (party, reservation, tables, settings) from
// the server's own declarations in domain/, every other REST answer from the generated description of
// the API (clients/typescript/seatline-api.d.ts: openapi-typescript over /api/openapi.json, which the
// routes' zod schemas make; the integrators' typed client). test/web/contract.ts checks these against
// the zod schemas the server validates with.
import type { components, paths } from "../../../clients/typescript/seatline-api";
export type {
  GuestServerMessage,
  GuestStatus,
  HostServerMessage,
  Intervals,
  NewPartyWait,
  PartyView,
  RankedPartyView,
  WaitFigure,
  WaitlistSettings,
  WaitsChange,
} from "../../../domain/waitlist/protocol";
export type { PartyState, SizeBand, BandMinutes } from "../../../domain/waitlist/model";
export type { MessageView } from "../../../domain/sms/message-view";
export type { TemplateKind } from "../../../domain/sms/templates";
export type { SegmentInfo } from "../../../domain/sms/segments";
import type { TemplateKind } from "../../../domain/sms/templates";

type Schemas = components["schemas"];
/** The JSON body of the 200 answer of `method path`, for answers without a schema of their own. */
type Answer<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: { 200: { content: { "application/json": infer T } } } } ? T : never;
/** The JSON body of the 201 answer of `method path`. */
type Created<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: { 201: { content: { "application/json": infer T } } } } ? T : never;
/** The JSON body `method path` takes. */
type Body<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { requestBody?: { content: { "application/json": infer T } } } ? T : never;

// A party and a reservation are declared once (domain/waitlist/party.ts, domain/reservations/reservation.ts):
// their REST shapes here are read off those declarations, not copied.
export type { RestParty } from "../../../domain/waitlist/party";
export type RestMessage = Schemas["Message"];

export type User = Schemas["User"];
export type Role = User["role"];
export type Session = Schemas["Session"];
/** What the host screen's add form sends. */
export type NewParty = Body<"/api/locations/{locationId}/waitlist", "post">;
export type Location = Schemas["Location"];
/** A returning guest's history (issue 22): staff only, never on guest pages. */
export type Guest = Schemas["Guest"];
export type Member = Answer<"/api/team/members", "get">["members"][number];
export type Invite = Schemas["Invite"];
export type Retention = Schemas["Retention"];
export type SmsSettingsView = Schemas["SmsSettings"];
export type SmsTemplateView = SmsSettingsView["templates"][TemplateKind];

// Guests
export type PublicLocation = Schemas["PublicLocation"];
/** The locale facts every guest page formats with (the server's GuestLocaleSchema). */
export type GuestLocale = Pick<PublicLocation, "language" | "country" | "timeZone" | "accentColor" | "logoUrl">;
export type ServiceHours = PublicLocation["hoursToday"][number];
/** The lobby board's page facts (GET /api/public/locations/{slug}/board). */
export type BoardPage = Schemas["BoardPage"];
/** A location's kiosk token as settings see it (issue 22); `token` and `kioskUrl` only when just made. */
export type KioskToken = Schemas["KioskToken"];
/** The kiosk page's check that its link still works. */
export type KioskCheck = Schemas["KioskCheck"];
/** Self check-in's body and its answer (the check-in page and the kiosk share the form). */
export type CheckInBody = Body<"/api/public/locations/{slug}/waitlist", "post">;
export type CheckedIn = Created<"/api/public/locations/{slug}/waitlist", "post">;
/** A guest's status as REST answers it (status, on my way, leave). */
export type GuestStatusRest = Schemas["GuestStatus"];
/** The guest's status: the page's first answer also carries the location's locale and slug, and `almostUpPosition`. */
export type GuestStatusAnswer = GuestStatusRest & { location: Partial<Schemas["GuestStatusPage"]["location"]> } & Partial<Pick<Schemas["GuestStatusPage"], "almostUpPosition">>;

// Reservations: the live view is the DO's own type; the REST shapes are checked against the zod
// schemas in test/web/contract.ts.
export type { ReservationView } from "../../../domain/reservations/reservation";
export type { ReservationStatus } from "../../../domain/reservations/model";
export type { RestReservation as Reservation } from "../../../domain/reservations/reservation";
export type PublicReservation = Schemas["PublicReservation"];
/** A guest's booking as its manage link shows it. */
export type GuestReservation = Schemas["GuestReservation"];
export type Slot = Schemas["Slot"];
export type Availability = Schemas["Availability"];

// Setup: tables, combinations and booking rules are the DO's own model types (checked against the
// zod schemas in test/web/contract.ts).
export type { Table, Combination, BookingSettings, Service, DurationRule } from "../../../domain/reservations/model";
export type Tables = Schemas["Tables"];
/** The best free table (or combination) for a party, if any. */
export type TableSuggestion = NonNullable<Schemas["TableSuggestion"]["suggestion"]>;
export type HistoryPage = Schemas["History"];

// Billing (GET /api/billing; owner only)
export type Billing = Schemas["Billing"];
export type Plan = Schemas["Plan"];
export type BillingNotice = Schemas["BillingNotice"];
export type BillingUsage = Billing["usage"][number];
