// The reports through REST on history in the D1 mirror, against figures computed by hand: a
// spring-forward day in New York (23 hours) and a party whose wait spans midnight.
import { describe, expect, it } from "vitest";
import { call } from "../helpers/api";
import { MIN, mirrorMessage, mirrorParty, placeIn, rebuild, report } from "./support";

const Z = (local: string, offset = "-04:00") => Date.parse(`${local}:00${offset}`);

describe("reports on hand-computed history", () => {
  it("covers, waits, quote accuracy and drop-off across a DST day and a wait over midnight", async () => {
    const p = await placeIn();
    // 2026-03-08 (Sunday) 01:50 EST → seated 03:10 EDT: 20 minutes, quoted 15 (+5), estimate 25 (−5).
    await mirrorParty(p, { createdAt: Z("2026-03-08T01:50", "-05:00"), seatedAt: Z("2026-03-08T03:10"), quotedWaitMinutes: 15, joinEstimate: 25 });
    // 2026-03-08 23:50 → seated 2026-03-09 00:30: 40 minutes, party of 4, self check-in, quoted 30 (+10).
    await mirrorParty(p, { createdAt: Z("2026-03-08T23:50"), seatedAt: Z("2026-03-09T00:30"), partySize: 4, source: "guest", quotedWaitMinutes: 30 });
    // 2026-03-09 (Monday) 19:00 → left at 19:12 (12 min in line).
    await mirrorParty(p, { createdAt: Z("2026-03-09T19:00"), status: "left", seatedAt: null, closedAt: Z("2026-03-09T19:12") });
    await rebuild(p, "2026-03-01", "2026-03-31");

    const sunday = await report(p, "covers", "2026-03-08", "2026-03-08");
    expect(sunday.byDay).toEqual([expect.objectContaining({ date: "2026-03-08", walkInParties: 1, walkInGuests: 2, selfCheckInParties: 0, parties: 1 })]);
    expect(sunday.byHour[3]).toMatchObject({ parties: 1 });
    expect(sunday.byHour[2]).toMatchObject({ parties: 0 }); // 02:00-03:00 never happened that day

    const both = await report(p, "covers", "2026-03-08", "2026-03-09");
    expect(both.byDay.map((d: any) => [d.date, d.parties, d.selfCheckInGuests])).toEqual([["2026-03-08", 1, 0], ["2026-03-09", 1, 4]]);

    const waits = await report(p, "waits", "2026-03-08", "2026-03-08");
    expect(waits.byBand[0]).toEqual({ partySizeBand: "1-2", parties: 1, medianWaitMinutes: 20, p90WaitMinutes: 20 });
    expect(waits.byBand[1]).toEqual({ partySizeBand: "3-4", parties: 1, medianWaitMinutes: 40, p90WaitMinutes: 40 });
    expect(waits.byHour[23]).toMatchObject({ parties: 1, medianWaitMinutes: 40 });
    expect(waits.overall).toEqual({ parties: 2, medianWaitMinutes: 20, p90WaitMinutes: 40 });
    expect(waits.demand.find((d: any) => d.weekday === 0 && d.hour === 23)).toEqual({ weekday: 0, hour: 23, parties: 1, guests: 4 });

    const acc = await report(p, "quote_accuracy", "2026-03-08", "2026-03-08");
    expect(acc.overall).toEqual([
      { against: "quoted", parties: 2, meanAbsoluteErrorMinutes: 7.5, within5MinutesShare: 0.5, within10MinutesShare: 1, biasMinutes: 7.5, longerShare: 1, shorterShare: 0 },
      { against: "estimated", parties: 1, meanAbsoluteErrorMinutes: 5, within5MinutesShare: 1, within10MinutesShare: 1, biasMinutes: -5, longerShare: 0, shorterShare: 1 },
    ]);

    const drop = await report(p, "drop_off", "2026-03-08", "2026-03-09");
    expect(drop.waitlist).toEqual({ parties: 3, seated: 2, left: 1, cancelled: 0, noShow: 0, leftShare: 0.3333, cancelledShare: 0, noShowShare: 0 });
    expect(drop.timeInLine[0]).toEqual({ status: "left", parties: 1, medianMinutes: 12, p90Minutes: 12 });

    // The whole month reads its month row: the same figures as its days.
    const month = await report(p, "waits", "2026-03-01", "2026-03-31");
    expect(month.overall).toEqual({ parties: 2, medianWaitMinutes: 20, p90WaitMinutes: 40 });
  });

  it("messages by provider and reason, opt-outs and the month's segments", async () => {
    const p = await placeIn();
    const at = Z("2026-02-10T18:00", "-05:00");
    await mirrorMessage(p, { status: "delivered", provider: "twilio", createdAt: at });
    await mirrorMessage(p, { status: "delivered", provider: "twilio", createdAt: at + MIN, body: "x".repeat(200) }); // 2 segments
    await mirrorMessage(p, { status: "undelivered", provider: "twilio", errorCode: "twilio:30003", createdAt: at + 2 * MIN });
    await mirrorMessage(p, { status: "sent", provider: "telnyx", createdAt: at + 3 * MIN }); // the primary is twilio: a failover
    await mirrorMessage(p, { status: "refused", createdAt: at + 4 * MIN });
    await mirrorMessage(p, { status: "received", direction: "inbound", provider: "twilio", body: "stop", createdAt: at + 5 * MIN });
    const m = await report(p, "messages", "2026-02-01", "2026-02-28");
    expect(m.providers).toEqual([
      { provider: "telnyx", sent: 1, delivered: 0, failed: 0, failovers: 1, segments: 1, deliveredShare: 0 },
      { provider: "twilio", sent: 3, delivered: 2, failed: 1, failovers: 0, segments: 4, deliveredShare: 0.6667 },
    ]);
    expect(m.failures).toEqual([{ provider: "twilio", reason: "twilio:30003", count: 1 }]);
    expect(m.totals).toEqual({ sent: 4, delivered: 2, failed: 1, failovers: 1, segments: 5, refused: 1, optOuts: 1 });
    expect(m.allowance).toEqual([{ month: "2026-02", texts: 4, segments: 5, allowanceTexts: null, allowanceUsedShare: null }]);
  });

  it("CSV by ?format=csv or Accept: text/csv, one table of the report", async () => {
    const p = await placeIn();
    await mirrorParty(p, { createdAt: Z("2026-04-02T12:00"), seatedAt: Z("2026-04-02T12:25") });
    await rebuild(p, "2026-04-01", "2026-04-03");
    const q = `from=2026-04-01&to=2026-04-03&locationId=${p.locationId}`;
    const a = await call("GET", `/api/insights/covers?${q}&format=csv`, { token: p.token });
    expect(a.status).toBe(200);
    expect(a.headers.get("Content-Type")).toMatch(/^text\/csv/);
    expect(a.headers.get("Content-Disposition")).toContain("insights-covers-byDay-2026-04-01-2026-04-03.csv");
    expect(a.text.split("\r\n").slice(0, 3)).toEqual([
      "date,walkInParties,walkInGuests,selfCheckInParties,selfCheckInGuests,bookingParties,bookingGuests,parties,guests",
      "2026-04-01,0,0,0,0,0,0,0,0",
      "2026-04-02,1,2,0,0,0,0,1,2",
    ]);
    const b = await call("GET", `/api/insights/quote_accuracy?${q}&table=byBand`, { token: p.token, headers: { Accept: "text/csv" } });
    expect(b.status).toBe(200);
    expect(b.text.split("\r\n")[1]).toBe("1-2,quoted,1,10,0,1,10,1,0");
  });
});
