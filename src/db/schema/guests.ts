// Guest history (issue 22): what an account keeps about a returning guest, keyed by phone (E.164)
// within the account. Visits are not stored here: they are counted from the mirrored parties and
// reservations (src/guests/visits.ts), so retention and erasure of those rows are what age them out.
// A row holds the id the API names the guest by and the staff's own tags and notes about them.
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { created, tenant } from "./accounts";

export const guests = sqliteTable(
  "guests",
  {
    id: text("id").primaryKey(),
    ...tenant,
    phone: text("phone").notNull(),
    tags: text("tags", { mode: "json" }).$type<string[]>().notNull(),
    notes: text("notes").notNull(),
    ...created,
    // Last change by staff (tags, notes); retention keeps a guest while this or a visit is in the window.
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("guests_account_phone_unique").on(t.accountId, t.phone), index("guests_account_updated_idx").on(t.accountId, t.updatedAt)],
);
