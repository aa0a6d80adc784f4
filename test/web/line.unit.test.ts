// The host screen's copy of the line (web/src/host/line.ts): snapshot + events by version.
import { describe, expect, it } from "vitest";
import { activeRows, apply, applyRest, emptyLine, recentlyClosed, smsStatus } from "../../web/src/host/line";
import type { MessageView, PartyView, WaitlistSettings } from "../../web/src/shared/types";
import { DEFAULT_SETTINGS } from "../../domain/waitlist/protocol";

const intervals = { "1-2": { minutes: 8, source: "default" }, "3-4": { minutes: 10, source: "default" }, "5-6": { minutes: 15, source: "default" }, "7+": { minutes: 20, source: "default" } } as const;
const settings: WaitlistSettings = DEFAULT_SETTINGS;

let n = 0;
function party(over: Partial<PartyView> = {}): PartyView {
  n += 1;
  return {
    id: `p${n}`, name: `Party ${n}`, phone: null, partySize: 2, notes: "", tags: [], quotedWaitMinutes: 15, source: "host", smsConsent: false,
    status: "waiting", rank: n, createdAt: 1000 + n, notifiedAt: null, notifyCount: 0, seatedAt: null, closedAt: null, updatedAt: 1000 + n,
    version: 1, onMyWayAt: null, tableIds: [], closedBy: null, ...over,
  };
}
const snapshot = (version: number, parties: PartyView[]) => ({ type: "snapshot" as const, version, parties: parties.map((p) => ({ ...p, position: null, partiesAhead: null, estimatedWaitMinutes: null })), settings, intervals, newPartyWaits: [] });
const event = (version: number, p: PartyView, e: "party.created" | "party.updated" | "party.status_changed" | "party.moved" = "party.updated") => ({ type: "event" as const, version, event: e, party: p });

describe("host line state", () => {
  it("derives positions and estimates from the snapshot with the waitlist's own rules", () => {
    const a = party({ partySize: 2 });
    const b = party({ partySize: 4 });
    const c = party({ partySize: 2 });
    const rows = activeRows(apply(emptyLine(), snapshot(5, [c, a, b])));
    expect(rows.map((r) => [r.id, r.position, r.partiesAhead, r.estimatedWaitMinutes])).toEqual([
      [a.id, 1, 0, 8],
      [b.id, 2, 1, 10],
      [c.id, 3, 2, 16],
    ]);
  });

  it("applies newer events and ignores ones at or below the version it has (a replay after resume)", () => {
    const a = party();
    let line = apply(emptyLine(), snapshot(3, [a]));
    line = apply(line, event(4, { ...a, name: "Renamed", version: 4 }));
    line = apply(line, event(4, { ...a, name: "Duplicate", version: 4 }));
    line = apply(line, event(2, { ...a, name: "Old", version: 2 }));
    expect(line.version).toBe(4);
    expect(line.parties.get(a.id)!.name).toBe("Renamed");
  });

  it("drops a closed party from the line but keeps it restorable for 15 minutes", () => {
    const a = party();
    const b = party();
    let line = apply(emptyLine(), snapshot(1, [a, b]));
    line = apply(line, event(2, { ...a, status: "seated", closedAt: 10_000, seatedAt: 10_000, version: 2 }, "party.status_changed"));
    expect(activeRows(line).map((r) => [r.id, r.position])).toEqual([[b.id, 1]]);
    expect(recentlyClosed(line, 10_000 + 60_000).map((p) => p.id)).toEqual([a.id]);
    expect(recentlyClosed(line, 10_000 + 15 * 60_000)).toEqual([]);
    // A later snapshot (a reconnect without the missed events) keeps the closed party for restore.
    line = apply(line, snapshot(9, [b]));
    expect(recentlyClosed(line, 10_000 + 60_000).map((p) => p.id)).toEqual([a.id]);
  });

  it("applies an action's REST answer at once, unless the socket already brought something newer", () => {
    const a = party({ version: 3 });
    let line = apply(emptyLine(), snapshot(3, [a]));
    const rest = { ...a, position: 1, partiesAhead: 0, estimatedWaitMinutes: 8, status: "notified" as const, version: 4, createdAt: new Date(a.createdAt).toISOString(), updatedAt: new Date(5000).toISOString(), notifiedAt: new Date(5000).toISOString(), seatedAt: null, closedAt: null, onMyWayAt: null };
    line = applyRest(line, rest);
    expect(line.parties.get(a.id)).toMatchObject({ status: "notified", notifiedAt: 5000, rank: a.rank, version: 4 });
    line = apply(line, event(6, { ...a, status: "seated", version: 6, closedAt: 6000 }, "party.status_changed"));
    line = applyRest(line, { ...rest, version: 5 });
    expect(line.parties.get(a.id)!.status).toBe("seated");
  });

  it("keeps each party's messages in order and shows the latest one's status, with a failure's reason", () => {
    const a = party({ phone: "+14155550100", smsConsent: true });
    const m = (id: string, over: Partial<MessageView>): MessageView => ({ id, partyId: a.id, direction: "outbound", kind: "joined", body: "hi", status: "queued", provider: null, errorCode: null, errorMessage: null, createdAt: 1, updatedAt: 1, ...over });
    let line = apply(emptyLine(), snapshot(1, [a]));
    line = apply(line, { type: "event", version: 2, event: "message.status_changed", message: m("m1", {}) });
    expect(smsStatus(line.messages.get(a.id))?.icon).toBe("sms");
    line = apply(line, { type: "event", version: 3, event: "message.status_changed", message: m("m1", { status: "delivered", updatedAt: 2 }) });
    expect(smsStatus(line.messages.get(a.id))?.icon).toBe("smsOk");
    line = apply(line, { type: "event", version: 4, event: "message.status_changed", message: m("m2", { createdAt: 3, updatedAt: 3, status: "failed", errorCode: "sms_allowance_exhausted", errorMessage: "This month's texts are used up." }) });
    expect(line.messages.get(a.id)!.map((x) => x.id)).toEqual(["m1", "m2"]);
    expect(smsStatus(line.messages.get(a.id))).toEqual({ icon: "smsFail", label: "Text failed", error: "This month's texts are used up." });
    line = apply(line, { type: "event", version: 5, event: "message.received", message: m("m3", { direction: "inbound", status: "received", createdAt: 4, updatedAt: 4 }) });
    expect(smsStatus(line.messages.get(a.id))?.icon).toBe("chat");
  });

  it("applies reservation events on top of the day's book, newest version wins", () => {
    const r = { id: "r1", name: "Rossi", phone: null, email: null, partySize: 2, notes: "", tags: [], start: 1, end: 2, durationMinutes: 90, tableIds: [], status: "booked" as const, source: "online" as const, smsConsent: true, createdAt: 1, updatedAt: 1, version: 1 };
    let line = apply(emptyLine(), snapshot(1, []));
    line = apply(line, { type: "event", version: 2, event: "reservation.created", reservation: r });
    line = apply(line, { type: "event", version: 3, event: "reservation.updated", reservation: { ...r, status: "arrived", version: 2 } });
    expect(line.reservations.get("r1")!.status).toBe("arrived");
  });
});
