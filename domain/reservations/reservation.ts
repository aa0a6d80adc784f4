// A reservation, declared once (issue 14), like a party (waitlist/party.ts): the DO's row, the D1
// mirror, the host view, the REST answer, the account export and the web app's types are read off
// this list of fields and where each travels (domain/entity.ts).
import { z } from "zod";
import { columnsIn, field, isoPick, keysIn, only, pick, restSchemaOf, time, type IsoOf, type ValueOf } from "../entity";
import { RESERVATION_SOURCES, RESERVATION_STATUSES } from "./states";

const int = () => z.number().int();

export const RESERVATION_FIELDS = {
  id: field(z.string()),
  name: field(z.string()),
  phone: field(z.string().nullable().meta({ description: "E.164" })),
  email: field(z.string().nullable()),
  partySize: field(int()),
  notes: field(z.string()),
  tags: field(z.array(z.string())),
  start: time({ column: "start_at", description: "ISO 8601 (UTC)", example: "2026-12-05T23:30:00.000Z" }),
  end: time({ column: "end_at" }),
  tableIds: field(z.array(z.string()).meta({ description: "Empty = not assigned to a table." })),
  status: field(z.enum(RESERVATION_STATUSES)),
  source: field(z.enum(RESERVATION_SOURCES)),
  smsConsent: field(z.boolean()),
  createdAt: time(),
  updatedAt: time(),
  /** The location version at this reservation's last change. */
  version: field(int(), ["row", "mirror", "view", "rest"]),
  confirmedAt: time({ nullable: true, places: ["row", "mirror", "export"] }),
  arrivedAt: time({ nullable: true, places: ["row", "mirror", "export"] }),
  seatedAt: time({ nullable: true, places: ["row", "mirror", "export"] }),
  closedAt: time({ nullable: true, places: ["row", "mirror", "export"] }),
  /** The DO's own mark: the reminder text went out. */
  reminderSentAt: time({ nullable: true, places: ["row"] }),
};
type F = typeof RESERVATION_FIELDS;

/** A reservation as the DO holds it. Times are epoch milliseconds. */
export type Reservation = ValueOf<F>;

const minutesBetween = (r: { start: number; end: number }) => Math.round((r.end - r.start) / 60_000);

// ---- host view (sockets) -----------------------------------------------------------------------------

const VIEW = only(RESERVATION_FIELDS, "view");
/** A reservation as host screens see it (times in epoch ms, like PartyView), with its length. */
export type ReservationView = ValueOf<typeof VIEW> & { durationMinutes: number };
export const reservationView = (r: Reservation): ReservationView => ({ ...pick(VIEW, r), durationMinutes: minutesBetween(r) });

// ---- REST ------------------------------------------------------------------------------------------

const REST = only(RESERVATION_FIELDS, "rest");
/** A reservation in a REST answer (times in ISO 8601); the route adds its OpenAPI name. */
export const ReservationRestSchema = restSchemaOf(REST).extend({ durationMinutes: int() });
export type RestReservation = IsoOf<typeof REST> & { durationMinutes: number };
export const restReservation = (r: ReservationView): RestReservation => ({ ...isoPick(REST, r), durationMinutes: r.durationMinutes });

// ---- export ------------------------------------------------------------------------------------------

const EXPORT = only(RESERVATION_FIELDS, "export");
export const RESERVATION_EXPORT_COLUMNS = ["id", "locationId", ...keysIn(RESERVATION_FIELDS, "export").filter((k) => k !== "id")] as const;
export type ReservationExport = IsoOf<typeof EXPORT> & { locationId: string };
export const reservationExport = (r: ValueOf<typeof EXPORT> & { locationId: string }): ReservationExport => Object.assign({ id: r.id, locationId: r.locationId }, isoPick(EXPORT, r));

// ---- storage ------------------------------------------------------------------------------------------

/** The DO row's columns for the declared fields (beside them: token_hash). */
export const RESERVATION_ROW_COLUMNS = columnsIn(RESERVATION_FIELDS, "row");
/** The D1 mirror's columns for the declared fields (beside them: account_id, location_id). */
export const RESERVATION_MIRROR_COLUMNS = columnsIn(RESERVATION_FIELDS, "mirror");
