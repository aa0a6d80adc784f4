// The reports: public figures derived from merged rollups. Field names follow docs/api-style.md.
import { addDays, daysBetween } from "./local-time";
import { BOOKING_SOURCES, COVER_SOURCES, DROP_OUTCOMES, SIZE_BANDS, type CoverSource, type FloorRollup, type Hist, type MessageRollup, type Pair } from "./rollup";
import { errorSummary, histCount, histSum, quantile, share, type ErrorSummary } from "./stats";

export interface CoverRow {
  walkInParties: number;
  walkInGuests: number;
  selfCheckInParties: number;
  selfCheckInGuests: number;
  bookingParties: number;
  bookingGuests: number;
  parties: number;
  guests: number;
}

const KEY: Record<CoverSource, ["walkIn" | "selfCheckIn" | "booking"]> = { walk_in: ["walkIn"], self_check_in: ["selfCheckIn"], booking: ["booking"] };

function coverRow(m: Partial<Record<CoverSource, Pair>> | undefined): CoverRow {
  const row = { walkInParties: 0, walkInGuests: 0, selfCheckInParties: 0, selfCheckInGuests: 0, bookingParties: 0, bookingGuests: 0, parties: 0, guests: 0 };
  for (const s of COVER_SOURCES) {
    const [p, g] = m?.[s] ?? [0, 0];
    const k = KEY[s][0];
    row[`${k}Parties`] += p;
    row[`${k}Guests`] += g;
    row.parties += p;
    row.guests += g;
  }
  return row;
}

const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** Every date from `from` to `to` inclusive. */
export function datesOf(from: string, to: string): string[] {
  return Array.from({ length: daysBetween(from, to) + 1 }, (_, i) => addDays(from, i));
}

export function coversReport(f: FloorRollup, from: string, to: string) {
  return {
    byDay: datesOf(from, to).map((date) => ({ date, ...coverRow(f.days[date]) })),
    byHour: HOURS.map((hour) => ({ hour, ...coverRow(f.coversByHour[String(hour)]) })),
    totals: coverRow(
      Object.values(f.days).reduce<Partial<Record<CoverSource, Pair>>>((acc, d) => {
        for (const s of COVER_SOURCES) {
          const [p, g] = d[s] ?? [0, 0];
          const a = acc[s] ?? [0, 0];
          acc[s] = [a[0] + p, a[1] + g];
        }
        return acc;
      }, {}),
    ),
  };
}

function waitRow(h: Hist) {
  return { parties: histCount(h), medianWaitMinutes: quantile(h, 0.5), p90WaitMinutes: quantile(h, 0.9) };
}

const byBand = (m: Record<string, Record<string, Hist>>, band: string) => histSum(Object.values(m[band] ?? {}));
const byHour = (m: Record<string, Record<string, Hist>>, hour: number) => histSum(SIZE_BANDS.map((b) => m[b]?.[String(hour)]));

export function waitsReport(f: FloorRollup) {
  return {
    overall: waitRow(histSum(SIZE_BANDS.map((b) => byBand(f.waits, b)))),
    byBand: SIZE_BANDS.map((partySizeBand) => ({ partySizeBand, ...waitRow(byBand(f.waits, partySizeBand)) })),
    byHour: HOURS.map((hour) => ({ hour, ...waitRow(byHour(f.waits, hour)) })),
    demand: Array.from({ length: 7 }, (_, weekday) => HOURS.map((hour) => {
      const [parties, guests] = f.demand[String(weekday)]?.[String(hour)] ?? [0, 0];
      return { weekday, hour, parties, guests };
    })).flat(),
  };
}

export type AccuracyRow = ErrorSummary & { against: "quoted" | "estimated" };

function accuracyRows(quoted: Hist, estimated: Hist): AccuracyRow[] {
  return [
    { against: "quoted", ...errorSummary(quoted) },
    { against: "estimated", ...errorSummary(estimated) },
  ];
}

export function quoteAccuracyReport(f: FloorRollup) {
  const all = (m: Record<string, Record<string, Hist>>) => histSum(SIZE_BANDS.map((b) => byBand(m, b)));
  return {
    overall: accuracyRows(all(f.quoteErrors), all(f.estimateErrors)),
    byBand: SIZE_BANDS.flatMap((partySizeBand) =>
      accuracyRows(byBand(f.quoteErrors, partySizeBand), byBand(f.estimateErrors, partySizeBand)).map((r) => ({ partySizeBand, ...r })),
    ),
    byHour: HOURS.flatMap((hour) => accuracyRows(byHour(f.quoteErrors, hour), byHour(f.estimateErrors, hour)).map((r) => ({ hour, ...r }))),
  };
}

function outcomeRow(o: Partial<Record<string, number>>) {
  const seated = o.seated ?? 0, left = o.left ?? 0, cancelled = o.cancelled ?? 0, noShow = o.no_show ?? 0;
  const parties = seated + left + cancelled + noShow;
  return { parties, seated, left, cancelled, noShow, leftShare: share(left, parties), cancelledShare: share(cancelled, parties), noShowShare: share(noShow, parties) };
}

export function dropOffReport(f: FloorRollup) {
  const total: Record<string, number> = {};
  for (const o of Object.values(f.outcomes)) for (const [k, c] of Object.entries(o)) total[k] = (total[k] ?? 0) + (c ?? 0);
  let bookings = 0, cancelled = 0, noShow = 0;
  for (const s of Object.values(f.bookings)) {
    for (const [status, [n]] of Object.entries(s.byStatus)) {
      bookings += n;
      if (status === "cancelled") cancelled += n;
      if (status === "no_show") noShow += n;
    }
  }
  return {
    waitlist: outcomeRow(total),
    byHour: HOURS.map((hour) => ({ hour, ...outcomeRow(f.outcomes[String(hour)] ?? {}) })),
    timeInLine: DROP_OUTCOMES.map((status) => {
      const h = f.timeInLine[status] ?? {};
      return { status, parties: histCount(h), medianMinutes: quantile(h, 0.5), p90Minutes: quantile(h, 0.9) };
    }),
    bookings: { bookings, cancelled, noShow, cancelledShare: share(cancelled, bookings), noShowShare: share(noShow, bookings) },
  };
}

export function bookingsReport(f: FloorRollup) {
  const sources: Record<string, Pair> = {};
  const services = Object.entries(f.bookings)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([service, s]) => {
      let bookings = 0, seatsBooked = 0, cancelled = 0, noShow = 0;
      for (const [status, [n, seats]] of Object.entries(s.byStatus)) {
        bookings += n;
        if (status === "cancelled") cancelled += n;
        else seatsBooked += seats;
        if (status === "no_show") noShow += n;
      }
      for (const [src, [n, seats]] of Object.entries(s.bySource)) {
        const a = sources[src] ?? [0, 0];
        sources[src] = [a[0] + n, a[1] + seats];
      }
      return { service, offeredSeats: s.offeredSeats, bookings, seatsBooked, seatsBookedShare: share(seatsBooked, s.offeredSeats), cancelled, noShow };
    });
  return {
    services,
    bySource: BOOKING_SOURCES.map((source) => ({ source, bookings: sources[source]?.[0] ?? 0, seats: sources[source]?.[1] ?? 0 })),
  };
}

/** `allowanceTexts`: the plan's texts per month for all the locations reported (null: unlimited). */
export function messagesReport(m: MessageRollup, allowanceTexts: number | null) {
  const providers = Object.entries(m.providers)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([provider, t]) => ({ provider, ...t, deliveredShare: share(t.delivered, t.sent) }));
  return {
    providers,
    failures: Object.entries(m.failures).flatMap(([provider, reasons]) =>
      Object.entries(reasons)
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .map(([reason, count]) => ({ provider, reason, count })),
    ),
    totals: {
      sent: providers.reduce((s, p) => s + p.sent, 0),
      delivered: providers.reduce((s, p) => s + p.delivered, 0),
      failed: providers.reduce((s, p) => s + p.failed, 0),
      failovers: providers.reduce((s, p) => s + p.failovers, 0),
      segments: providers.reduce((s, p) => s + p.segments, 0),
      refused: m.refused,
      optOuts: m.optOuts,
    },
    allowance: Object.entries(m.months)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([month, u]) => ({ month, texts: u.texts, segments: u.segments, allowanceTexts, allowanceUsedShare: allowanceTexts === null ? null : share(u.texts, allowanceTexts) })),
  };
}
