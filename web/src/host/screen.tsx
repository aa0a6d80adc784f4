// The host screen: the live line, add party, actions, reorder, the SMS conversation, and the day's
// reservations beside the waitlist. Updates arrive over the live socket; a lost connection shows a
// banner, reconnects with backoff and resumes from the last version it saw.
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { ApiError, errorText, wsUrl } from "../shared/api";
import { minutes, timeOf, useTitle } from "../shared/format";
import { Icon } from "../shared/icons";
import { LiveSocket, type LiveState } from "../shared/live";
import type { Location, MessageView, PartyView, RestMessage, RestParty, Reservation, ReservationView } from "../shared/types";
import { activeRows, apply, applyRest, emptyLine, putMessage, recentlyClosed, smsStatus, type HostMessage, type Line, type Row } from "./line";
import { AddParty, type NewParty } from "./add-party";
import { Conversation } from "./conversation";
import { ReservationsPanel } from "./reservations";
import { authed, setSession } from "./session";

declare global {
  interface Window {
    /** Debug and test hook: drop the live connection as a network failure would. */
    seatline?: { dropLive: () => void; version: () => number };
  }
}

const toMs = (r: Reservation): ReservationView => ({ ...r, start: Date.parse(r.start), end: Date.parse(r.end), createdAt: Date.parse(r.createdAt), updatedAt: Date.parse(r.updatedAt) });

function localDate(timeZone: string) {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

interface Pending {
  key: string;
  party: NewParty;
}

export function HostScreen({ location: loc }: { location: Location }) {
  const [line, setLine] = useState<Line>(emptyLine);
  const lineRef = useRef(line);
  lineRef.current = line;
  const [live, setLive] = useState<LiveState>("connecting");
  const [attempt, setAttempt] = useState(0);
  const [everOpen, setEverOpen] = useState(false);
  const [now, setNow] = useState(Date.now());
  const [selected, setSelected] = useState<string | null>(null);
  const [panel, setPanel] = useState<"add" | "reservations">("add");
  const [toast, setToast] = useState<{ text: string; link?: string; error?: boolean } | null>(null);
  const [reservationsAvailable, setReservationsAvailable] = useState<boolean | null>(null);
  const [pending, setPending] = useState<Pending[]>(() => JSON.parse(localStorage.getItem(`seatline.pending.${loc.id}`) ?? "[]"));
  const [dragId, setDragId] = useState<string | null>(null);
  const [showAdd, setShowAdd] = useState(false);
  /** The server closed the live channel for good (session ended, access removed, location gone). */
  const [ended, setEnded] = useState<{ code: string; message: string } | null>(null);
  const socketRef = useRef<LiveSocket<HostMessage> | null>(null);
  useTitle(`${loc.name} · Waitlist`);

  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(t);
  }, []);

  async function loadReservations() {
    try {
      const r = await authed<{ reservations: Reservation[] }>(`/api/locations/${loc.id}/reservations?date=${localDate(loc.timezone)}`);
      setReservationsAvailable(true);
      setLine((l) => ({ ...l, reservations: new Map(r.reservations.map((x) => [x.id, toMs(x)])) }));
    } catch (e) {
      // Without the reservations API (404) the waitlist works alone.
      if (e instanceof ApiError && (e.status === 404 || e.status === 402 || e.status === 403)) setReservationsAvailable(false);
    }
  }

  async function loadMessages(parties: PartyView[]) {
    for (const p of parties.filter((x) => x.phone && x.smsConsent).slice(0, 40)) {
      try {
        const r = await authed<{ messages: RestMessage[] }>(`/api/locations/${loc.id}/waitlist/${p.id}/messages`);
        setLine((l) => {
          let messages = l.messages;
          for (const m of r.messages) messages = putMessage(messages, { ...m, partyId: p.id, createdAt: Date.parse(m.createdAt), updatedAt: Date.parse(m.updatedAt) });
          return { ...l, messages };
        });
      } catch {
        // icons are a nicety; the conversation panel loads its own
      }
    }
  }

  useEffect(() => {
    const socket = new LiveSocket<HostMessage>({
      url: async () => {
        const t = await authed<{ url: string }>(`/api/locations/${loc.id}/live-ticket`, { method: "POST" });
        const v = lineRef.current.version;
        return wsUrl(v >= 0 ? `${t.url}&since=${v}` : t.url);
      },
      onState: (s, n) => {
        setLive(s);
        setAttempt(n);
        if (s === "open") {
          setEverOpen(true);
          void flushPending();
        }
      },
      onFatal: (code, message) => {
        // A session the server ended is over here too: the next page asks to sign in.
        if (code === "4401") setSession(null);
        setEnded({ code, message });
      },
      onMessage: (msg) => {
        setLine((l) => apply(l, msg));
        if (msg.type === "snapshot") {
          void loadReservations();
          void loadMessages(msg.parties);
        }
      },
    });
    socketRef.current = socket;
    window.seatline = { dropLive: () => socket.drop(), version: () => lineRef.current.version };
    return () => socket.stop();
  }, [loc.id]);

  useEffect(() => {
    localStorage.setItem(`seatline.pending.${loc.id}`, JSON.stringify(pending));
    if (pending.length === 0) return;
    // Queued adds go out as soon as the network is back (the socket may never have noticed it was gone).
    const retry = () => void flushPending();
    const t = setInterval(retry, 5000);
    addEventListener("online", retry);
    return () => {
      clearInterval(t);
      removeEventListener("online", retry);
    };
  }, [pending]);

  const rows = useMemo(() => activeRows(line), [line]);
  const closed = useMemo(() => recentlyClosed(line, now), [line, now]);

  const toastTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  function show(text: string, error = false, link?: string) {
    setToast({ text, error, link });
    if (toastTimer.current) clearTimeout(toastTimer.current);
    // Long enough to read or tap the guest link; errors stay until dismissed.
    if (!error) toastTimer.current = setTimeout(() => setToast(null), 12_000);
  }

  async function act(p: PartyView, action: string, label: string) {
    try {
      const r = await authed<RestParty>(`/api/locations/${loc.id}/waitlist/${p.id}/${action}`, { method: "POST" });
      setLine((l) => applyRest(l, r));
      show(`${p.name}: ${label}`);
    } catch (e) {
      show(errorText(e), true);
    }
  }

  async function move(p: Row, position: number, length = rows.length) {
    if (position < 1 || position > length || position === p.position) return;
    try {
      await authed<RestParty>(`/api/locations/${loc.id}/waitlist/${p.id}/move`, { body: { position } });
      show(`${p.name} moved to #${position}`);
    } catch (e) {
      show(errorText(e), true);
    }
  }

  async function send(item: Pending): Promise<boolean> {
    try {
      const r = await authed<{ party: RestParty; guestUrl: string }>(`/api/locations/${loc.id}/waitlist`, { body: item.party, headers: { "Idempotency-Key": item.key } });
      setLine((l) => applyRest(l, r.party));
      setPending((list) => list.filter((x) => x.key !== item.key));
      show(`${r.party.name} added, #${r.party.position}.`, false, new URL(r.guestUrl).pathname);
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 0) return false;
      setPending((list) => list.filter((x) => x.key !== item.key));
      show(errorText(e), true);
      return true;
    }
  }

  async function add(party: NewParty) {
    const item = { key: crypto.randomUUID(), party };
    if (!(await send(item))) {
      // Offline: keep it and send it (same Idempotency-Key, so never twice) once we are back.
      setPending((list) => [...list, item]);
      show(`${party.name} will be added when the connection is back.`, true);
    }
  }

  const flushing = useRef(false);
  async function flushPending() {
    if (flushing.current) return;
    flushing.current = true;
    try {
      const items: Pending[] = JSON.parse(localStorage.getItem(`seatline.pending.${loc.id}`) ?? "[]");
      for (const item of items) if (!(await send(item))) return;
    } finally {
      flushing.current = false;
    }
  }

  // Drag to reorder by the grip, with pointer events so it works the same with a finger, a pen or a
  // mouse (HTML5 drag and drop does not fire for touch on most tablets). Keyboard users have ↑/↓.
  const [dropId, setDropId] = useState<string | null>(null);
  function startDrag(e: PointerEvent, id: string) {
    e.preventDefault();
    const grip = e.currentTarget as HTMLElement;
    grip.setPointerCapture(e.pointerId);
    setDragId(id);
    let over: string | null = null;
    const rowAt = (ev: PointerEvent) => (document.elementFromPoint(ev.clientX, ev.clientY)?.closest("li.party") as HTMLElement | null)?.dataset.id ?? null;
    const onMove = (ev: PointerEvent) => {
      over = rowAt(ev) ?? over;
      setDropId(over);
    };
    const onUp = () => {
      grip.removeEventListener("pointermove", onMove);
      grip.removeEventListener("pointerup", onUp);
      grip.removeEventListener("pointercancel", onUp);
      setDragId(null);
      setDropId(null);
      const list = activeRows(lineRef.current);
      const from = list.find((r) => r.id === id);
      const to = list.find((r) => r.id === over);
      if (from && to && from.id !== to.id) void move(from, to.position, list.length);
    };
    grip.addEventListener("pointermove", onMove);
    grip.addEventListener("pointerup", onUp);
    grip.addEventListener("pointercancel", onUp);
  }

  const selectedParty = selected ? line.parties.get(selected) ?? null : null;
  const offline = live !== "open" && everOpen && !ended;
  const waitingCount = rows.length;
  const covers = rows.reduce((n, r) => n + r.size, 0);

  return (
    <div class={`host ${selectedParty ? "has-detail" : ""}`}>
      {offline ? (
        <div class="banner offline" role="status" data-testid="offline-banner">
          <Icon name="wifiOff" /> Connection lost. Reconnecting{attempt > 1 ? ` (attempt ${attempt})` : ""}… Changes made elsewhere will appear when it is back.
          <button class="btn" onClick={() => socketRef.current?.retryNow()}>Retry now</button>
        </div>
      ) : null}
      {ended ? (
        <div class="banner offline" role="alert" data-testid="live-ended" data-code={ended.code}>
          <Icon name="wifiOff" /> {ended.message} The live line has stopped.
          {ended.code === "4401" || ended.code === "4403" ? (
            <a class="btn" href={`/login?next=${encodeURIComponent(location.pathname)}`}>Sign in</a>
          ) : (
            <a class="btn" href="/app">Back to locations</a>
          )}
        </div>
      ) : null}
      {pending.length ? <div class="banner pending" role="status" data-testid="pending-banner">{pending.length} {pending.length === 1 ? "party" : "parties"} waiting to be added…</div> : null}
      <section class="line" aria-labelledby="line-title">
        <div class="line-head">
          <h2 id="line-title">Waitlist</h2>
          <span class="muted" data-testid="line-count">{waitingCount} {waitingCount === 1 ? "party" : "parties"} · {covers} guests</span>
          <span class="spacer" />
          <span class={`pill ${line.settings?.open === false ? "closed" : "open"}`}>{line.settings?.open === false ? "Self check-in closed" : "Self check-in open"}</span>
          <button class="btn primary add-toggle" onClick={() => setShowAdd(true)}><Icon name="plus" /> Add</button>
        </div>
        {line.version < 0 ? (
          <p class="row muted"><span class="spinner" /> Loading the line…</p>
        ) : rows.length === 0 ? (
          <div class="empty"><p><b>No one is waiting.</b></p><p class="muted">Add a party, or let guests check in at <a href={`/join/${loc.slug}`} target="_blank">/join/{loc.slug}</a>.</p></div>
        ) : (
          <ol class="parties" aria-label="Parties in line">
            {rows.map((p) => {
              const waited = Math.max(0, Math.floor((now - p.createdAt) / 60000));
              const sms = smsStatus(line.messages.get(p.id));
              const late = p.quotedWait > 0 && waited > p.quotedWait;
              return (
                <li
                  key={p.id}
                  class={`party ${p.state} ${dragId === p.id ? "dragging" : ""} ${dropId === p.id && dragId !== p.id ? "drop-target" : ""} ${selected === p.id ? "selected" : ""}`}
                  data-party={p.name}
                  data-state={p.state}
                  data-id={p.id}
                >
                  <span class="grip" aria-hidden="true" onPointerDown={(e) => startDrag(e, p.id)}><Icon name="grip" /></span>
                  <span class="pos" aria-label={`Position ${p.position}`}>{p.position}</span>
                  <button class="who linkish" onClick={() => setSelected(p.id === selected ? null : p.id)} aria-expanded={selected === p.id}>
                    <span class="name">{p.name}</span>
                    <span class="size" aria-label={`party of ${p.size}`}>{p.size}</span>
                    {p.state === "notified" ? <span class="tag notified">Notified{p.notifyCount > 1 ? ` ×${p.notifyCount}` : ""}</span> : null}
                    {p.onMyWayAt ? <span class="tag omw"><Icon name="walk" /> On the way</span> : null}
                    {p.source === "self_check_in" ? <span class="tag self">Self check-in</span> : null}
                    {p.tags.map((t) => <span class="tag" key={t}>{t}</span>)}
                  </button>
                  <span class={`wait ${late ? "late" : ""}`}>
                    <b>{minutes(waited)}</b>
                    <span class="muted small">quoted {minutes(p.quotedWait)} · est {minutes(p.estimateMinutes)}</span>
                  </span>
                  <span class="sms">
                    {sms ? <Icon name={sms.icon} title={sms.label} class={`sms-${sms.icon}`} /> : p.phone && p.smsConsent ? <Icon name="sms" title="Texts allowed" class="sms-none" /> : null}
                    {sms?.error ? <span class="sms-error" role="note">{sms.error}</span> : null}
                  </span>
                  <span class="acts">
                    <button class="btn notify" onClick={() => act(p, "notify", p.state === "notified" ? "notified again" : "notified")}>
                      <Icon name="bell" /> {p.state === "notified" ? "Again" : "Notify"}
                    </button>
                    <button class="btn primary seat" onClick={() => act(p, "seat", "seated")}>
                      <Icon name="check" /> Seat
                    </button>
                    <span class="movers">
                      <button class="btn ghost icon" aria-label={`Move ${p.name} up`} disabled={p.position === 1} onClick={() => move(p, p.position - 1)}><Icon name="up" /></button>
                      <button class="btn ghost icon" aria-label={`Move ${p.name} down`} disabled={p.position === rows.length} onClick={() => move(p, p.position + 1)}><Icon name="down" /></button>
                    </span>
                  </span>
                </li>
              );
            })}
          </ol>
        )}
        {closed.length ? (
          <details class="closed-list">
            <summary>Recently closed ({closed.length})</summary>
            <ul>
              {closed.map((p) => (
                <li key={p.id} class="row" data-party={p.name} data-state={p.state}>
                  <span class="spacer"><b>{p.name}</b> ({p.size}) — {p.state.replace("_", "-")} {p.closedAt ? timeOf(p.closedAt) : ""}</span>
                  <button class="btn" onClick={() => act(p, "restore", "restored")}><Icon name="undo" /> Restore</button>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>
      <aside class={`side ${showAdd ? "open" : ""}`} aria-label="Side panel">
        {selectedParty ? (
          <Conversation
            location={loc}
            party={selectedParty}
            messages={line.messages.get(selectedParty.id) ?? []}
            onMessages={(ms: MessageView[]) => setLine((l) => { let messages = l.messages; for (const m of ms) messages = putMessage(messages, m); return { ...l, messages }; })}
            onAct={(action, label) => act(selectedParty, action, label)}
            onClose={() => setSelected(null)}
            onUpdated={(p: RestParty) => setLine((l) => applyRest(l, p))}
          />
        ) : (
          <>
            {reservationsAvailable ? (
              <div class="tabs" role="tablist">
                <button role="tab" aria-selected={panel === "add"} class="tab" onClick={() => setPanel("add")}>Add party</button>
                <button role="tab" aria-selected={panel === "reservations"} class="tab" onClick={() => setPanel("reservations")}>
                  Reservations ({[...line.reservations.values()].filter((r) => r.status !== "cancelled").length})
                </button>
              </div>
            ) : null}
            {panel === "reservations" && reservationsAvailable ? (
              <ReservationsPanel location={loc} reservations={[...line.reservations.values()]} onChange={(r: Reservation) => setLine((l) => ({ ...l, reservations: new Map(l.reservations).set(r.id, toMs(r)) }))} onError={(m: string) => show(m, true)} />
            ) : (
              <AddParty settings={line.settings} onAdd={add} onClose={() => setShowAdd(false)} />
            )}
          </>
        )}
      </aside>
      {toast ? (
        <div class={`toast ${toast.error ? "error" : ""}`} role={toast.error ? "alert" : "status"} data-testid="toast">
          <span>{toast.text}</span>
          {toast.link ? <a href={toast.link} target="_blank" rel="noopener" data-testid="guest-link">Guest page</a> : null}
          <button class="btn ghost icon" aria-label="Dismiss" onClick={() => setToast(null)}><Icon name="x" /></button>
        </div>
      ) : null}
    </div>
  );
}
