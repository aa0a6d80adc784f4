// A party, declared once (issue 14). Each field says where it travels (domain/entity.ts); the DO's
// row (durable-objects/waitlist/parties.ts), the D1 mirror (its outbox), the host view, the REST
// answer, the account export and the web app's types are all read off this list. A new field that
// belongs everywhere is one line here, a column in each database (the DO's migrations, the D1
// schema), and nothing else; test/entities fails until both columns exist.
import { z } from "zod";
import { columnsIn, field, isoPick, keysIn, only, pick, restSchemaOf, time, type IsoOf, type ValueOf } from "../entity";
import { ACTIVE_STATES, CLOSED_BY, PARTY_SOURCES, PARTY_STATES } from "./states";

const int = () => z.number().int();

export const PARTY_FIELDS = {
  id: field(z.string()),
  name: field(z.string()),
  phone: field(z.string().nullable().meta({ description: "E.164" })),
  partySize: field(int(), undefined, "size"),
  notes: field(z.string()),
  tags: field(z.array(z.string())),
  quotedWaitMinutes: field(int().meta({ description: "Minutes quoted to the guest." }), undefined, "quoted_wait"),
  source: field(z.enum(PARTY_SOURCES)),
  smsConsent: field(z.boolean()),
  status: field(z.enum(PARTY_STATES), undefined, "state"),
  /** The active status a closed party returns to on restore (the DO's own mark). */
  restoreState: field(z.enum(ACTIVE_STATES).nullable(), ["row"]),
  /** Order in line; hosts' screens sort by it, REST answers give the position instead. */
  rank: field(z.number(), ["row", "view"]),
  createdAt: time(),
  notifiedAt: time({ nullable: true }),
  notifyCount: field(int()),
  seatedAt: time({ nullable: true }),
  closedAt: time({ nullable: true }),
  updatedAt: time(),
  /** The location version at this party's last change. */
  version: field(int(), ["row", "mirror", "view", "rest"]),
  /** When the guest replied that they are on their way (SMS "1", or the status page). */
  onMyWayAt: time({ nullable: true, places: ["row", "mirror", "view", "rest"], description: "When the guest replied that they are on their way." }),
  /** The tables a seated party was given (issue 17); [] when seated without one, or not seated. */
  // Not in the account export, whose CSV columns stay as they were.
  tableIds: field(z.array(z.string()).meta({ description: "The tables a seated party was given; [] when seated without a table or not seated." }), ["row", "mirror", "view", "rest"]),
  /** When the "almost up" text went out (or was skipped because the party joined near the front). The DO's own mark. */
  almostUpAt: time({ nullable: true, places: ["row"] }),
  /** Who closed it: null while in line (and again after a restore). */
  closedBy: field(
    z.enum(CLOSED_BY).nullable().meta({ description: "Who closed the party: staff (host screen or API), guest (their link or an SMS reply) or automatic (the hold timer's no-show, waitlist setting autoNoShow); null while in line." }),
  ),
  /** When the hold timer last marked it a no-show (domain/waitlist/hold.ts: once per hold). The DO's own mark. */
  autoNoShowAt: time({ nullable: true, places: ["row"] }),
};
type F = typeof PARTY_FIELDS;

/** A party as the DO holds it. Times are epoch milliseconds. */
export type Party = ValueOf<F>;

// ---- host view (sockets) -----------------------------------------------------------------------------

const VIEW = only(PARTY_FIELDS, "view");
/** A party as hosts see it. Times are epoch milliseconds. */
export type PartyView = ValueOf<typeof VIEW>;
export const partyView = (p: Party): PartyView => pick(VIEW, p);

/** Where a party stands in line, computed at answer time (null once closed). */
export const LinePlaceSchema = z.object({
  position: int().nullable().meta({ description: "1-based place in line; null once closed." }),
  partiesAhead: int().nullable().meta({ description: "Parties before this one in line; null once closed." }),
  estimatedWaitMinutes: int().nullable().meta({ description: "Automatic estimate from recent seatings." }),
  estimatedWaitRange: z
    .object({ lowMinutes: int(), highMinutes: int() })
    .nullable()
    // Optional in the type so that views built before the range (tests, older clients) still fit;
    // every answer and webhook carries it, null when there is none.
    .optional()
    .meta({ description: "Where the wait will most likely fall, in minutes from now; present when the estimate comes from the floor (tables, their turns and bookings), null otherwise." }),
});
export type LinePlace = z.infer<typeof LinePlaceSchema>;
/** A party in a list answer: its place in line and estimate, computed at answer time. */
export type RankedPartyView = PartyView & LinePlace;

// ---- REST ------------------------------------------------------------------------------------------

const REST = only(PARTY_FIELDS, "rest");
/** A party in a REST answer (times in ISO 8601); the route adds its OpenAPI name. */
export const PartyRestSchema = restSchemaOf(REST).extend(LinePlaceSchema.shape);
export type RestParty = IsoOf<typeof REST> & LinePlace;
export const restParty = (p: ValueOf<typeof REST> & LinePlace): RestParty => ({ ...isoPick(REST, p), position: p.position, partiesAhead: p.partiesAhead, estimatedWaitMinutes: p.estimatedWaitMinutes, estimatedWaitRange: p.estimatedWaitRange ?? null });

// ---- export ------------------------------------------------------------------------------------------

const EXPORT = only(PARTY_FIELDS, "export");
/** The account export's columns (JSON keys and the CSV header), in order. */
export const PARTY_EXPORT_COLUMNS = ["id", "locationId", ...keysIn(PARTY_FIELDS, "export").filter((k) => k !== "id")] as const;
export type PartyExport = IsoOf<typeof EXPORT> & { locationId: string };
export const partyExport = (p: ValueOf<typeof EXPORT> & { locationId: string }): PartyExport => Object.assign({ id: p.id, locationId: p.locationId }, isoPick(EXPORT, p));

// ---- storage ------------------------------------------------------------------------------------------

/** The DO row's columns for the declared fields (beside them: token_hash, join_estimate_minutes). */
export const PARTY_ROW_COLUMNS = columnsIn(PARTY_FIELDS, "row");
/** The D1 mirror's columns for the declared fields (beside them: account_id, location_id, join_estimate_minutes). */
export const PARTY_MIRROR_COLUMNS = columnsIn(PARTY_FIELDS, "mirror");
