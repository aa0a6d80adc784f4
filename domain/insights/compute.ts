// One location-day's rollups, computed from scratch from the mirrored rows of that day. A rollup is
// a function of the rows alone, so recomputing it after a replayed outbox batch gives the same
// figures by construction.
import { localDayBounds, localSlot } from "./local-time";
import {
  addPair,
  bump,
  child,
  emptyFloor,
  emptyMessages,
  sizeBand,
  type BookingSource,
  type CoverSource,
  type DropOutcome,
  type FloorRollup,
  type Hist,
  type MessageRollup,
  type WaitlistOutcome,
} from "./rollup";

const MINUTE = 60_000;

/** A waitlist party as the D1 mirror holds it. */
export interface PartyFact {
  partySize: number;
  /** host | guest | api */
  source: string;
  /** waiting | notified | seated | cancelled | no_show | left */
  status: string;
  createdAt: number;
  seatedAt: number | null;
  closedAt: number | null;
  quotedWaitMinutes: number;
  /** The wait the line showed when the party joined; null when it was not recorded. */
  estimatedWaitMinutes: number | null;
}

/** A booking as the D1 mirror holds it. */
export interface BookingFact {
  partySize: number;
  /** online | host | api */
  source: string;
  status: string;
  startsAt: number;
  seatedAt: number | null;
}

/** A service of the day's opening hours, with the seats its tables could hold. */
export interface ServiceWindow {
  label: string;
  /** Local minutes after midnight: bookings starting in [startMinutes, endMinutes) belong to it. */
  startMinutes: number;
  endMinutes: number;
  offeredSeats: number;
}

export interface MessageFact {
  direction: "outbound" | "inbound";
  status: string;
  provider: string | null;
  errorCode: string | null;
  createdAt: number;
  sentAt: number | null;
  /** Segments of the body (outbound). */
  segments: number;
  /** Sent by a provider other than the location's primary one. */
  failover: boolean;
  /** Inbound: the guest opted out (STOP …). */
  optOut: boolean;
}

export const OUTSIDE_HOURS = "outside_hours";

const minutes = (ms: number) => Math.round(ms / MINUTE);

function coverSource(partySource: string): CoverSource {
  return partySource === "guest" ? "self_check_in" : "walk_in";
}

function hist(m: Record<string, Record<string, Hist>>, band: string, hour: number): Hist {
  return child(child(m, band, () => ({})), hour, () => ({}));
}

/**
 * The floor rollup of local `date`: parties that joined that day give waits, quote accuracy, demand
 * and outcomes (by the hour they joined); parties and bookings seated that day give covers (by the
 * hour they were seated) — so a party that joined before midnight and was seated after it waits on
 * the first day and is a cover on the second. Bookings count on the day they start.
 */
export function floorRollupOfDay(date: string, timeZone: string, parties: PartyFact[], bookings: BookingFact[], services: ServiceWindow[]): FloorRollup {
  const [start, end] = localDayBounds(date, timeZone);
  const inDay = (at: number | null): at is number => at !== null && at >= start && at < end;
  const r = emptyFloor();
  const cover = (at: number, source: CoverSource, guests: number) => {
    const slot = localSlot(at, timeZone);
    addPair(child(r.days, date, () => ({})), source, 1, guests);
    addPair(child(r.coversByHour, slot.hour, () => ({})), source, 1, guests);
  };
  const arrival = (at: number, guests: number) => {
    const slot = localSlot(at, timeZone);
    const cell = child(child(r.demand, slot.weekday, () => ({})), slot.hour, (): [number, number] => [0, 0]);
    cell[0] += 1;
    cell[1] += guests;
  };

  for (const p of parties) {
    if (p.status === "seated" && inDay(p.seatedAt)) cover(p.seatedAt, coverSource(p.source), p.partySize);
    if (!inDay(p.createdAt)) continue;
    const joined = localSlot(p.createdAt, timeZone);
    arrival(p.createdAt, p.partySize);
    const band = sizeBand(p.partySize);
    if (p.status === "seated" && p.seatedAt !== null) {
      const wait = minutes(p.seatedAt - p.createdAt);
      bump(hist(r.waits, band, joined.hour), wait);
      bump(hist(r.quoteErrors, band, joined.hour), wait - p.quotedWaitMinutes);
      if (p.estimatedWaitMinutes !== null) bump(hist(r.estimateErrors, band, joined.hour), wait - p.estimatedWaitMinutes);
    }
    if (p.status === "seated" || p.status === "left" || p.status === "cancelled" || p.status === "no_show") {
      const o = child(r.outcomes, joined.hour, () => ({}) as Partial<Record<WaitlistOutcome, number>>);
      o[p.status] = (o[p.status] ?? 0) + 1;
      if (p.status !== "seated" && p.closedAt !== null) {
        bump(child(r.timeInLine as Record<string, Hist>, p.status as DropOutcome, () => ({})), minutes(p.closedAt - p.createdAt));
      }
    }
  }

  for (const s of services) child(r.bookings, s.label, () => ({ offeredSeats: 0, bySource: {}, byStatus: {} })).offeredSeats += s.offeredSeats;
  for (const b of bookings) {
    if (b.seatedAt !== null && inDay(b.seatedAt) && b.status !== "cancelled" && b.status !== "no_show") cover(b.seatedAt, "booking", b.partySize);
    if (!inDay(b.startsAt)) continue;
    if (b.status !== "cancelled") arrival(b.startsAt, b.partySize);
    const at = localSlot(b.startsAt, timeZone).minuteOfDay;
    const service = services.find((s) => at >= s.startMinutes && at < s.endMinutes)?.label ?? OUTSIDE_HOURS;
    const entry = child(r.bookings, service, () => ({ offeredSeats: 0, bySource: {}, byStatus: {} }));
    addPair(entry.bySource, (b.source === "online" || b.source === "api" ? b.source : "host") as BookingSource, 1, b.partySize);
    addPair(entry.byStatus, b.status, 1, b.partySize);
  }
  return r;
}

const SENT_STATUSES = new Set(["sent", "delivered", "undelivered"]);

/** The message rollup of local `date` (texts by the day they were created). */
export function messageRollupOfDay(date: string, timeZone: string, rows: MessageFact[]): MessageRollup {
  const [start, end] = localDayBounds(date, timeZone);
  const r = emptyMessages();
  const month = date.slice(0, 7);
  for (const m of rows) {
    if (m.createdAt < start || m.createdAt >= end) continue;
    if (m.direction === "inbound") {
      if (m.optOut) r.optOuts += 1;
      continue;
    }
    if (m.status === "refused") {
      r.refused += 1;
      continue;
    }
    const provider = m.provider ?? "none";
    const sent = m.sentAt !== null || SENT_STATUSES.has(m.status);
    const failed = m.status === "failed" || m.status === "undelivered";
    if (!sent && !failed) continue; // still queued or retrying: counted once it settles
    const t = child(r.providers, provider, () => ({ sent: 0, delivered: 0, failed: 0, failovers: 0, segments: 0 }));
    if (sent) {
      t.sent += 1;
      t.segments += m.segments;
      if (m.failover) t.failovers += 1;
      const mm = child(r.months, month, () => ({ texts: 0, segments: 0 }));
      mm.texts += 1;
      mm.segments += m.segments;
    }
    if (m.status === "delivered") t.delivered += 1;
    if (failed) {
      t.failed += 1;
      const reasons = child(r.failures, provider, () => ({}) as Record<string, number>);
      const reason = m.errorCode ?? "unknown";
      reasons[reason] = (reasons[reason] ?? 0) + 1;
    }
  }
  return r;
}
