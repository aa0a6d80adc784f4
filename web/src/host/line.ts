// The host screen's copy of the line: a snapshot, then events applied on top by version. Positions
// are derived with the waitlist's own rules (domain/waitlist/model.ts). The wait figures — each
// row's remaining wait and the Add form's estimate for a new party — are the server's (issue 16
// item 3): the Durable Object makes them with the estimator the guest page, the texts and webhooks
// use, and sends them in the snapshot and inside the event frames of the changes that move them.
// Only while the screen is offline does it work figures out itself, from the walk-in intervals.
import { bandOf, estimateMinutes, isActive, lineOrder, positions, RESTORE_WINDOW_MS } from "../../../domain/waitlist/model";
import { estimateForNewParty } from "../../../domain/waitlist/quote";
import type { FloorTable } from "../../../domain/tables/floor";
import type { HostServerMessage, Intervals, MessageView, NewPartyWait, PartyView, RestParty, ReservationView, WaitFigure, WaitlistSettings, WaitsChange } from "../shared/types";

export interface Line {
  version: number;
  parties: Map<string, PartyView>;
  settings: WaitlistSettings | null;
  intervals: Intervals | null;
  /** Messages by party id, oldest first. */
  messages: Map<string, MessageView[]>;
  reservations: Map<string, ReservationView>;
  /** Each table now (issue 17), from GET …/floor and every tables.updated event. */
  floor: FloorTable[];
  /** The server's remaining wait for each party in line, as last sent. */
  waits: Map<string, WaitFigure>;
  /** The server's estimate for a party of each size the host adds now, as last sent. */
  newPartyWaits: NewPartyWait[];
}

export const emptyLine = (): Line => ({ version: -1, parties: new Map(), settings: null, intervals: null, messages: new Map(), reservations: new Map(), floor: [], waits: new Map(), newPartyWaits: [] });

/** A wait as a row or the Add form shows it, and whether it is the server's or worked out here (offline). */
export interface ShownWait {
  minutes: number;
  range: { lowMinutes: number; highMinutes: number } | null;
  from: "server" | "local";
}

/** The figures an event frame carries for the parties it moved (and the new-party list, when it moved). */
function withWaits(line: Line, msg: { waits?: WaitsChange }): Line {
  if (!msg.waits) return line;
  const waits = new Map(line.waits);
  for (const { partyId, ...f } of msg.waits.parties) waits.set(partyId, f);
  return { ...line, waits, newPartyWaits: msg.waits.newPartyWaits ?? line.newPartyWaits };
}

function putParty(parties: Map<string, PartyView>, p: PartyView) {
  const old = parties.get(p.id);
  if (!old || old.version <= p.version) parties.set(p.id, p);
}

export function putMessage(messages: Map<string, MessageView[]>, m: MessageView) {
  if (!m.partyId) return messages;
  const next = new Map(messages);
  const list = [...(next.get(m.partyId) ?? [])];
  const i = list.findIndex((x) => x.id === m.id);
  if (i >= 0) {
    if (list[i]!.updatedAt <= m.updatedAt) list[i] = m;
  } else list.push(m);
  list.sort((a, b) => a.createdAt - b.createdAt);
  next.set(m.partyId, list);
  return next;
}

type ReservationEvent = { type: "event"; version: number; event: "reservation.created" | "reservation.updated"; reservation: ReservationView; waits?: WaitsChange };
export type HostMessage = HostServerMessage | ReservationEvent;

export function apply(line: Line, msg: HostMessage): Line {
  if (msg.type === "error") return line;
  if (msg.type === "snapshot") {
    const parties = new Map<string, PartyView>();
    // Closed parties the snapshot no longer lists stay for a while, so they can be restored.
    for (const p of line.parties.values()) if (!isActive(p.status)) parties.set(p.id, p);
    const waits = new Map<string, WaitFigure>();
    for (const p of msg.parties) {
      parties.set(p.id, p);
      if (p.estimatedWaitMinutes !== null) waits.set(p.id, { estimatedWaitMinutes: p.estimatedWaitMinutes, estimatedWaitRange: p.estimatedWaitRange ?? null });
    }
    return { ...line, version: msg.version, parties, settings: msg.settings, intervals: msg.intervals, waits, newPartyWaits: msg.newPartyWaits ?? [] };
  }
  if (msg.version <= line.version) return line;
  const next: Line = withWaits({ ...line, version: msg.version }, msg);
  switch (msg.event) {
    case "party.created":
    case "party.updated":
    case "party.status_changed":
    case "party.moved":
      next.parties = new Map(line.parties);
      putParty(next.parties, msg.party);
      return next;
    case "settings.updated":
      return { ...next, settings: msg.settings };
    case "estimates.updated":
      return { ...next, intervals: msg.intervals };
    case "message.sent":
    case "message.status_changed":
    case "message.received":
      return { ...next, messages: putMessage(line.messages, msg.message) };
    case "reservation.created":
    case "reservation.updated": {
      const reservations = new Map(line.reservations);
      const old = reservations.get(msg.reservation.id);
      if (!old || old.version <= msg.reservation.version) reservations.set(msg.reservation.id, msg.reservation);
      return { ...next, reservations };
    }
    case "tables.updated":
      return { ...next, floor: msg.floor };
    default:
      return next;
  }
}

/** A REST party (ISO times) as the socket's view (epoch ms), to apply an action's answer at once. */
export function fromRest(p: RestParty, rank: number): PartyView {
  const ms = (s: string | null) => (s === null ? null : Date.parse(s));
  const { position: _p, partiesAhead: _a, estimatedWaitMinutes: _e, estimatedWaitRange: _r, ...rest } = p;
  return { ...rest, rank, createdAt: Date.parse(p.createdAt), updatedAt: Date.parse(p.updatedAt), notifiedAt: ms(p.notifiedAt), seatedAt: ms(p.seatedAt), closedAt: ms(p.closedAt), onMyWayAt: ms(p.onMyWayAt) };
}

export function applyRest(line: Line, p: RestParty): Line {
  const old = line.parties.get(p.id);
  const rank = old?.rank ?? Number.MAX_SAFE_INTEGER;
  const parties = new Map(line.parties);
  putParty(parties, fromRest(p, rank));
  // The answer's figure is the server's for that party at that version (unless the socket was ahead).
  if (old && old.version > p.version) return { ...line, parties };
  const waits = new Map(line.waits);
  if (p.estimatedWaitMinutes !== null) waits.set(p.id, { estimatedWaitMinutes: p.estimatedWaitMinutes, estimatedWaitRange: p.estimatedWaitRange ?? null });
  return { ...line, parties, waits };
}

export interface Row extends PartyView {
  position: number;
  partiesAhead: number;
  /** The remaining wait shown on the row (the server's; worked out here only while offline). */
  estimatedWaitMinutes: number | null;
  estimatedWaitRange: { lowMinutes: number; highMinutes: number } | null;
}

/** `offline`: the server's figures may be stale, so the rows work theirs out from the intervals. */
export function activeRows(line: Line, offline = false): Row[] {
  const list = lineOrder([...line.parties.values()]);
  const pos = positions(list);
  return list.map((p) => {
    const x = pos.get(p.id)!;
    const server = offline ? undefined : line.waits.get(p.id);
    if (server && server.estimatedWaitMinutes !== null) return { ...p, position: x.position, partiesAhead: x.partiesAhead, estimatedWaitMinutes: server.estimatedWaitMinutes, estimatedWaitRange: server.estimatedWaitRange };
    const interval = line.intervals?.[bandOf(p.partySize)]?.minutes;
    return { ...p, position: x.position, partiesAhead: x.partiesAhead, estimatedWaitMinutes: interval === undefined ? null : estimateMinutes(interval, x.sameBandAhead), estimatedWaitRange: null };
  });
}

/** Parties closed in the last 15 minutes, newest first: the ones "restore" still works for. */
export function recentlyClosed(line: Line, at: number): PartyView[] {
  return [...line.parties.values()]
    .filter((p) => !isActive(p.status) && p.closedAt !== null && at - p.closedAt < RESTORE_WINDOW_MS)
    .sort((a, b) => (b.closedAt ?? 0) - (a.closedAt ?? 0));
}

/** The status icon of a party's texts: its latest outbound message, or a reply. */
export function smsStatus(messages: MessageView[] | undefined): { icon: "sms" | "smsOk" | "smsFail" | "chat"; label: string; error: string | null } | null {
  if (!messages?.length) return null;
  const last = messages[messages.length - 1]!;
  if (last.direction === "inbound") return { icon: "chat", label: "Guest replied", error: null };
  if (last.status === "failed" || last.status === "undelivered" || last.status === "refused") {
    return { icon: "smsFail", label: `Text ${last.status}`, error: last.errorMessage };
  }
  if (last.status === "delivered" || last.status === "sent") return { icon: "smsOk", label: `Text ${last.status}`, error: null };
  return { icon: "sms", label: "Text sending", error: null };
}

/** The interval estimate a new party of `size` would get now: the offline fallback of newPartyWait. */
export function estimateFor(line: Line, size: number): number | null {
  return estimateForNewParty(size, line.parties.values(), line.intervals);
}

/**
 * The Add form's estimate and default quote for a party of `size`: what the server says such a party
 * would be given once added (the figure its row, its guest page and its "joined" text then show);
 * worked out here from the intervals only while offline, or before the server has sent one.
 */
export function newPartyWait(line: Line, size: number, offline = false): ShownWait | null {
  const server = offline ? undefined : line.newPartyWaits.find((w) => w.partySize === size);
  if (server && server.estimatedWaitMinutes !== null) return { minutes: server.estimatedWaitMinutes, range: server.estimatedWaitRange, from: "server" };
  const local = estimateFor(line, size);
  return local === null ? null : { minutes: local, range: null, from: "local" };
}

/** Guest replies newer than the host last opened their party, for active parties, newest first. */
export function unreadReplies(line: Line, readAt: Record<string, number>): MessageView[] {
  const out: MessageView[] = [];
  for (const [partyId, list] of line.messages) {
    const p = line.parties.get(partyId);
    if (!p || !isActive(p.status)) continue;
    for (const m of list) if (m.direction === "inbound" && m.createdAt > (readAt[partyId] ?? 0)) out.push(m);
  }
  return out.sort((a, b) => b.createdAt - a.createdAt);
}

/** Rows whose name or phone matches what the host typed (phone by its digits, ignoring a trunk 0). */
export function searchRows<T extends { name: string; phone: string | null }>(rows: T[], query: string): T[] {
  const q = query.trim().toLowerCase();
  if (!q) return rows;
  const digits = q.replace(/\D/g, "").replace(/^0+/, "");
  return rows.filter((r) => r.name.toLowerCase().includes(q) || (digits.length >= 3 && (r.phone ?? "").replace(/\D/g, "").includes(digits)));
}
