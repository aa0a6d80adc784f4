// The API's own types, imported type-only from the server code so the web app cannot drift from it.
// REST answers carry ISO times where the sockets carry epoch ms; IsoTimes<> maps one to the other
// (test/web/contract.ts checks these against the zod schemas the server validates with).
export type {
  GuestServerMessage,
  GuestStatus,
  HostServerMessage,
  Intervals,
  PartyView,
  RankedPartyView,
  WaitlistSettings,
} from "../../../domain/waitlist/protocol";
export type { PartyState, SizeBand, BandMinutes } from "../../../domain/waitlist/model";
export type { MessageView } from "../../../domain/sms/message-view";
export type { TemplateKind } from "../../../domain/sms/templates";
export type { SegmentInfo } from "../../../domain/sms/segments";
import type { GuestStatus } from "../../../domain/waitlist/protocol";
import type { MessageView } from "../../../domain/sms/message-view";
import type { SegmentInfo } from "../../../domain/sms/segments";
import type { TemplateKind } from "../../../domain/sms/templates";
import type { GuestLanguage } from "../../../domain/languages";

// A party and a reservation are declared once (domain/waitlist/party.ts, domain/reservations/reservation.ts):
// their REST shapes here are read off those declarations, not copied.
export type { RestParty } from "../../../domain/waitlist/party";
import type { RestParty } from "../../../domain/waitlist/party";
export type RestMessage = Omit<MessageView, "partyId" | "createdAt" | "updatedAt"> & { createdAt: string; updatedAt: string };

export type Role = "owner" | "admin" | "host";
export interface User { id: string; accountId: string; email: string; name: string; role: Role }
export interface Session { token: string; tokenType: "Bearer"; expiresAt: string; idleTimeoutSeconds: number; user: User; account: { id: string; name: string } }
export interface Location { id: string; name: string; slug: string; timezone: string; phone: string | null; address: string | null; logoUrl: string | null; createdAt: string; updatedAt: string }
export interface Member extends User { lastLoginAt: string | null }
export interface Invite { id: string; email: string; role: Role; status: string; expiresAt: string; createdAt: string }
export interface Retention { policy: "default" | "days"; days: number | null }
export interface SmsTemplateView { enabled: boolean; body: string; placeholders: string[]; segments: SegmentInfo }
export interface SmsSettingsView {
  almostUpPosition: number; primaryProvider: "twilio" | "telnyx"; templates: Record<TemplateKind, SmsTemplateView>;
  translations: Partial<Record<GuestLanguage, Partial<Record<TemplateKind, { enabled: boolean; body: string }>>>>;
}

// Guests
/** The locale facts every guest page formats with (the server's GuestLocaleSchema). */
export interface GuestLocale { language: string; country: string | null; timeZone: string; accentColor?: string | null; logoUrl?: string | null }
export interface ServiceHours { start: string; end: string }
export interface PublicLocation extends GuestLocale {
  name: string; slug: string; open: boolean; full: boolean; maxPartySize: number; inLine: number; estimates: { size: number; estimateMinutes: number }[];
  address: string | null; phone: string | null; phoneDisplay: string | null; phoneExample: string | null;
  hoursToday: ServiceHours[]; nextOpenAt: string | null; booking: { online: boolean; maxPartySize: number; lastDate: string };
}
export type GuestStatusAnswer = GuestStatus & {
  restaurant: string; partyName: string; size: number; onMyWayAt: string | null;
  location?: GuestLocale & { name: string; slug: string }; almostUpPosition?: number;
};

// Reservations: the live view is the DO's own type; the REST shapes are checked against the zod
// schemas in test/web/contract.ts.
export type { ReservationView } from "../../../domain/reservations/reservation";
export type { ReservationStatus } from "../../../domain/reservations/model";
import type { ReservationStatus } from "../../../domain/reservations/model";
export type { RestReservation as Reservation } from "../../../domain/reservations/reservation";
export interface PublicReservation { name: string; partySize: number; start: string; end: string; localDate: string; localTime: string; status: ReservationStatus; notes: string }
export interface Slot { start: string; localTime: string }
export interface Availability { date: string; timezone: string; partySize: number; maxPartySize: number; slots: Slot[]; services: ServiceHours[]; lastDate: string }

// Billing (contract)
export interface BillingNotice { code: string; level: "info" | "warning" | "error"; message: string }

// Setup: tables, combinations and booking rules are the DO's own model types (checked against the
// zod schemas in test/web/contract.ts).
export type { Table, Combination, BookingSettings, Service, DurationRule } from "../../../domain/reservations/model";
import type { Combination, Table } from "../../../domain/reservations/model";
export interface Tables { tables: Table[]; combinations: Combination[] }
export interface HistoryPage { parties: RestParty[]; nextCursor: string | null }

// Billing (GET /api/billing; owner only)
export interface Plan {
  code: string; name: string; priceCents: number; locationsAllowed: number; smsPerLocationPerMonth: number; allowOverage: boolean;
  features: { selfCheckIn: boolean; bookings: boolean; twoWaySms: boolean; apiAccess: boolean };
}
export interface BillingUsage { locationId: string; name: string; timezone: string; month: string; count: number; allowance: number; overage: number; overageReported: number }
export interface Billing {
  plan: Plan; subscribedPlan: Plan | null; status: "none" | "pending" | "active" | "canceled" | "past_due" | "expired";
  periodEnd: string | null; cancelAtPeriodEnd: boolean; pastDueSince: string | null; graceEndsAt: string | null;
  usage: BillingUsage[]; notices: BillingNotice[]; plans: Plan[];
}
