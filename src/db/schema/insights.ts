import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { tenant } from "./accounts";
import { atLocation } from "./locations";

// Rollups per location and local day (period "day", key "YYYY-MM-DD") and per local month (period
// "month", key "YYYY-MM", the merge of its days). Each is recomputed from the mirrored rows it
// summarizes (domain/insights), never incremented, so a replayed outbox batch changes no figure.
// `floor` is a FloorRollup, `messages` a MessageRollup (JSON); they are refreshed independently.
export const insightRollups = sqliteTable(
  "insight_rollups",
  {
    ...tenant,
    ...atLocation,
    period: text("period", { enum: ["day", "month"] }).notNull(),
    key: text("key").notNull(),
    floor: text("floor"),
    messages: text("messages"),
    floorComputedAt: integer("floor_computed_at"),
    messagesComputedAt: integer("messages_computed_at"),
  },
  (t) => [primaryKey({ columns: [t.locationId, t.period, t.key] }), index("insight_rollups_account_idx").on(t.accountId, t.period, t.key)],
);
