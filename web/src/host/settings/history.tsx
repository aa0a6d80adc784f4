// History: closed parties of a location, filtered by date, outcome, size and a search, and
// downloaded as CSV. The server filters by date and outcome (GET …/history); size and search are
// applied here to every page of that answer, so the table and the download always agree.
import { useEffect, useState } from "preact/hooks";
import { localDate } from "../../../../domain/time";
import { errorText } from "../../shared/api";
import { minutes } from "../../shared/format";
import type { HistoryPage, Location, RestParty } from "../../shared/types";
import { download } from "../qr/download";
import { authed } from "../session";
import { historyCsv } from "./csv";
import { described, FieldError, Section } from "./fields";
import { CLOSED_STATES, defaultFilter, filterErrors, historyQuery, matchesHere, SIZE_BANDS, type ClosedState, type HistoryFilter } from "./history-filter";

const OUTCOME: Record<ClosedState, string> = { seated: "Seated", cancelled: "Cancelled", no_show: "No-show", left: "Left the line" };
/** Pages of 200 fetched for one filter at most; past that the page says the list is cut. */
const MAX_PAGES = 25;
const SHOWN = 500;

export function HistoryPageView({ location }: { location: Location }) {
  const today = localDate(Date.now(), location.timezone);
  const [f, setF] = useState<HistoryFilter>(() => defaultFilter(today));
  const [asked, setAsked] = useState<HistoryFilter>(f);
  const [rows, setRows] = useState<RestParty[] | null>(null);
  const [cut, setCut] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    let stale = false;
    setRows(null);
    setLoadError(null);
    (async () => {
      const all: RestParty[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: HistoryPage = await authed<HistoryPage>(`/api/locations/${location.id}/history?${historyQuery(asked, location.timezone, cursor)}`);
        if (stale) return;
        all.push(...page.parties);
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor && pages < MAX_PAGES);
      setCut(cursor !== null);
      setRows(all);
    })().catch((e) => !stale && setLoadError(errorText(e)));
    return () => {
      stale = true;
    };
  }, [location.id, JSON.stringify({ ...asked, size: "", q: "" })]);

  const shown = rows?.filter((p) => matchesHere(p, asked)) ?? [];
  const local = (iso: string | null) => (iso ? new Date(iso).toLocaleString([], { timeZone: location.timezone, day: "numeric", month: "short", hour: "numeric", minute: "2-digit" }) : "–");

  function submit(e: Event) {
    e.preventDefault();
    const errs = filterErrors(f);
    setErrors(errs);
    if (Object.keys(errs).length === 0) setAsked(f);
  }
  const toggle = (s: ClosedState, on: boolean) => setF({ ...f, states: on ? CLOSED_STATES.filter((x) => x === s || f.states.includes(x)) : f.states.filter((x) => x !== s) });

  return (
    <Section title={`History — ${location.name}`} intro="Parties who left the line: seated, cancelled, no-shows and guests who left. New ones appear within seconds.">
      <form class="card history-filter" onSubmit={submit} noValidate aria-label="Filter the history">
        <div class="filter-grid">
          <div class={`field${errors.from ? " has-error" : ""}`}>
            <label for="h-from">From</label>
            <input id="h-from" type="date" max={today} value={f.from} onInput={(e) => setF({ ...f, from: e.currentTarget.value })} {...described("h-from", errors.from)} />
            <FieldError id="h-from" error={errors.from} />
          </div>
          <div class={`field${errors.to ? " has-error" : ""}`}>
            <label for="h-to">To</label>
            <input id="h-to" type="date" value={f.to} onInput={(e) => setF({ ...f, to: e.currentTarget.value })} {...described("h-to", errors.to)} />
            <FieldError id="h-to" error={errors.to} />
          </div>
          <div class="field">
            <label for="h-size">Party size</label>
            <select id="h-size" value={f.size} onChange={(e) => setF({ ...f, size: e.currentTarget.value as HistoryFilter["size"] })}>
              <option value="">Any size</option>
              {SIZE_BANDS.map((b) => <option key={b} value={b}>{b.replace("-", "–")} guests</option>)}
            </select>
          </div>
          <div class={`field${errors.q ? " has-error" : ""}`}>
            <label for="h-q">Search</label>
            <input id="h-q" type="search" placeholder="Name, phone, note or tag" maxLength={100} value={f.q} onInput={(e) => setF({ ...f, q: e.currentTarget.value })} {...described("h-q", errors.q)} />
            <FieldError id="h-q" error={errors.q} />
          </div>
        </div>
        <fieldset class={`bare${errors.states ? " has-error" : ""}`} aria-describedby={errors.states ? "h-states-error" : undefined}>
          <legend>Outcome</legend>
          <div class="choices">
            {CLOSED_STATES.map((s) => (
              <label class="check chip" key={s}><input type="checkbox" checked={f.states.includes(s)} onChange={(e) => toggle(s, e.currentTarget.checked)} /><span>{OUTCOME[s]}</span></label>
            ))}
          </div>
          <FieldError id="h-states" error={errors.states} />
        </fieldset>
        <div class="row">
          <button class="btn primary">Show</button>
          <button type="button" class="btn" disabled={!rows || shown.length === 0} onClick={() => download(`history-${location.slug}-${asked.from}-to-${asked.to}.csv`, "text/csv;charset=utf-8", historyCsv(shown, location.timezone))}>Download CSV</button>
        </div>
      </form>
      {loadError ? <div class="alert error" role="alert">{loadError}</div> : null}
      {!rows && !loadError ? <p class="row"><span class="spinner" /> Loading history…</p> : null}
      {rows ? (
        <p role="status" class="muted" data-testid="history-count">
          {shown.length === 1 ? "1 party" : `${shown.length} parties`} from {asked.from} to {asked.to}
          {cut ? ` (the first ${rows.length} closed; narrow the dates to see the rest)` : ""}
          {shown.length > SHOWN ? `; the first ${SHOWN} are shown, the download has all` : ""}.
        </p>
      ) : null}
      {rows && shown.length > 0 ? (
        <table class="list history">
          <thead><tr><th scope="col">Closed</th><th scope="col">Name</th><th scope="col">Size</th><th scope="col">Outcome</th><th scope="col">Waited</th><th scope="col">Phone</th><th scope="col">Notes</th></tr></thead>
          <tbody>
            {shown.slice(0, SHOWN).map((p) => (
              <tr key={p.id} data-party={p.name}>
                <td>{local(p.closedAt)}</td>
                <th scope="row">{p.name}</th>
                <td>{p.partySize}</td>
                <td><span class={`tag ${p.status}`}>{OUTCOME[p.status as ClosedState] ?? p.status}</span>{p.closedBy === "automatic" ? <span class="muted small" data-testid="closed-by"> automatic (hold ran out)</span> : null}</td>
                <td>{p.seatedAt ? minutes(Math.round((Date.parse(p.seatedAt) - Date.parse(p.createdAt)) / 60_000)) : "–"}<span class="muted small"> / quoted {minutes(p.quotedWaitMinutes)}</span></td>
                <td>{p.phone ?? "–"}</td>
                <td>{[...p.tags, p.notes].filter(Boolean).join(" · ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Section>
  );
}
