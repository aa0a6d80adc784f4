// The host screen's floor (issue 17): the REST floor in epoch ms like the socket's, tables grouped by
// area, and each table's status in words (never colour alone).
import type { FloorTable } from "../../../domain/tables/floor";

export type { FloorTable };

/** A table as GET …/floor answers it (ISO times). */
export type RestFloorTable = Omit<FloorTable, "party" | "nextHold"> & {
  party: (Omit<NonNullable<FloorTable["party"]>, "seatedAt" | "expectedEndAt"> & { seatedAt: string; expectedEndAt: string }) | null;
  nextHold: (Omit<NonNullable<FloorTable["nextHold"]>, "startAt"> & { startAt: string }) | null;
};

export function fromRestFloor(tables: RestFloorTable[]): FloorTable[] {
  return tables.map((t) => ({
    ...t,
    party: t.party ? { ...t.party, seatedAt: Date.parse(t.party.seatedAt), expectedEndAt: Date.parse(t.party.expectedEndAt) } : null,
    nextHold: t.nextHold ? { ...t.nextHold, startAt: Date.parse(t.nextHold.startAt) } : null,
  }));
}

/** Tables by area, areas in the order their first table appears; tables without an area under "Tables". */
export function byArea(tables: FloorTable[]): { area: string; tables: FloorTable[] }[] {
  const out = new Map<string, FloorTable[]>();
  for (const t of tables) {
    const area = t.area.trim() || "Tables";
    (out.get(area) ?? out.set(area, []).get(area)!).push(t);
  }
  return [...out].map(([area, list]) => ({ area, tables: list }));
}

export const STATUS_WORDS: Record<FloorTable["status"], string> = { free: "Free", seated: "Seated", held: "Held", inactive: "Inactive" };

/** One line saying what the table is doing, times in the location's zone. */
export function statusLine(t: FloorTable, time: (ms: number) => string, now: number): string {
  if (t.party) {
    const mins = Math.max(0, Math.floor((now - t.party.seatedAt) / 60_000));
    const left = Math.round((t.party.expectedEndAt - now) / 60_000);
    const end = left >= 0 ? `expected to leave ${time(t.party.expectedEndAt)}` : `${-left} min past the expected end (${time(t.party.expectedEndAt)})`;
    return `${t.party.name} (${t.party.partySize}) · seated ${time(t.party.seatedAt)}, ${mins} min ago · ${end}`;
  }
  if (t.status === "inactive") return "Not in use";
  if (t.nextHold) {
    const who = `${t.nextHold.name} (${t.nextHold.partySize})`;
    return t.status === "held" ? `Held for ${who} at ${time(t.nextHold.startAt)}` : `Next booking ${time(t.nextHold.startAt)}, ${who}`;
  }
  return `${t.minSeats}–${t.maxSeats} seats`;
}
