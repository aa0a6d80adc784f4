// The host screen's pure helpers (issue 16): the add form's estimate, the inbox of unread replies,
// search by name or phone, and the 11+ size field.
import { describe, expect, it } from "vitest";
import { apply, emptyLine, estimateFor, searchRows, unreadReplies } from "../../web/src/host/line";
import { parseSize } from "../../web/src/host/party-fields";
import type { MessageView, PartyView } from "../../web/src/shared/types";
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
const lineOf = (parties: PartyView[]) => apply(emptyLine(), { type: "snapshot", version: 1, parties: parties.map((p) => ({ ...p, position: null, partiesAhead: null, estimatedWaitMinutes: null })), settings: DEFAULT_SETTINGS, intervals, newPartyWaits: [] });
function reply(partyId: string, createdAt: number, direction: "inbound" | "outbound" = "inbound"): MessageView {
  return { id: `m${createdAt}`, partyId, direction, body: "hi", status: direction === "inbound" ? "received" : "sent", errorMessage: null, createdAt, updatedAt: createdAt } as MessageView;
}

describe("estimateFor (the add form's estimate and default quote)", () => {
  it("is the band's interval times the parties of that band in line plus one, as the new row will show", () => {
    const line = lineOf([party({ partySize: 2 }), party({ partySize: 1 }), party({ partySize: 4 }), party({ partySize: 2, status: "seated" })]);
    expect(estimateFor(line, 2)).toBe(24);
    expect(estimateFor(line, 3)).toBe(20);
    expect(estimateFor(line, 6)).toBe(15);
    expect(estimateFor(line, 14)).toBe(20);
  });
  it("is unknown before the first snapshot", () => {
    expect(estimateFor(emptyLine(), 2)).toBeNull();
  });
});

describe("unreadReplies (the inbox)", () => {
  it("lists guest replies newer than the host last opened the party, newest first, for parties still in line", () => {
    const a = party();
    const b = party();
    const gone = party({ status: "seated" });
    let line = lineOf([a, b, gone]);
    line = { ...line, messages: new Map([[a.id, [reply(a.id, 10), reply(a.id, 20), reply(a.id, 25, "outbound")]], [b.id, [reply(b.id, 30)]], [gone.id, [reply(gone.id, 40)]]]) };
    expect(unreadReplies(line, {}).map((m) => m.createdAt)).toEqual([30, 20, 10]);
    expect(unreadReplies(line, { [a.id]: 15 }).map((m) => m.createdAt)).toEqual([30, 20]);
    expect(unreadReplies(line, { [a.id]: 20, [b.id]: 30 })).toEqual([]);
  });
});

describe("searchRows", () => {
  const rows = [party({ name: "Olsen", phone: "+14155550177" }), party({ name: "Ferreira", phone: null }), party({ name: "Ölund", phone: "+447700900123" })];
  it("matches a part of the name, any case", () => {
    expect(searchRows(rows, "OLS").map((r) => r.name)).toEqual(["Olsen"]);
  });
  it("matches the phone by its digits however they are typed, ignoring a national trunk 0", () => {
    expect(searchRows(rows, "(415) 555-0177").map((r) => r.name)).toEqual(["Olsen"]);
    expect(searchRows(rows, "07700 900123").map((r) => r.name)).toEqual(["Ölund"]);
  });
  it("needs three digits before it searches phones, and an empty query shows everyone", () => {
    expect(searchRows(rows, "1")).toEqual([]);
    expect(searchRows(rows, "  ")).toHaveLength(3);
  });
});

describe("parseSize (the 11+ field)", () => {
  it("accepts whole sizes from 1 to the location's largest party", () => {
    expect(parseSize("14", 20)).toEqual({ size: 14 });
    expect(parseSize(" 20 ", 20)).toEqual({ size: 20 });
  });
  it("says what is allowed for anything else", () => {
    for (const bad of ["", "0", "21", "1.5", "-3", "abc"]) expect(parseSize(bad, 20)).toEqual({ error: "Enter 1 to 20 guests." });
  });
});
