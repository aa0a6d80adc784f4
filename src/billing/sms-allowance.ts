// The monthly SMS allowance, checked by the queue consumer right before a text would go out.
import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { locations, type messages } from "../db/schema";
import type { Env } from "../env";
import { log } from "../../lib/log";
import { entitlementsFor } from "./entitlements";
import { reportOverage } from "./service";
import { allowanceDecision, localMonth, recordSent, usedThisMonth } from "./usage";

export const SMS_ALLOWANCE_EXHAUSTED = "sms_allowance_exhausted";

type MessageRow = typeof messages.$inferSelect;

export type Gate = { send: true; month: string; overage: boolean } | { send: false; message: string };

export async function smsGate(env: Env, d: Db, row: MessageRow, at: number): Promise<Gate> {
  const loc = await d.query.locations.findFirst({ where: eq(locations.id, row.locationId) });
  const month = localMonth(at, loc?.timezone ?? "UTC");
  const { plan } = await entitlementsFor(env, row.accountId, at);
  const used = await usedThisMonth(d, row.locationId, month);
  const decision = allowanceDecision(plan, used, row.kind);
  if (decision === "hold") {
    return {
      send: false,
      message: `Not sent: ${loc?.name ?? "this location"} has used all ${plan.smsPerLocationPerMonth} texts of the ${plan.name} plan this month. The owner can upgrade under Billing; texts resume next month.`,
    };
  }
  return { send: true, month, overage: decision === "send_overage" };
}

/** After a text went out: count it (once per message) and report an overage to Recurly. */
export async function countSent(env: Env, d: Db, row: MessageRow, gate: { month: string; overage: boolean }, at: number) {
  try {
    await recordSent(d, { messageId: row.id, accountId: row.accountId, locationId: row.locationId, month: gate.month, overage: gate.overage, at });
    if (gate.overage) await reportOverage(env, row.accountId, at);
  } catch (err) {
    // The text is already sent: throwing would retry the whole queue batch for a counter. An
    // uncounted text errs in the customer's favour.
    log("error", "sms usage not recorded", { messageId: row.id, error: err instanceof Error ? err.message : String(err) });
  }
}
