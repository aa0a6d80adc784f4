// The insights figures against small data sets computed by hand, including a daylight-saving day and
// a party whose wait spans midnight (America/New_York).
import { describe, expect, it } from "vitest";
import { floorRollupOfDay, messageRollupOfDay, type BookingFact, type MessageFact, type PartyFact } from "../../domain/insights/compute";
import { localDayBounds, localSlot } from "../../domain/insights/local-time";
import { bookingsReport, coversReport, dropOffReport, messagesReport, quoteAccuracyReport, waitsReport } from "../../domain/insights/report";
import { emptyFloor, emptyMessages, mergeRollups, sizeBand, SIZE_BANDS } from "../../domain/insights/rollup";
import { errorSummary, quantile } from "../../domain/insights/stats";
import { serviceWindows } from "../../domain/insights/capacity";
import { bandOf, SIZE_BANDS as WAITLIST_BANDS } from "../../domain/waitlist/model";

const NY = "America/New_York";
const Z = (iso: string) => Date.parse(iso);
const MIN = 60_000;

function party(p: Partial<PartyFact> & { createdAt: number }): PartyFact {
  return { partySize: 2, source: "host", status: "seated", seatedAt: null, closedAt: null, quotedWaitMinutes: 15, estimatedWaitMinutes: null, ...p };
}
function seated(createdAt: number, waitMinutes: number, p: Partial<PartyFact> = {}): PartyFact {
  const seatedAt = createdAt + waitMinutes * MIN;
  return party({ createdAt, seatedAt, closedAt: seatedAt, ...p });
}

describe("local days in the location's zone", () => {
  it("a spring-forward day has 23 hours and a fall-back day 25", () => {
    const [s1, e1] = localDayBounds("2026-03-08", NY);
    expect(s1).toBe(Z("2026-03-08T05:00:00Z"));
    expect((e1 - s1) / 3_600_000).toBe(23);
    const [s2, e2] = localDayBounds("2026-11-01", NY);
    expect(s2).toBe(Z("2026-11-01T04:00:00Z"));
    expect((e2 - s2) / 3_600_000).toBe(25);
  });

  it("hours are the wall clock's", () => {
    expect(localSlot(Z("2026-03-08T07:10:00Z"), NY)).toEqual({ date: "2026-03-08", hour: 3, weekday: 0, minuteOfDay: 190 });
    expect(localSlot(Z("2026-11-01T06:10:00Z"), NY).hour).toBe(1);
  });
});

describe("size bands", () => {
  it("are the waitlist's own: 1-2, 3-4, 5-6, 7+", () => {
    expect([...SIZE_BANDS]).toEqual([...WAITLIST_BANDS]);
    expect([1, 2, 3, 4, 5, 6, 7, 12].map(sizeBand)).toEqual(["1-2", "1-2", "3-4", "3-4", "5-6", "5-6", "7+", "7+"]);
    expect(sizeBand(9)).toBe(bandOf(9));
  });
});

describe("quantiles and errors", () => {
  it("nearest rank on whole minutes", () => {
    expect(quantile({ "1": 1, "2": 1, "3": 1, "4": 1 }, 0.5)).toBe(2);
    expect(quantile({ "10": 9, "40": 1 }, 0.9)).toBe(10);
    expect(quantile({ "10": 8, "40": 2 }, 0.9)).toBe(40);
    expect(quantile({}, 0.5)).toBeNull();
  });

  it("error summary: MAE, within ±5/±10, bias, longer/shorter", () => {
    // errors −12, −4, 0, 6, 10
    const s = errorSummary({ "-12": 1, "-4": 1, "0": 1, "6": 1, "10": 1 });
    expect(s).toEqual({
      parties: 5,
      meanAbsoluteErrorMinutes: 6.4, // (12+4+0+6+10)/5
      within5MinutesShare: 0.4, // −4, 0
      within10MinutesShare: 0.8, // all but −12
      biasMinutes: 0, // (−12−4+0+6+10)/5
      longerShare: 0.4,
      shorterShare: 0.4,
    });
  });
});

// One Tuesday (2026-03-10, EDT) by hand:
//  A  2 guests, host,          joins 18:00, seated 18:20, quoted 15, estimate 18  → wait 20, err +5 / +2
//  B  4 guests, self check-in, joins 18:10, seated 18:55, quoted 30, estimate 40  → wait 45, err +15 / +5
//  C  2 guests, api,           joins 18:30, seated 18:40, quoted 15, no estimate   → wait 10, err −5
//  D  3 guests, host,          joins 19:05, left at 19:30                          → 25 min in line
//  E  2 guests, host,          joins 19:10, cancelled 19:12                        → 2 min
//  F  6 guests, host,          joins 19:20, no-show 19:50                          → 30 min
//  G  2 guests, host,          joins 23:50, seated 00:25 the next day, quoted 20   → wait 35 on the 10th; cover on the 11th
//  H  5 guests, host,          joined the 9th 23:40, seated the 10th 00:05         → cover on the 10th, no wait here
//  W  2 guests, still waiting (joined 20:00)                                       → demand only
const day = "2026-03-10";
const at = (hhmm: string, d = day) => Z(`${d}T${hhmm}:00-04:00`);
const PARTIES: PartyFact[] = [
  seated(at("18:00"), 20, { estimatedWaitMinutes: 18 }),
  seated(at("18:10"), 45, { partySize: 4, source: "guest", quotedWaitMinutes: 30, estimatedWaitMinutes: 40 }),
  seated(at("18:30"), 10, { source: "api" }),
  party({ createdAt: at("19:05"), partySize: 3, status: "left", closedAt: at("19:30") }),
  party({ createdAt: at("19:10"), status: "cancelled", closedAt: at("19:12") }),
  party({ createdAt: at("19:20"), partySize: 6, status: "no_show", closedAt: at("19:50") }),
  seated(at("23:50"), 35, { quotedWaitMinutes: 20 }),
  seated(at("23:40", "2026-03-09"), 25, { partySize: 5 }),
  party({ createdAt: at("20:00"), status: "waiting" }),
];
const BOOKINGS: BookingFact[] = [
  { partySize: 4, source: "online", status: "completed", startsAt: at("19:00"), seatedAt: at("19:02") },
  { partySize: 2, source: "host", status: "cancelled", startsAt: at("19:30"), seatedAt: null },
  { partySize: 2, source: "api", status: "no_show", startsAt: at("20:00"), seatedAt: null },
  { partySize: 6, source: "online", status: "seated", startsAt: at("12:00"), seatedAt: at("12:05") },
];
const SERVICES = [{ label: "17:00–22:00", startMinutes: 17 * 60, endMinutes: 22 * 60, offeredSeats: 40 }];

describe("a location-day's floor figures", () => {
  const f = floorRollupOfDay(day, NY, PARTIES, BOOKINGS, SERVICES);
  const next = floorRollupOfDay("2026-03-11", NY, PARTIES, BOOKINGS, SERVICES);

  it("covers by source, per day and per hour of seating", () => {
    const c = coversReport(f, day, day);
    expect(c.byDay).toEqual([
      { date: day, walkInParties: 3, walkInGuests: 9, selfCheckInParties: 1, selfCheckInGuests: 4, bookingParties: 2, bookingGuests: 10, parties: 6, guests: 23 },
    ]);
    expect(c.byHour[0]).toMatchObject({ hour: 0, walkInParties: 1, walkInGuests: 5 }); // H, seated 00:05
    expect(c.byHour[18]).toMatchObject({ walkInParties: 2, walkInGuests: 4, selfCheckInParties: 1, parties: 3 });
    expect(c.byHour[19]).toMatchObject({ bookingParties: 1, bookingGuests: 4, parties: 1 });
    expect(c.byHour[12]).toMatchObject({ bookingParties: 1, bookingGuests: 6 });
  });

  it("the party seated after midnight is a cover on the next day, its wait on the day it joined", () => {
    expect(coversReport(next, "2026-03-11", "2026-03-11").byDay[0]).toMatchObject({ walkInParties: 1, walkInGuests: 2 });
    expect(waitsReport(next).overall.parties).toBe(0);
    expect(waitsReport(f).byHour[23]).toEqual({ hour: 23, parties: 1, medianWaitMinutes: 35, p90WaitMinutes: 35 });
  });

  it("waits: median and p90 by size band and hour of joining", () => {
    const w = waitsReport(f);
    // 1-2: A 20, C 10, G 35 → median 20, p90 35
    expect(w.byBand[0]).toEqual({ partySizeBand: "1-2", parties: 3, medianWaitMinutes: 20, p90WaitMinutes: 35 });
    expect(w.byBand[1]).toEqual({ partySizeBand: "3-4", parties: 1, medianWaitMinutes: 45, p90WaitMinutes: 45 });
    expect(w.byBand[2]).toEqual({ partySizeBand: "5-6", parties: 0, medianWaitMinutes: null, p90WaitMinutes: null });
    // 18:00 hour: 20, 45, 10 → median 20, p90 45
    expect(w.byHour[18]).toEqual({ hour: 18, parties: 3, medianWaitMinutes: 20, p90WaitMinutes: 45 });
    expect(w.overall).toEqual({ parties: 4, medianWaitMinutes: 20, p90WaitMinutes: 45 });
  });

  it("demand heatmap: waitlist joins and bookings due (not cancelled) by weekday × hour", () => {
    const cell = (h: number) => waitsReport(f).demand.find((d) => d.weekday === 2 && d.hour === h);
    expect(cell(18)).toEqual({ weekday: 2, hour: 18, parties: 3, guests: 8 });
    expect(cell(19)).toEqual({ weekday: 2, hour: 19, parties: 4, guests: 15 }); // D, E, F + booking 19:00 (the 19:30 one was cancelled)
    expect(cell(20)).toEqual({ weekday: 2, hour: 20, parties: 2, guests: 4 }); // W + the no-show booking
    expect(cell(0)).toEqual({ weekday: 2, hour: 0, parties: 0, guests: 0 }); // H joined on Monday
  });

  it("quote accuracy against the quote and the estimate at joining", () => {
    const q = quoteAccuracyReport(f);
    // quoted errors: A +5, B +15, C −5, G +15
    expect(q.overall[0]).toEqual({
      against: "quoted", parties: 4, meanAbsoluteErrorMinutes: 10, within5MinutesShare: 0.5, within10MinutesShare: 0.5,
      biasMinutes: 7.5, longerShare: 0.75, shorterShare: 0.25,
    });
    // estimate errors: A +2, B +5 (C and G had none)
    expect(q.overall[1]).toEqual({
      against: "estimated", parties: 2, meanAbsoluteErrorMinutes: 3.5, within5MinutesShare: 1, within10MinutesShare: 1,
      biasMinutes: 3.5, longerShare: 1, shorterShare: 0,
    });
    expect(q.byBand.find((r) => r.partySizeBand === "3-4" && r.against === "quoted")).toMatchObject({ parties: 1, meanAbsoluteErrorMinutes: 15, biasMinutes: 15 });
    expect(q.byHour.find((r) => r.hour === 23 && r.against === "quoted")).toMatchObject({ parties: 1, biasMinutes: 15 });
  });

  it("drop-off shares and time in line before leaving", () => {
    const d = dropOffReport(f);
    // closed parties that joined this day: A B C G seated, D left, E cancelled, F no-show (W still waits)
    expect(d.waitlist).toEqual({ parties: 7, seated: 4, left: 1, cancelled: 1, noShow: 1, leftShare: 0.1429, cancelledShare: 0.1429, noShowShare: 0.1429 });
    expect(d.timeInLine).toEqual([
      { status: "left", parties: 1, medianMinutes: 25, p90Minutes: 25 },
      { status: "cancelled", parties: 1, medianMinutes: 2, p90Minutes: 2 },
      { status: "no_show", parties: 1, medianMinutes: 30, p90Minutes: 30 },
    ]);
    expect(d.bookings).toEqual({ bookings: 4, cancelled: 1, noShow: 1, cancelledShare: 0.25, noShowShare: 0.25 });
  });

  it("bookings: seats booked against offered per service, and by source", () => {
    const b = bookingsReport(f);
    expect(b.services).toEqual([
      { service: "17:00–22:00", offeredSeats: 40, bookings: 3, seatsBooked: 6, seatsBookedShare: 0.15, cancelled: 1, noShow: 1 },
      { service: "outside_hours", offeredSeats: 0, bookings: 1, seatsBooked: 6, seatsBookedShare: null, cancelled: 0, noShow: 0 },
    ]);
    expect(b.bySource).toEqual([
      { source: "online", bookings: 2, seats: 10 },
      { source: "host", bookings: 1, seats: 2 },
      { source: "api", bookings: 1, seats: 2 },
    ]);
  });
});

describe("the spring-forward day (2026-03-08, 23 hours)", () => {
  // Joins 01:50 EST, seated 03:10 EDT: 20 real minutes, not 80 by the wall clock.
  const p = seated(Z("2026-03-08T06:50:00Z"), 20);
  const f = floorRollupOfDay("2026-03-08", NY, [p], [], []);
  it("waits are real minutes and hours are the wall clock's", () => {
    expect(waitsReport(f).byHour[1]).toMatchObject({ parties: 1, medianWaitMinutes: 20 });
    expect(coversReport(f, "2026-03-08", "2026-03-08").byHour[3]).toMatchObject({ parties: 1 });
    expect(coversReport(f, "2026-03-08", "2026-03-08").byHour[2]).toMatchObject({ parties: 0 });
  });
  it("a party of the 25-hour day is counted once, in its repeated hour", () => {
    // 01:30 EDT → 01:10 EST: 40 minutes, both in the wall hour 1 of 2026-11-01.
    const q = seated(Z("2026-11-01T05:30:00Z"), 40);
    const g = floorRollupOfDay("2026-11-01", NY, [q], [], []);
    expect(waitsReport(g).byHour[1]).toMatchObject({ parties: 1, medianWaitMinutes: 40 });
    expect(coversReport(g, "2026-11-01", "2026-11-01").byHour[1]).toMatchObject({ parties: 1 });
  });
});

describe("merging", () => {
  it("the merge of two days gives the figures of both days' data at once, exactly", () => {
    const d1 = floorRollupOfDay(day, NY, PARTIES, BOOKINGS, SERVICES);
    const d2 = floorRollupOfDay("2026-03-11", NY, PARTIES, BOOKINGS, SERVICES);
    const merged = mergeRollups(emptyFloor(), [d1, d2]);
    expect(coversReport(merged, day, "2026-03-11").totals.parties).toBe(7);
    expect(waitsReport(merged)).toEqual(waitsReport(d1)); // the 11th adds a cover, not a wait
    expect(bookingsReport(mergeRollups(emptyFloor(), [d1, d1])).services[0]).toMatchObject({ offeredSeats: 80, bookings: 6 });
    expect(d1).toEqual(floorRollupOfDay(day, NY, PARTIES, BOOKINGS, SERVICES)); // inputs unchanged
  });
});

describe("seats offered", () => {
  it("turns of each active table in each service", () => {
    const w = serviceWindows(
      "2026-03-10",
      { hours: { "2": [{ start: "17:00", end: "21:00" }] }, specialDates: {}, durations: [{ maxPartySize: 2, minutes: 90 }, { maxPartySize: 100, minutes: 120 }] },
      [{ maxSeats: 2, active: true }, { maxSeats: 4, active: true }, { maxSeats: 8, active: false }],
    );
    // 2-top: floor((240+90)/90) = 3 turns → 6; 4-top: floor((240+120)/120) = 3 → 12
    expect(w).toEqual([{ label: "17:00–21:00", startMinutes: 1020, endMinutes: 1260, offeredSeats: 18 }]);
  });
  it("special dates replace the weekday's hours", () => {
    expect(serviceWindows("2026-03-10", { hours: { "2": [{ start: "17:00", end: "21:00" }] }, specialDates: { "2026-03-10": [] }, durations: [] }, [])).toEqual([]);
  });
});

describe("messages", () => {
  const m = (x: Partial<MessageFact>): MessageFact => ({
    direction: "outbound", status: "delivered", provider: "twilio", errorCode: null, createdAt: at("18:00"), sentAt: at("18:00"), segments: 1, failover: false, optOut: false, ...x,
  });
  const rows = [
    m({}),
    m({ segments: 2 }),
    m({ status: "undelivered", errorCode: "30003" }),
    m({ status: "sent", provider: "telnyx", failover: true }),
    m({ status: "failed", provider: "twilio", sentAt: null, errorCode: "twilio:21211" }),
    m({ status: "refused", provider: null, sentAt: null }),
    m({ status: "retrying", sentAt: null }),
    m({ direction: "inbound", status: "received", optOut: true }),
    m({ direction: "inbound", status: "received" }),
    m({ createdAt: at("18:00", "2026-03-11") }),
  ];
  it("sent, delivered, failed by provider and reason, failovers, opt-outs, segments per month", () => {
    const r = messagesReport(messageRollupOfDay(day, NY, rows), 500);
    expect(r.providers).toEqual([
      { provider: "telnyx", sent: 1, delivered: 0, failed: 0, failovers: 1, segments: 1, deliveredShare: 0 },
      { provider: "twilio", sent: 3, delivered: 2, failed: 2, failovers: 0, segments: 4, deliveredShare: 0.6667 },
    ]);
    expect(r.failures).toEqual([
      { provider: "twilio", reason: "30003", count: 1 },
      { provider: "twilio", reason: "twilio:21211", count: 1 },
    ]);
    expect(r.totals).toEqual({ sent: 4, delivered: 2, failed: 2, failovers: 1, segments: 5, refused: 1, optOuts: 1 });
    expect(r.allowance).toEqual([{ month: "2026-03", texts: 4, segments: 5, allowanceTexts: 500, allowanceUsedShare: 0.008 }]);
  });
  it("merge adds months", () => {
    const both = mergeRollups(emptyMessages(), [messageRollupOfDay(day, NY, rows), messageRollupOfDay("2026-03-11", NY, rows)]);
    expect(messagesReport(both, null).allowance).toEqual([{ month: "2026-03", texts: 5, segments: 6, allowanceTexts: null, allowanceUsedShare: null }]);
  });
});
