import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { created, tenant } from "./accounts";
import { atLocation } from "./locations";
import { CLOSED_BY, PARTY_SOURCES, PARTY_STATES } from "../../../domain/waitlist/states";

// The D1 copy of each location's parties (the fields that domain/waitlist/party.ts sends to the
// mirror, under the same keys and columns; test/entities holds the two together), written only by its Restaurant DO's outbox (DESIGN.md
// rule 1): upserts keyed by id and guarded by version, so a replayed flush changes nothing.
export const parties = sqliteTable(
  "parties",
  {
    id: text("id").primaryKey(),
    ...tenant,
    ...atLocation,
    name: text("name").notNull(),
    phone: text("phone"),
    partySize: integer("size").notNull(),
    notes: text("notes").notNull(),
    tags: text("tags", { mode: "json" }).$type<string[]>().notNull(),
    quotedWaitMinutes: integer("quoted_wait").notNull(),
    source: text("source", { enum: PARTY_SOURCES }).notNull(),
    smsConsent: integer("sms_consent", { mode: "boolean" }).notNull(),
    status: text("state", { enum: PARTY_STATES }).notNull(),
    ...created,
    notifiedAt: integer("notified_at"),
    notifyCount: integer("notify_count").notNull(),
    seatedAt: integer("seated_at"),
    closedAt: integer("closed_at"),
    updatedAt: integer("updated_at").notNull(),
    version: integer("version").notNull(),
    onMyWayAt: integer("on_my_way_at"),
    // The tables a seated party was given (issue 17); [] when none (and for parties before tables were tracked).
    tableIds: text("table_ids", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    // Who closed it: staff, guest or automatic (the hold timer's no-show); null while in line.
    closedBy: text("closed_by", { enum: CLOSED_BY }),
    // The wait the line estimated when the party joined (insights' estimate accuracy); null before it was recorded.
    joinEstimateMinutes: integer("join_estimate_minutes"),
  },
  (t) => [
    index("parties_location_closed_idx").on(t.locationId, t.closedAt),
    index("parties_account_idx").on(t.accountId),
    // Insights recompute a location-day from the parties that joined or were seated that day.
    index("parties_location_created_idx").on(t.locationId, t.createdAt),
    index("parties_location_seated_idx").on(t.locationId, t.seatedAt),
    // Guest history counts a phone's visits across the account's locations (src/guests/visits.ts).
    index("parties_account_phone_idx").on(t.accountId, t.phone),
  ],
);
