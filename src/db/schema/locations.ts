// An account's locations, and the column every location-owned row carries.
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { created, tenant } from "./accounts";

export const locations = sqliteTable(
  "locations",
  {
    id: text("id").primaryKey(),
    ...tenant,
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    timezone: text("timezone").notNull(),
    phone: text("phone"),
    address: text("address"),
    /** The guest pages' logo in the BRANDING bucket ("logos/<location id>/<sha-256>.<ext>"), or null. */
    logoKey: text("logo_key"),
    ...created,
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("locations_slug_unique").on(t.slug), index("locations_account_idx").on(t.accountId)],
);

/** A location-owned row: deleted with its location. */
export const atLocation = {
  locationId: text("location_id")
    .notNull()
    .references(() => locations.id, { onDelete: "cascade" }),
};
