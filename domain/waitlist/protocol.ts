// What travels between the Restaurant DO and its clients, and between the Worker and the DO.
import type { GuestLanguage } from "../languages";
import type { MessageView } from "../sms/message-view";
import type { ProviderName } from "../sms/providers";
import type { Templates } from "../sms/templates";
import type { TemplateTranslations } from "../sms/translations";
import type { BoardNames } from "./board";
import type { BandMinutes, EstimateSource, PartyState, SizeBand } from "./model";
import type { Combination, Table } from "../reservations/model";
import type { ReservationView } from "../reservations/reservation";
import type { PartyView, RankedPartyView } from "./party";
import type { FloorTable, Occupancy } from "../tables/floor";

// What a party is on the wire is read off its declaration (party.ts).
export type { PartyView, RankedPartyView } from "./party";

export type Intervals = Record<SizeBand, { minutes: number; source: EstimateSource }>;

export interface WaitlistSettings {
  open: boolean;
  /** Most active parties allowed in line; null = no limit. */
  maxLength: number | null;
  maxPartySize: number;
  /** Fallback quote by band; a party added without a quote gets its estimate at joining (waitlist/quote.ts). */
  quoteMinutes: BandMinutes;
  /** Minutes between seatings by band when history is too thin to estimate from. */
  intervalMinutes: BandMinutes;
  /** Country calling code assumed for phone numbers entered without "+" (e.g. "1", "44"). */
  phoneCountryCode: string;
  /** The guest pages' language until a guest picks another. */
  language: GuestLanguage;
  /** The guest pages' accent colour ("#rrggbb", white text on it stays readable); null = Seatline's. */
  accentColor: string | null;
  /** The tags hosts pick from on this location's add and edit forms. */
  tags: string[];
  /** Minutes a notified party is held before host screens mark it late (domain/waitlist/hold.ts). */
  holdMinutes: number;
  /** Whether the DO marks a notified party a no-show by itself once its hold has run out. */
  autoNoShow: boolean;
  /** Whether the public display board (/board/<slug>) and its socket are on; off by default (issue 22). */
  boardEnabled: boolean;
  /** How the board names parties: "name" ("Ana G.") or "number" (#417, from the party's id). */
  boardNames: BoardNames;
}

export type SettingsPatch = Partial<Omit<WaitlistSettings, "quoteMinutes" | "intervalMinutes">> & {
  quoteMinutes?: Partial<BandMinutes>;
  intervalMinutes?: Partial<BandMinutes>;
};

export const DEFAULT_SETTINGS: WaitlistSettings = {
  open: true,
  maxLength: null,
  maxPartySize: 12,
  quoteMinutes: { "1-2": 15, "3-4": 20, "5-6": 30, "7+": 45 },
  intervalMinutes: { "1-2": 8, "3-4": 10, "5-6": 15, "7+": 20 },
  phoneCountryCode: "1",
  language: "en",
  accentColor: null,
  tags: ["High chair", "Booth", "Patio", "Bar", "Accessible", "Birthday"],
  holdMinutes: 10,
  autoNoShow: false,
  boardEnabled: false,
  boardNames: "name",
};

export interface SmsSettings {
  templates: Templates;
  /** The owner's own texts per guest language (a kind missing there falls back: see domain/sms/translations.ts). */
  translations?: TemplateTranslations;
  /** The "almost up" text goes out when a party reaches this position. */
  almostUpPosition: number;
  primaryProvider: ProviderName;
}

export type EventType =
  | "party.added"
  | "party.updated"
  | "party.state_changed"
  | "party.moved"
  | "settings.updated"
  | "estimates.updated"
  | "message.updated"
  | "message.received"
  | "reservation.created"
  | "reservation.updated"
  | "tables.updated";

// ---- server → host ----------------------------------------------------------------------------
export type HostServerMessage =
  | { type: "snapshot"; version: number; parties: RankedPartyView[]; settings: WaitlistSettings; intervals: Intervals }
  | { type: "event"; version: number; event: "party.added" | "party.updated" | "party.state_changed" | "party.moved"; party: PartyView }
  | { type: "event"; version: number; event: "settings.updated"; settings: WaitlistSettings }
  | { type: "event"; version: number; event: "estimates.updated"; intervals: Intervals }
  | { type: "event"; version: number; event: "message.updated" | "message.received"; message: MessageView }
  | { type: "event"; version: number; event: "reservation.created" | "reservation.updated"; reservation: ReservationView }
  | { type: "event"; version: number; event: "tables.updated"; tables: Table[]; combinations: Combination[]; occupancy: Occupancy[]; floor: FloorTable[] }
  | { type: "error"; code: string; message: string };

// ---- server → guest ---------------------------------------------------------------------------
export interface GuestStatus {
  state: PartyState;
  position: number | null;
  ahead: number | null;
  estimateMinutes: number | null;
  /** Where the wait will most likely fall; present when the estimate comes from the floor (issue 19). */
  estimateRange?: { lowMinutes: number; highMinutes: number };
  quotedWait: number;
}
/** A guest's status as their own page reads it over REST. */
export type GuestStatusAnswer = GuestStatus & {
  restaurant: string;
  partyName: string;
  size: number;
  onMyWayAt: number | null;
  /** How the display board shows this party ("Ana G." or "#417") while the location's board is on, else null (issue 22). */
  boardLabel: string | null;
};
export type GuestServerMessage = ({ type: "status"; version: number } & GuestStatus) | { type: "error"; code: string; message: string };

// ---- client → server (hosts and guests) -------------------------------------------------------
export type ClientMessage = { type: "resume"; version: number };

export function parseClientMessage(data: string | ArrayBuffer): ClientMessage | null {
  if (typeof data !== "string" || data.length > 1024) return null;
  try {
    const msg = JSON.parse(data) as unknown;
    if (msg && typeof msg === "object" && (msg as { type?: unknown }).type === "resume") {
      const version = (msg as { version?: unknown }).version;
      if (typeof version === "number" && Number.isInteger(version) && version >= 0) return { type: "resume", version };
    }
  } catch {
    // not JSON
  }
  return null;
}

/** Who the Worker says the location is; the DO keeps it for the outbox and guest pages. */
export interface LocationRef {
  id: string;
  accountId: string;
  name: string;
  timezone: string;
  /** The D1 row's updatedAt: the DO keeps the newest reference it was given, never an older one. */
  updatedAt?: number;
}

/** The location DO's answer to "is this location of this account?" (Restaurant.forAccount). */
export type LocationScope = { kind: "owned"; location: LocationRef } | { kind: "foreign" } | { kind: "unknown" };

/** Results of DO calls: errors are values, so their status and code survive the RPC boundary. */
export type DoResult<T> =
  | { ok: true; value: T }
  | { ok: false; status: 400 | 404 | 409 | 410 | 422; code: string; message: string; details?: { message: string; [key: string]: unknown }[] };
