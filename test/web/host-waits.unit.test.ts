// The host screen's waits (web/src/host/line.ts, issue 16 item 3): the server's figures from the
// snapshot and the event frames that move them, for the rows and the Add form; the interval estimate
// worked out in the browser only while offline, or before the server has sent a figure.
import { describe, expect, it } from "vitest";
import { activeRows, apply, applyRest, emptyLine, newPartyWait } from "../../web/src/host/line";
import type { NewPartyWait, PartyView } from "../../web/src/shared/types";
import { DEFAULT_SETTINGS } from "../../domain/waitlist/protocol";

const intervals = { "1-2": { minutes: 8, source: "default" }, "3-4": { minutes: 10, source: "default" }, "5-6": { minutes: 15, source: "default" }, "7+": { minutes: 20, source: "default" } } as const;

let n = 0;
function party(over: Partial<PartyView> = {}): PartyView {
  n += 1;
  return {
    id: `p${n}`, name: `Party ${n}`, phone: null, partySize: 2, notes: "", tags: [], quotedWaitMinutes: 15, source: "host", smsConsent: false,
    status: "waiting", rank: n, createdAt: 1000 + n, notifiedAt: null, notifyCount: 0, seatedAt: null, closedAt: null, updatedAt: 1000 + n,
    version: 1, onMyWayAt: null, tableIds: [], closedBy: null, ...over,
  };
}
const range = (lowMinutes: number, highMinutes: number) => ({ lowMinutes, highMinutes });
const newParty = (minutes: number): NewPartyWait[] => Array.from({ length: 12 }, (_, i) => ({ partySize: i + 1, estimatedWaitMinutes: minutes + i, estimatedWaitRange: range(minutes - 10, minutes + 20) }));

/** A snapshot where the server gave `a` 98 min and `b` 10 min (the floor's figures, not the intervals'). */
function served() {
  const a = party();
  const b = party({ partySize: 4 });
  const parties = [
    { ...a, position: 1, partiesAhead: 0, estimatedWaitMinutes: 98, estimatedWaitRange: range(53, 158) },
    { ...b, position: 2, partiesAhead: 1, estimatedWaitMinutes: 10, estimatedWaitRange: null },
  ];
  const line = apply(emptyLine(), { type: "snapshot", version: 3, parties, settings: DEFAULT_SETTINGS, intervals, newPartyWaits: newParty(100) });
  return { a, b, line };
}

describe("the host screen's waits are the server's", () => {
  it("rows show the snapshot's figures and ranges, not the intervals'", () => {
    const { a, b, line } = served();
    expect(activeRows(line).map((r) => [r.id, r.estimatedWaitMinutes, r.estimatedWaitRange])).toEqual([
      [a.id, 98, range(53, 158)],
      [b.id, 10, null],
    ]);
  });

  it("an event's waits move the figures it lists and leave the others", () => {
    const { a, b, line } = served();
    const next = apply(line, {
      type: "event", version: 4, event: "tables.updated", tables: [], combinations: [], occupancy: [], floor: [],
      waits: { parties: [{ partyId: a.id, estimatedWaitMinutes: 3, estimatedWaitRange: range(0, 9) }], newPartyWaits: newParty(40) },
    });
    expect(activeRows(next).map((r) => [r.id, r.estimatedWaitMinutes])).toEqual([[a.id, 3], [b.id, 10]]);
    expect(newPartyWait(next, 2)).toEqual({ minutes: 41, range: range(30, 60), from: "server" });
    // Without newPartyWaits the Add form keeps the list it had.
    const later = apply(next, { type: "event", version: 5, event: "party.updated", party: { ...b, notes: "x", version: 5 }, waits: { parties: [{ partyId: b.id, estimatedWaitMinutes: 12, estimatedWaitRange: null }] } });
    expect(newPartyWait(later, 2)!.minutes).toBe(41);
    expect(activeRows(later).find((r) => r.id === b.id)!.estimatedWaitMinutes).toBe(12);
  });

  it("a frame already applied (a replay after resume) moves nothing", () => {
    const { a, line } = served();
    const replay = apply(line, { type: "event", version: 3, event: "party.updated", party: { ...a, version: 3 }, waits: { parties: [{ partyId: a.id, estimatedWaitMinutes: 1, estimatedWaitRange: null }] } });
    expect(activeRows(replay)[0]!.estimatedWaitMinutes).toBe(98);
  });

  it("an action's REST answer brings that party's figure, unless the socket already brought a newer version", () => {
    const { a, line } = served();
    const iso = (t: number) => new Date(t).toISOString();
    const rest = { ...a, position: 1, partiesAhead: 0, estimatedWaitMinutes: 70, estimatedWaitRange: range(50, 95), version: 4, createdAt: iso(a.createdAt), updatedAt: iso(5000), notifiedAt: null, seatedAt: null, closedAt: null, onMyWayAt: null };
    expect(activeRows(applyRest(line, rest))[0]!.estimatedWaitMinutes).toBe(70);
    const ahead = apply(line, { type: "event", version: 6, event: "party.updated", party: { ...a, version: 6 }, waits: { parties: [{ partyId: a.id, estimatedWaitMinutes: 60, estimatedWaitRange: null }] } });
    expect(activeRows(applyRest(ahead, rest))[0]!.estimatedWaitMinutes).toBe(60);
  });

  it("the Add form's estimate is the server's for the chosen size", () => {
    const { line } = served();
    expect(newPartyWait(line, 1)).toEqual({ minutes: 100, range: range(90, 120), from: "server" });
    expect(newPartyWait(line, 12)!.minutes).toBe(111);
  });

  it("offline, rows and the Add form fall back to the interval estimate, marked as worked out here", () => {
    const { a, b, line } = served();
    expect(activeRows(line, true).map((r) => [r.id, r.estimatedWaitMinutes, r.estimatedWaitRange])).toEqual([
      [a.id, 8, null],
      [b.id, 10, null],
    ]);
    // One couple in line: 8 × 2.
    expect(newPartyWait(line, 2, true)).toEqual({ minutes: 16, range: null, from: "local" });
  });

  it("before the server has sent a figure (a party the socket has not told about yet), the row works its own out", () => {
    const { line } = served();
    const c = party();
    const next = apply(line, { type: "event", version: 4, event: "party.created", party: c });
    expect(activeRows(next).find((r) => r.id === c.id)!.estimatedWaitMinutes).toBe(16);
  });
});
