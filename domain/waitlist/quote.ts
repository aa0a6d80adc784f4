// The quote a new party gets when nobody names one: its estimate at joining, so the host row, the
// guest page and the "joined" text say the same figure (issue 16: a fixed quote per size band told the
// tenth party 15 minutes against an estimate of 50). Before any estimate exists, the band's default.
import { bandOf, estimateMinutes, isActive, type PartyState, type SizeBand } from "./model";

export function estimateForNewParty(size: number, parties: Iterable<{ partySize: number; status: PartyState }>, intervals: Partial<Record<SizeBand, { minutes: number }>> | null): number | null {
  const interval = intervals?.[bandOf(size)]?.minutes;
  if (interval === undefined) return null;
  let sameBand = 0;
  for (const p of parties) if (isActive(p.status) && bandOf(p.partySize) === bandOf(size)) sameBand++;
  return estimateMinutes(interval, sameBand);
}

export function defaultQuote(size: number, parties: Iterable<{ partySize: number; status: PartyState }>, intervals: Partial<Record<SizeBand, { minutes: number }>> | null, bandDefaults: Record<SizeBand, number>): number {
  return estimateForNewParty(size, parties, intervals) ?? bandDefaults[bandOf(size)];
}
