// A message as host screens see it, and telling the location's DO (and so its host screens) about it.
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { locations, type messages } from "../../db/schema";
import type { Env } from "../../env";
import { restaurant } from "../../restaurant/client";
import type { MessageView } from "../../../domain/sms/message-view";

type MessageRow = typeof messages.$inferSelect;

export function messageView(m: MessageRow): MessageView {
  return {
    id: m.id,
    partyId: m.partyId,
    direction: m.direction,
    kind: m.kind,
    body: m.body,
    status: m.status,
    provider: m.provider,
    errorCode: m.errorCode,
    errorMessage: m.errorMessage,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
  };
}

/** Tells the location's DO (and so its host screens) about a message's new status. */
export async function announce(env: Env, d: Db, row: MessageRow) {
  const loc = await d.query.locations.findFirst({ where: eq(locations.id, row.locationId) });
  if (!loc) return;
  await restaurant(env, loc).messageUpdated(messageView(row));
}
