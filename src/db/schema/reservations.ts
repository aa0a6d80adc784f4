import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { created, tenant } from "./accounts";
import { atLocation } from "./locations";
import { RESERVATION_SOURCES, RESERVATION_STATUSES } from "../../../domain/reservations/states";

// The D1 copy of each location's reservation book (the fields domain/reservations/reservation.ts
// sends to the mirror, under the same keys and columns), written only by its Restaurant DO's outbox
// (DESIGN.md rule 1): upserts keyed by id and guarded by version. Tables and booking rules live in
// the DO alone (they are configuration, not history).
export const reservations = sqliteTable(
  "reservations",
  {
    id: text("id").primaryKey(),
    ...tenant,
    ...atLocation,
    name: text("name").notNull(),
    phone: text("phone"),
    email: text("email"),
    partySize: integer("party_size").notNull(),
    notes: text("notes").notNull(),
    tags: text("tags", { mode: "json" }).$type<string[]>().notNull(),
    start: integer("start_at").notNull(),
    end: integer("end_at").notNull(),
    tableIds: text("table_ids", { mode: "json" }).$type<string[]>().notNull(),
    status: text("status", { enum: RESERVATION_STATUSES }).notNull(),
    source: text("source", { enum: RESERVATION_SOURCES }).notNull(),
    smsConsent: integer("sms_consent", { mode: "boolean" }).notNull(),
    ...created,
    updatedAt: integer("updated_at").notNull(),
    confirmedAt: integer("confirmed_at"),
    arrivedAt: integer("arrived_at"),
    seatedAt: integer("seated_at"),
    closedAt: integer("closed_at"),
    version: integer("version").notNull(),
  },
  (t) => [
    index("reservations_location_start_idx").on(t.locationId, t.start),
    index("reservations_account_idx").on(t.accountId, t.createdAt),
    index("reservations_location_seated_idx").on(t.locationId, t.seatedAt),
    // Guest history counts a phone's visits across the account's locations (src/guests/visits.ts).
    index("reservations_account_phone_idx").on(t.accountId, t.phone),
  ],
);
