// A circuit breaker per provider (one D1 row each): after BREAKER_THRESHOLD consecutive transient
// failures the provider is skipped — not tried at all — for BREAKER_COOLDOWN_MS. When the cool-down
// is over it is tried again with a fresh count: one more failure does not reopen it at once.
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { providerHealth } from "../../db/schema";
import { PROVIDERS, type ProviderName } from "./providers/provider";

export const BREAKER_THRESHOLD = 3;
export const BREAKER_COOLDOWN_MS = 60_000;

/** Primary first, then the other; providers whose circuit is open are left out until it closes. */
export function providerOrder(primary: ProviderName, openUntil: Partial<Record<ProviderName, number>>, at: number): ProviderName[] {
  return [primary, ...PROVIDERS.filter((p) => p !== primary)].filter((p) => (openUntil[p] ?? 0) <= at);
}

export async function breakerState(d: Db): Promise<Partial<Record<ProviderName, number>>> {
  const rows = await d.select().from(providerHealth);
  return Object.fromEntries(rows.map((r) => [r.provider, r.openUntil]));
}

export async function recordProviderResult(d: Db, provider: ProviderName, ok: boolean, at: number) {
  if (ok) {
    await d
      .insert(providerHealth)
      .values({ provider, consecutiveFailures: 0, openUntil: 0, updatedAt: at })
      .onConflictDoUpdate({ target: providerHealth.provider, set: { consecutiveFailures: 0, openUntil: 0, updatedAt: at } });
    return;
  }
  // A cool-down that has ended starts the count again from this failure.
  const ended = sql`(${providerHealth.openUntil} > 0 AND ${providerHealth.openUntil} <= ${at})`;
  const count = sql`CASE WHEN ${ended} THEN 1 ELSE ${providerHealth.consecutiveFailures} + 1 END`;
  await d
    .insert(providerHealth)
    .values({ provider, consecutiveFailures: 1, openUntil: 0, updatedAt: at })
    .onConflictDoUpdate({
      target: providerHealth.provider,
      set: {
        consecutiveFailures: count,
        openUntil: sql`CASE WHEN ${count} >= ${BREAKER_THRESHOLD} THEN ${at + BREAKER_COOLDOWN_MS} WHEN ${ended} THEN 0 ELSE ${providerHealth.openUntil} END`,
        updatedAt: at,
      },
    });
}
