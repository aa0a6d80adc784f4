// The Insights page's sections, one per report: a chart with its table, or a table.
import { Chart, DataTable } from "./chart";
import { HOUR_LABEL, mins, pct, WEEKDAYS } from "./format";
import type { Reports } from "./types";

const COLORS = { walkIn: "#1f6f5c", selfCheckIn: "#b5651d", booking: "#3b5ba5", p90: "#8c2d4a" };
const HOURS = Array.from({ length: 24 }, (_, h) => h);

export function CoversSection({ r }: { r: Reports["covers"] }) {
  const days = r.byDay;
  const hours = r.byHour.filter((h) => h.parties > 0);
  return (
    <section class="card insight" aria-labelledby="covers-h">
      <h2 id="covers-h">Covers</h2>
      <p class="lead">{r.totals.guests} guests in {r.totals.parties} parties seated: {r.totals.walkInGuests} walk-in, {r.totals.selfCheckInGuests} self check-in, {r.totals.bookingGuests} booked.</p>
      <Chart
        id="covers-day"
        title="Guests seated per day"
        x={days.map((d) => d.date)}
        xLabel="Date"
        yLabel="Guests"
        series={[
          { label: "Walk-in", color: COLORS.walkIn, values: days.map((d) => d.walkInGuests) },
          { label: "Self check-in", color: COLORS.selfCheckIn, values: days.map((d) => d.selfCheckInGuests) },
          { label: "Booking", color: COLORS.booking, values: days.map((d) => d.bookingGuests) },
        ]}
        rows={days}
        columns={[
          { key: "date", label: "Date" },
          { key: "walkInGuests", label: "Walk-in guests" },
          { key: "selfCheckInGuests", label: "Self check-in guests" },
          { key: "bookingGuests", label: "Booking guests" },
          { key: "parties", label: "Parties" },
          { key: "guests", label: "Guests" },
        ]}
      />
      <Chart
        id="covers-hour"
        title="Guests seated by hour of day"
        x={HOURS}
        xLabel="Hour"
        yLabel="Guests"
        series={[
          { label: "Walk-in", color: COLORS.walkIn, values: r.byHour.map((h) => h.walkInGuests) },
          { label: "Self check-in", color: COLORS.selfCheckIn, values: r.byHour.map((h) => h.selfCheckInGuests) },
          { label: "Booking", color: COLORS.booking, values: r.byHour.map((h) => h.bookingGuests) },
        ]}
        rows={hours.map((h) => ({ ...h, hourLabel: HOUR_LABEL(h.hour) }))}
        columns={[
          { key: "hourLabel", label: "Hour" },
          { key: "walkInGuests", label: "Walk-in guests" },
          { key: "selfCheckInGuests", label: "Self check-in guests" },
          { key: "bookingGuests", label: "Booking guests" },
          { key: "parties", label: "Parties" },
        ]}
      />
    </section>
  );
}

export function WaitsSection({ r }: { r: Reports["waits"] }) {
  const max = Math.max(1, ...r.demand.map((d) => d.parties));
  const open = HOURS.filter((h) => r.demand.some((d) => d.hour === h && d.parties > 0));
  return (
    <section class="card insight" aria-labelledby="waits-h">
      <h2 id="waits-h">Waits</h2>
      <p class="lead">Median wait {mins(r.overall.medianWaitMinutes)}, 90th percentile {mins(r.overall.p90WaitMinutes)}, over {r.overall.parties} seated parties.</p>
      <Chart
        id="waits-hour"
        title="Wait to be seated by hour of joining"
        x={HOURS}
        xLabel="Hour"
        yLabel="Minutes"
        series={[
          { label: "Median", color: COLORS.walkIn, values: r.byHour.map((h) => h.medianWaitMinutes) },
          { label: "90th percentile", color: COLORS.p90, values: r.byHour.map((h) => h.p90WaitMinutes), dash: [6, 4] },
        ]}
        rows={r.byHour.filter((h) => h.parties > 0).map((h) => ({ ...h, hourLabel: HOUR_LABEL(h.hour) }))}
        columns={[
          { key: "hourLabel", label: "Hour" },
          { key: "parties", label: "Parties" },
          { key: "medianWaitMinutes", label: "Median (min)" },
          { key: "p90WaitMinutes", label: "90th percentile (min)" },
        ]}
      />
      <DataTable
        caption="Wait by party size"
        rows={r.byBand}
        columns={[
          { key: "partySizeBand", label: "Party size" },
          { key: "parties", label: "Parties" },
          { key: "medianWaitMinutes", label: "Median (min)" },
          { key: "p90WaitMinutes", label: "90th percentile (min)" },
        ]}
      />
      <div class="table-wrap" tabIndex={0} role="region" aria-label="Demand heatmap">
        <table class="data heatmap" data-heatmap>
          <caption>Demand: parties arriving by weekday and hour</caption>
          <thead>
            <tr><th scope="col">Weekday</th>{open.map((h) => <th scope="col" key={h}>{HOUR_LABEL(h)}</th>)}</tr>
          </thead>
          <tbody>
            {WEEKDAYS.map((name, wd) => (
              <tr key={wd}>
                <th scope="row">{name}</th>
                {open.map((h) => {
                  const n = r.demand.find((d) => d.weekday === wd && d.hour === h)?.parties ?? 0;
                  const heat = Math.round((n / max) * 100);
                  return <td key={h} class={heat > 55 ? "hot" : undefined} style={{ "--heat": `${heat}%` }}>{n}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function QuoteSection({ r }: { r: Reports["quote_accuracy"] }) {
  const quoted = r.overall.find((o) => o.against === "quoted")!;
  const estimated = r.overall.find((o) => o.against === "estimated")!;
  const perHour = (against: "quoted" | "estimated") => HOURS.map((h) => r.byHour.find((x) => x.hour === h && x.against === against)?.meanAbsoluteErrorMinutes ?? null);
  const bias = (b: number | null) => (b === null ? "–" : b > 0 ? `${b} min longer than told` : b < 0 ? `${-b} min shorter than told` : "on time");
  return (
    <section class="card insight" aria-labelledby="quote-h">
      <h2 id="quote-h">Quote accuracy</h2>
      <p class="lead">
        Quotes: off by {mins(quoted.meanAbsoluteErrorMinutes)} on average, {pct(quoted.within5MinutesShare)} within 5 minutes, {pct(quoted.within10MinutesShare)} within 10; guests waited {bias(quoted.biasMinutes)}.
        {" "}Estimates at joining: off by {mins(estimated.meanAbsoluteErrorMinutes)}, {pct(estimated.within5MinutesShare)} within 5 minutes.
      </p>
      <Chart
        id="quote-hour"
        title="Mean absolute error by hour of joining"
        x={HOURS}
        xLabel="Hour"
        yLabel="Minutes"
        series={[
          { label: "Quoted", color: COLORS.selfCheckIn, values: perHour("quoted") },
          { label: "Estimate at joining", color: COLORS.booking, values: perHour("estimated"), dash: [6, 4] },
        ]}
        rows={r.byHour.filter((h) => h.parties > 0).map((h) => ({ ...h, hourLabel: HOUR_LABEL(h.hour), within5: pct(h.within5MinutesShare), within10: pct(h.within10MinutesShare) }))}
        columns={[
          { key: "hourLabel", label: "Hour" },
          { key: "against", label: "Against" },
          { key: "parties", label: "Parties" },
          { key: "meanAbsoluteErrorMinutes", label: "Mean abs. error (min)" },
          { key: "within5", label: "Within ±5 min" },
          { key: "within10", label: "Within ±10 min" },
          { key: "biasMinutes", label: "Bias (min)" },
        ]}
      />
      <DataTable
        caption="Accuracy by party size"
        rows={r.byBand.map((b) => ({ ...b, within5: pct(b.within5MinutesShare), within10: pct(b.within10MinutesShare) }))}
        columns={[
          { key: "partySizeBand", label: "Party size" },
          { key: "against", label: "Against" },
          { key: "parties", label: "Parties" },
          { key: "meanAbsoluteErrorMinutes", label: "Mean abs. error (min)" },
          { key: "within5", label: "Within ±5 min" },
          { key: "within10", label: "Within ±10 min" },
          { key: "biasMinutes", label: "Bias (min)" },
        ]}
      />
    </section>
  );
}

export function DropOffSection({ r }: { r: Reports["drop_off"] }) {
  const w = r.waitlist;
  return (
    <section class="card insight" aria-labelledby="drop-h">
      <h2 id="drop-h">Drop-off</h2>
      <p class="lead">Of {w.parties} parties that left the line, {pct(w.leftShare)} walked away, {pct(w.cancelledShare)} cancelled and {pct(w.noShowShare)} were no-shows. Bookings: {pct(r.bookings.cancelledShare)} cancelled, {pct(r.bookings.noShowShare)} no-shows.</p>
      <DataTable
        caption="Time in line before leaving"
        rows={r.timeInLine.map((t) => ({ ...t, label: t.status === "no_show" ? "No-show" : t.status === "left" ? "Left" : "Cancelled" }))}
        columns={[
          { key: "label", label: "Outcome" },
          { key: "parties", label: "Parties" },
          { key: "medianMinutes", label: "Median (min)" },
          { key: "p90Minutes", label: "90th percentile (min)" },
        ]}
      />
    </section>
  );
}

export function MessagesSection({ r }: { r: Reports["messages"] }) {
  const t = r.totals;
  return (
    <section class="card insight" aria-labelledby="msg-h">
      <h2 id="msg-h">Messages</h2>
      <p class="lead">{t.sent} texts sent ({t.segments} segments), {t.delivered} delivered, {t.failed} failed, {t.failovers} through the backup provider; {t.optOuts} opt-outs, {t.refused} not sent.</p>
      <DataTable caption="By provider" rows={r.providers.map((p) => ({ ...p, delivered: `${p.delivered} (${pct(p.deliveredShare)})` }))} columns={[
        { key: "provider", label: "Provider" },
        { key: "sent", label: "Sent" },
        { key: "delivered", label: "Delivered" },
        { key: "failed", label: "Failed" },
        { key: "failovers", label: "Failovers" },
        { key: "segments", label: "Segments" },
      ]} />
      {r.failures.length ? <DataTable caption="Failures by reason" rows={r.failures} columns={[{ key: "provider", label: "Provider" }, { key: "reason", label: "Reason" }, { key: "count", label: "Texts" }]} /> : null}
      <DataTable caption="Against the plan's allowance" rows={r.allowance.map((a) => ({ ...a, allowance: a.allowanceTexts === null ? "Unlimited" : `${a.allowanceTexts} (${pct(a.allowanceUsedShare)} used)` }))} columns={[
        { key: "month", label: "Month" },
        { key: "texts", label: "Texts" },
        { key: "segments", label: "Segments" },
        { key: "allowance", label: "Allowance" },
      ]} />
    </section>
  );
}

export function BookingsSection({ r }: { r: Reports["bookings"] }) {
  return (
    <section class="card insight" aria-labelledby="book-h">
      <h2 id="book-h">Bookings</h2>
      <DataTable caption="Seats booked against seats offered, per service" rows={r.services.map((s) => ({ ...s, service: s.service === "outside_hours" ? "Outside opening hours" : s.service, share: pct(s.seatsBookedShare) }))} columns={[
        { key: "service", label: "Service" },
        { key: "offeredSeats", label: "Seats offered" },
        { key: "seatsBooked", label: "Seats booked" },
        { key: "share", label: "Booked" },
        { key: "bookings", label: "Bookings" },
        { key: "cancelled", label: "Cancelled" },
        { key: "noShow", label: "No-shows" },
      ]} />
      <DataTable caption="Who booked" rows={r.bySource.map((s) => ({ ...s, label: s.source === "online" ? "Online" : s.source === "host" ? "Host" : "API" }))} columns={[
        { key: "label", label: "Source" },
        { key: "bookings", label: "Bookings" },
        { key: "seats", label: "Seats" },
      ]} />
    </section>
  );
}
