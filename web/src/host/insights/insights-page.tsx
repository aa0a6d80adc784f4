// The Insights page (/app/insights): how the floor ran over a date range, for one location or all
// of them, each in its own time zone. Loaded on demand (its chart library stays out of the host
// screen's bundle); printable as a summary.
import { useEffect, useState } from "preact/hooks";
import { errorText } from "../../shared/api";
import type { Location, Session } from "../../shared/types";
import { download } from "../qr/download";
import { authed, getSession } from "../session";
import "./insights.css";
import { isoDate, PRESETS, presetRange, rangeProblem } from "./range";
import { BookingsSection, CoversSection, DropOffSection, MessagesSection, QuoteSection, WaitsSection } from "./sections";
import { REPORT_NAMES, type ReportName, type Reports } from "./types";
import { FeedbackSection } from "./feedback-section";

const CSV: { report: ReportName; table: string; label: string }[] = [
  { report: "covers", table: "byDay", label: "Covers per day" },
  { report: "covers", table: "byHour", label: "Covers per hour" },
  { report: "waits", table: "byBand", label: "Waits by party size" },
  { report: "waits", table: "demand", label: "Demand heatmap" },
  { report: "quote_accuracy", table: "byBand", label: "Quote accuracy" },
  { report: "drop_off", table: "byHour", label: "Drop-off by hour" },
  { report: "messages", table: "providers", label: "Messages by provider" },
  { report: "bookings", table: "services", label: "Bookings per service" },
];

export function InsightsPage({ locations }: { session: Session; locations: Location[] }) {
  const today = isoDate(new Date());
  const [initialFrom, initialTo] = presetRange(30, today);
  const [from, setFrom] = useState(initialFrom);
  const [to, setTo] = useState(initialTo);
  const [locationId, setLocationId] = useState<string>("");
  const [asked, setAsked] = useState({ from: initialFrom, to: initialTo, locationId: "" });
  const [reports, setReports] = useState<Reports | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const query = (a: typeof asked) => `from=${a.from}&to=${a.to}${a.locationId ? `&locationId=${a.locationId}` : ""}`;

  useEffect(() => {
    const ctl = new AbortController();
    setLoading(true);
    setError(null);
    Promise.all(REPORT_NAMES.map((n) => authed<unknown>(`/api/insights/${n}?${query(asked)}`, { signal: ctl.signal })))
      .then((all) => setReports(Object.fromEntries(REPORT_NAMES.map((n, i) => [n, all[i]])) as unknown as Reports))
      .catch((e) => (e as Error).name !== "AbortError" && setError(errorText(e)))
      .finally(() => setLoading(false));
    return () => ctl.abort();
  }, [asked.from, asked.to, asked.locationId]);

  const problem = rangeProblem(from, to);
  const scopeName = asked.locationId ? locations.find((l) => l.id === asked.locationId)?.name ?? "" : "All locations";

  const csv = async (report: ReportName, table: string) => {
    try {
      const res = await fetch(`/api/insights/${report}?${query(asked)}&format=csv&table=${table}`, { headers: { authorization: `Bearer ${getSession()?.token ?? ""}` } });
      if (!res.ok) throw new Error(`The download failed (${res.status}).`);
      download(`insights-${report}-${table}-${asked.from}-${asked.to}.csv`, "text/csv;charset=utf-8", await res.text());
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <main class="insights" aria-labelledby="insights-h">
      <div class="insights-head">
        <h1 id="insights-h">Insights</h1>
        <p class="print-only">{scopeName}, {asked.from} to {asked.to} (each location's local dates).</p>
      </div>
      <form
        class="card insights-controls no-print"
        aria-label="Range and location"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!problem) setAsked({ from, to, locationId });
        }}
      >
        <div class="row wrap">
          <label>From <input type="date" name="from" value={from} max={to} onInput={(e) => setFrom(e.currentTarget.value)} /></label>
          <label>To <input type="date" name="to" value={to} min={from} onInput={(e) => setTo(e.currentTarget.value)} /></label>
          <span class="field-inline">
            <label for="insights-location">Location</label>
            <select id="insights-location" name="location" class="auto" value={locationId} onChange={(e) => setLocationId(e.currentTarget.value)}>
              <option value="">All locations</option>
              {locations.map((l) => <option value={l.id} key={l.id}>{l.name}</option>)}
            </select>
          </span>
          <button class="btn primary" type="submit" disabled={problem !== null}>Show</button>
        </div>
        <div class="row wrap" role="group" aria-label="Quick ranges">
          {PRESETS.map((p) => (
            <button type="button" class="btn ghost small" key={p.id} onClick={() => {
              const [f, t] = presetRange(p.days, today);
              setFrom(f);
              setTo(t);
              setAsked({ from: f, to: t, locationId });
            }}>{p.label}</button>
          ))}
          <span class="spacer" />
          <button type="button" class="btn" onClick={() => print()} disabled={!reports}>Print summary</button>
        </div>
        {problem ? <p class="error-text small" role="alert">{problem}</p> : null}
      </form>
      {error ? <div class="alert error" role="alert">{error}</div> : null}
      <p class="sr-only" role="status" aria-live="polite">{loading ? "Loading the reports…" : reports ? `Showing ${scopeName}, ${asked.from} to ${asked.to}.` : ""}</p>
      {!reports ? (
        <p class="row pad"><span class="spinner" /> Loading…</p>
      ) : (
        <div class={loading ? "insight-grid stale" : "insight-grid"} aria-busy={loading}>
          <CoversSection r={reports.covers} />
          <WaitsSection r={reports.waits} />
          <QuoteSection r={reports.quote_accuracy} />
          <DropOffSection r={reports.drop_off} />
          <MessagesSection r={reports.messages} />
          <BookingsSection r={reports.bookings} />
          <FeedbackSection query={query(asked)} locations={locations} />
          <section class="card insight no-print" aria-labelledby="csv-h">
            <h2 id="csv-h">Download as CSV</h2>
            <ul class="plain">
              {CSV.map((c) => <li key={`${c.report}-${c.table}`}><button type="button" class="linkish" onClick={() => csv(c.report, c.table)}>{c.label}</button></li>)}
            </ul>
          </section>
        </div>
      )}
    </main>
  );
}
