// Live channels follow authority: when a session ends or a member loses access, every location of the
// account is told at once and closes the host sockets it takes away (durable-objects/live/). A call
// that fails is logged, not fatal: each DO also re-checks its sockets' sessions on its alarm.
import { eq } from "drizzle-orm";
import type { LiveRevocation } from "../../durable-objects/live/authority";
import type { Db } from "../db/client";
import { locations } from "../db/schema";
import type { Env } from "../env";
import { log } from "../../lib/log";

export type { LiveRevocation };

export async function announceToLive(env: Env, d: Db, accountId: string, rev: LiveRevocation): Promise<void> {
  const locs = await d.select({ id: locations.id }).from(locations).where(eq(locations.accountId, accountId));
  const results = await Promise.allSettled(locs.map((l) => env.RESTAURANT.get(env.RESTAURANT.idFromName(l.id)).revokeLive(rev)));
  for (const [i, r] of results.entries()) {
    if (r.status === "rejected") log("warn", "live revocation not delivered (the alarm re-check will close it)", { locationId: locs[i]!.id, kind: rev.kind, error: String(r.reason) });
  }
}
