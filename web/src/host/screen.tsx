// The host screen: the live line, add party, actions with Undo, reorder, a party opened under its
// row, the inbox of replies, and the reservation book beside the waitlist. Updates arrive over the
// live socket; a lost connection shows a banner, reconnects with backoff and resumes from the last
// version it saw. Every time shown is in the location's zone.
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { ApiError, errorText, wsUrl } from "../shared/api";
import { timeOf, useTitle } from "../shared/format";
import { Icon } from "../shared/icons";
import { LiveSocket, type LiveState } from "../shared/live";
import type { Location, MessageView, PartyView, RestMessage, RestParty, Reservation, ReservationView, WaitlistSettings } from "../shared/types";
import { activeRows, apply, applyRest, emptyLine, fromRest, newPartyWait, putMessage, recentlyClosed, searchRows, unreadReplies, type HostMessage, type Line, type Row } from "./line";
import { AddParty, type NewParty } from "./add-party";
import { chimeCount, useSound } from "./alerts";
import { Inbox } from "./inbox";
import { PartyDetail } from "./party-detail";
import { PartyRow } from "./party-row";
import { ReservationsPanel } from "./reservations";
import { FloorPanel } from "./floor";
import { fromRestFloor, type FloorTable, type RestFloorTable } from "./floor-view";
import { authed, getSession, setSession } from "./session";
import { SideTabs } from "./side-tabs";
import { Toast, useToast } from "./toast";
import { useDrag } from "./drag";
import { holdMinutes } from "./party-fields";
import { FeedbackBadge, toastText, useFeedbackAlerts } from "./feedback-alerts";
import { useGuestBook } from "./guest-history";
import { GuestMark } from "./guest-card";
import "./host-screen.css";

declare global {
  interface Window {
    /** Debug and test hook: drop the live connection as a network failure would. */
    seatline?: { dropLive: () => void; version: () => number; chimes: () => number };
  }
}

const toMs = (r: Reservation): ReservationView => ({ ...r, start: Date.parse(r.start), end: Date.parse(r.end), createdAt: Date.parse(r.createdAt), updatedAt: Date.parse(r.updatedAt) });

interface Pending {
  key: string;
  party: NewParty;
}

const DONE: Record<string, string> = { seat: "seated", cancel: "cancelled", no_show: "no-show" };

export function HostScreen({ location: loc }: { location: Location }) {
  const zone = loc.timezone;
  const [line, setLine] = useState<Line>(emptyLine);
  const lineRef = useRef(line);
  lineRef.current = line;
  const [live, setLive] = useState<LiveState>("connecting");
  const [attempt, setAttempt] = useState(0);
  const [everOpen, setEverOpen] = useState(false);
  const [now, setNow] = useState(Date.now());
  const [selected, setSelected] = useState<string | null>(null);
  const [panel, setPanel] = useState<"add" | "floor" | "reservations" | "inbox">("add");
  /** The waiting party picked on the Floor panel, to seat at a table. */
  const [pick, setPick] = useState<string | null>(null);
  const { toast, show, dismiss } = useToast();
  // Feedback after the meal (issue 22): a low score is a toast and a badge (feedback-alerts.tsx).
  const feedback = useFeedbackAlerts(loc.id);
  const onFeedback = useRef<(msg: HostMessage) => void>(() => {});
  onFeedback.current = (msg) => {
    if (msg.type !== "event" || (msg.event !== "feedback.received" && msg.event !== "feedback.updated")) return;
    const low = feedback.take(msg.feedback, msg.event);
    if (low) {
      chime();
      show({ text: toastText(low) });
    }
  };
  const [reservationsAvailable, setReservationsAvailable] = useState<boolean | null>(null);
  const [pending, setPending] = useState<Pending[]>(() => JSON.parse(localStorage.getItem(`seatline.pending.${loc.id}`) ?? "[]"));
  const [showAdd, setShowAdd] = useState(false);
  /** The server closed the live channel for good (session ended, access removed, location gone). */
  const [ended, setEnded] = useState<{ code: string; message: string } | null>(null);
  const [query, setQuery] = useState("");
  const [unseen, setUnseen] = useState<Set<string>>(new Set());
  const [readAt, setReadAt] = useState<Record<string, number>>(() => JSON.parse(localStorage.getItem(`seatline.read.${loc.id}`) ?? "{}"));
  const [soundOn, setSound, chime] = useSound();
  const [unreachable, setUnreachable] = useState<PartyView | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const socketRef = useRef<LiveSocket<HostMessage> | null>(null);
  const canSetUp = getSession()?.user.role !== "host";
  useTitle(`${loc.name} · Waitlist`);

  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(t);
  }, []);
  useEffect(() => localStorage.setItem(`seatline.read.${loc.id}`, JSON.stringify(readAt)), [readAt]);

  async function loadReservations() {
    try {
      const today = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
      const r = await authed<{ reservations: Reservation[] }>(`/api/locations/${loc.id}/reservations?date=${today}`);
      setReservationsAvailable(true);
      mergeReservations(r.reservations);
    } catch (e) {
      // Without the reservations API (404) the waitlist works alone.
      if (e instanceof ApiError && (e.status === 404 || e.status === 402 || e.status === 403)) setReservationsAvailable(false);
    }
  }
  async function loadFloor() {
    try {
      const r = await authed<{ tables: RestFloorTable[] }>(`/api/locations/${loc.id}/floor`);
      setFloor(fromRestFloor(r.tables));
    } catch {
      // The floor is an addition; the line works without it.
    }
  }
  const setFloor = (floor: FloorTable[]) => setLine((l) => ({ ...l, floor }));
  // Held and seated-for times move with the clock; the tables themselves arrive by socket.
  useEffect(() => {
    const t = setInterval(() => void loadFloor(), 60_000);
    return () => clearInterval(t);
  }, [loc.id]);

  const mergeReservations = (list: Reservation[]) => setLine((l) => {
    const reservations = new Map(l.reservations);
    for (const r of list) reservations.set(r.id, toMs(r));
    return { ...l, reservations };
  });

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
        // icons are a nicety; the conversation loads its own
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
        // News that arrives by itself (a self check-in, a guest's reply) chimes and gets a badge.
        const fresh = msg.type === "event" && lineRef.current.version >= 0 && msg.version > lineRef.current.version;
        if (fresh && msg.event === "party.created" && msg.party.source === "guest") {
          setUnseen((s) => new Set(s).add(msg.party.id));
          chime();
        }
        if (fresh && msg.event === "message.received" && msg.message.direction === "inbound") chime();
        const autoClosed = fresh && msg.event === "party.status_changed" && msg.party.status === "no_show" && msg.party.closedBy === "automatic";
        setLine((l) => apply(l, msg));
        if (autoClosed) onAutoNoShow.current(msg.party);
        if (fresh) onFeedback.current(msg);
        // A booking made, moved or closed changes which tables are held.
        if (msg.type === "event" && (msg.event === "reservation.created" || msg.event === "reservation.updated")) void loadFloor();
        if (msg.type === "snapshot") {
          void loadFloor();
          void loadReservations();
          void loadMessages(msg.parties);
        }
      },
    });
    socketRef.current = socket;
    window.seatline = { dropLive: () => socket.drop(), version: () => lineRef.current.version, chimes: chimeCount };
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

  // "a" anywhere outside a field goes to the Add form's Name field (as the skip link does).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "a" || e.ctrlKey || e.metaKey || e.altKey || document.querySelector("dialog[open]")) return;
      const t = e.target as HTMLElement;
      if (t.closest("input, textarea, select, [contenteditable]")) return;
      e.preventDefault();
      goToAdd();
    };
    addEventListener("keydown", onKey);
    addEventListener("seatline:add", goToAdd);
    return () => {
      removeEventListener("keydown", onKey);
      removeEventListener("seatline:add", goToAdd);
    };
  }, []);

  /**
   * The hold timer (server-side, domain/waitlist/hold.ts) marked a party a no-show: say so on this
   * screen, with Undo (Restore) and a way to notify the next party waiting.
   */
  const onAutoNoShow = useRef<(p: PartyView) => void>(() => {});
  onAutoNoShow.current = (p) => {
    const hold = holdMinutes(lineRef.current.settings);
    const nextUp = activeRows(lineRef.current).find((r) => r.status === "waiting" && r.id !== p.id);
    show({
      text: `${p.name} is now a no-show: not seated within ${hold} min of being notified.`,
      undo: () => void act(p, "restore", true).then(() => show({ text: `${p.name} is back in line.` })),
      ...(nextUp && { action: { label: `Notify next: ${nextUp.name}`, run: () => notify(nextUp) } }),
    });
  };

  const offline = live !== "open" && everOpen && !ended;
  // The server's figures while connected; worked out here from the intervals only while offline.
  const rows = useMemo(() => activeRows(line, offline), [line, offline]);
  const shown = useMemo(() => searchRows(rows, query), [rows, query]);
  // Returning guests in the line, looked up beside it (issue 22), never on the add path itself.
  const guests = useGuestBook(rows);
  const closed = useMemo(() => recentlyClosed(line, now), [line, now]);
  const replies = useMemo(() => unreadReplies(line, readAt), [line, readAt]);
  const newCheckIns = rows.filter((r) => unseen.has(r.id));
  const newCount = newCheckIns.length + replies.length;

  function goToAdd() {
    setSelected(null);
    setPanel("add");
    setShowAdd(true);
    requestAnimationFrame(() => document.getElementById("add-name")?.focus());
  }

  function open(id: string | null) {
    setSelected(id);
    if (!id) return;
    setUnseen((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : s));
    setReadAt((r) => ({ ...r, [id]: Date.now() }));
  }

  /** Focus the row now at `index` (the one that took a closed party's place), else the last, else Add. */
  function focusRowAt(index: number) {
    requestAnimationFrame(() => {
      const list = [...document.querySelectorAll<HTMLElement>("li.party button.who")];
      (list[Math.min(index, list.length - 1)] ?? document.getElementById("add-name"))?.focus();
    });
  }

  async function act(p: PartyView, action: string, quiet = false) {
    const index = shown.findIndex((r) => r.id === p.id);
    try {
      const r = await authed<RestParty>(`/api/locations/${loc.id}/waitlist/${p.id}/${action}`, { method: "POST" });
      setLine((l) => applyRest(l, r));
      if (quiet) return;
      if (DONE[action]) {
        setSelected((s) => (s === p.id ? null : s));
        show({ text: `${p.name} ${DONE[action]}.`, undo: () => void act(p, "restore", true).then(() => show({ text: `${p.name} is back in line.` })) });
        if (index >= 0) focusRowAt(index);
      } else if (action === "notify") {
        const texted = !!p.phone && p.smsConsent;
        show({ text: texted ? `${p.name} notified by text.` : `${p.name} marked notified. No text was sent.` });
      } else show({ text: `${p.name} ${action === "restore" ? "is back in line" : action}.` });
    } catch (e) {
      show({ text: errorText(e), error: true });
    }
  }

  function notify(p: PartyView) {
    if (p.phone && p.smsConsent) return void act(p, "notify");
    // Say so before pretending: this party gets no text.
    setUnreachable(p);
    requestAnimationFrame(() => dialog.current && !dialog.current.open && dialog.current.showModal());
  }
  function closeDialog(then?: () => void) {
    const p = unreachable;
    dialog.current?.close();
    setUnreachable(null);
    then?.();
    if (p) requestAnimationFrame(() => document.querySelector<HTMLElement>(`li.party[data-id="${p.id}"] button.notify`)?.focus());
  }

  async function move(p: Row, position: number, length = rows.length) {
    if (position < 1 || position > length || position === p.position) return;
    try {
      await authed<RestParty>(`/api/locations/${loc.id}/waitlist/${p.id}/move`, { body: { position } });
      show({ text: `${p.name} moved to #${position}.` });
    } catch (e) {
      show({ text: errorText(e), error: true });
    }
  }

  async function send(item: Pending): Promise<boolean> {
    try {
      const r = await authed<RestParty & { guestUrl: string }>(`/api/locations/${loc.id}/waitlist`, { body: item.party, headers: { "Idempotency-Key": item.key } });
      const { guestUrl: _link, ...party } = r;
      setLine((l) => applyRest(l, party));
      setPending((list) => list.filter((x) => x.key !== item.key));
      show({ text: `${r.name} added, #${r.position}.`, link: new URL(r.guestUrl).pathname });
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 0) return false;
      setPending((list) => list.filter((x) => x.key !== item.key));
      show({ text: errorText(e), error: true });
      return true;
    }
  }

  async function add(party: NewParty) {
    const item = { key: crypto.randomUUID(), party };
    if (!(await send(item))) {
      // Offline: keep it and send it (same Idempotency-Key, so never twice) once we are back.
      setPending((list) => [...list, item]);
      show({ text: `${party.name} will be added when the connection is back.`, error: true });
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

  const { dragId, dropId, startDrag } = useDrag((id, over) => {
    const list = activeRows(lineRef.current);
    const from = list.find((r) => r.id === id);
    const to = list.find((r) => r.id === over);
    if (from && to && from.id !== to.id) void move(from, to.position, list.length);
  });

  async function setCheckIn(open: boolean) {
    try {
      const s = await authed<WaitlistSettings>(`/api/locations/${loc.id}/waitlist-settings`, { method: "PATCH", body: { open } });
      setLine((l) => ({ ...l, settings: s }));
      show({ text: open ? "Self check-in is open." : "Self check-in is closed. Guests see that the line is closed." });
    } catch (e) {
      show({ text: errorText(e), error: true });
    }
  }

  const waitingCount = rows.length;
  const covers = rows.reduce((n, r) => n + r.partySize, 0);
  const checkInOpen = line.settings?.open !== false;
  const bookings = [...line.reservations.values()];

  const tabs = [
    { key: "add" as const, label: "Add party", panel: <AddParty settings={line.settings} estimate={(size) => newPartyWait(line, size, offline)} onAdd={add} onClose={() => setShowAdd(false)} /> },
    ...(line.floor.length > 0
      ? [{
          key: "floor" as const,
          label: "Floor",
          panel: (
            <FloorPanel
              location={loc}
              floor={line.floor}
              waiting={rows}
              reservations={bookings}
              onBooking={(r) => mergeReservations([r])}
              now={now}
              pick={pick}
              onPick={setPick}
              onFloor={setFloor}
              onSeated={(r, table) => {
                setLine((l) => applyRest(l, r));
                show({ text: `${r.name} seated at ${table}.`, undo: () => void act(fromRest(r, 0), "restore", true).then(() => show({ text: `${r.name} is back in line.` })) });
              }}
              onError={(m) => show({ text: m, error: true })}
            />
          ),
        }]
      : []),
    ...(reservationsAvailable
      ? [{
          key: "reservations" as const,
          label: "Reservations",
          panel: <ReservationsPanel location={loc} reservations={bookings} onLoaded={mergeReservations} onChange={(r) => mergeReservations([r])} onError={(m) => show({ text: m, error: true })} />,
        }]
      : []),
    { key: "inbox" as const, label: <>Inbox{newCount ? <span class="count"> ({newCount})</span> : null}</>, panel: <Inbox location={loc} checkIns={newCheckIns} replies={replies} parties={line.parties} onOpen={open} /> },
  ];

  return (
    <main class={`host ${selected ? "has-detail" : ""}`} id="main">
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
          <h1 id="line-title">Waitlist</h1>
          <span class="muted" data-testid="line-count">{waitingCount} {waitingCount === 1 ? "party" : "parties"} · {covers} guests</span>
          <FeedbackBadge alerts={feedback} timeZone={zone} />
          {newCount ? <button class="btn small badge" data-testid="new-badge" onClick={() => { setSelected(null); setPanel("inbox"); setShowAdd(true); }}>{newCount} new</button> : null}
          <span class="spacer" />
          <label class="sr-only" for="line-search">Search the line</label>
          <input id="line-search" class="search" type="search" placeholder="Search name or phone" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
          {canSetUp ? (
            <button class={`btn small switch ${checkInOpen ? "on" : "off"}`} role="switch" aria-checked={checkInOpen} onClick={() => setCheckIn(!checkInOpen)}>
              Self check-in <span aria-hidden="true" class="state">{checkInOpen ? "open" : "closed"}</span>
            </button>
          ) : (
            <span class={`pill ${checkInOpen ? "open" : "closed"}`}>{checkInOpen ? "Self check-in open" : "Self check-in closed"}</span>
          )}
          <button class={`btn small icon switch ${soundOn ? "on" : "off"}`} role="switch" aria-checked={soundOn} aria-label="Alert sound" title="Alert sound" onClick={() => setSound(!soundOn)}>
            <Icon name="bell" /><span aria-hidden="true" class="state">{soundOn ? "" : "off"}</span>
          </button>
          <button class="btn primary add-toggle" onClick={goToAdd}><Icon name="plus" /> Add</button>
        </div>
        {line.version < 0 ? (
          <p class="row muted"><span class="spinner" /> Loading the line…</p>
        ) : rows.length === 0 ? (
          <div class="empty"><p><b>No one is waiting.</b></p><p class="muted">Add a party, or let guests check in at <a href={`/join/${loc.slug}`} target="_blank">/join/{loc.slug}</a>.</p></div>
        ) : shown.length === 0 ? (
          <p class="empty">No party matches “{query.trim()}”.</p>
        ) : (
          <ol class="parties" aria-label="Parties in line">
            {shown.map((p) => (
              <PartyRow
                key={p.id}
                p={p}
                now={now}
                hold={holdMinutes(line.settings)}
                autoNoShow={line.settings?.autoNoShow ?? false}
                count={rows.length}
                messages={line.messages.get(p.id)}
                selected={selected === p.id}
                dragging={dragId === p.id}
                dropTarget={dropId === p.id && dragId !== p.id}
                isNew={unseen.has(p.id)}
                guestMark={<GuestMark guest={guests.of(p.phone)} />}
                onOpen={() => open(selected === p.id ? null : p.id)}
                onNotify={() => notify(p)}
                onSeat={() => act(p, "seat")}
                onMove={(pos) => move(p, pos)}
                onGrip={(e) => startDrag(e, p.id)}
              >
                {selected === p.id ? (
                  <PartyDetail
                    location={loc}
                    party={p}
                    settings={line.settings}
                    messages={line.messages.get(p.id) ?? []}
                    onMessages={(ms: MessageView[]) => setLine((l) => { let messages = l.messages; for (const m of ms) messages = putMessage(messages, m); return { ...l, messages }; })}
                    onAct={(action) => act(p, action)}
                    onClose={() => { setSelected(null); requestAnimationFrame(() => document.querySelector<HTMLElement>(`li.party[data-id="${p.id}"] button.who`)?.focus()); }}
                    onUpdated={(r: RestParty) => { setLine((l) => applyRest(l, r)); show({ text: `${r.name} saved.` }); }}
                    guests={guests}
                    onNews={(text, error) => show({ text, error })}
                    onSeatAtTable={line.floor.length > 0 ? () => {
                      setPick(p.id);
                      setSelected(null);
                      setPanel("floor");
                      setShowAdd(true);
                      requestAnimationFrame(() => document.getElementById("floor-party")?.focus());
                    } : undefined}
                  />
                ) : null}
              </PartyRow>
            ))}
          </ol>
        )}
        {closed.length ? (
          <details class="closed-list">
            <summary>Recently closed ({closed.length})</summary>
            <ul>
              {closed.map((p) => (
                <li key={p.id} class="row" data-party={p.name} data-state={p.status}>
                  <span class="spacer"><b>{p.name}</b> ({p.partySize}) — {p.status.replace("_", "-")}{p.closedBy === "automatic" ? " (automatic)" : ""} {p.closedAt ? timeOf(p.closedAt, zone) : ""}</span>
                  <button class="btn" aria-label={`Restore ${p.name}`} onClick={() => act(p, "restore")}><Icon name="undo" /> Restore</button>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>
      <aside class={`side ${showAdd ? "open" : ""}`} aria-label="Side panel">
        <SideTabs tabs={tabs} active={tabs.some((t) => t.key === panel) ? panel : "add"} onSelect={setPanel} />
      </aside>
      <dialog ref={dialog} class="card confirm-dialog" aria-labelledby="unreachable-title" onCancel={(e) => { e.preventDefault(); closeDialog(); }}>
        {unreachable ? (
          <>
            <h2 id="unreachable-title">{unreachable.name} can't get a text</h2>
            <p>{unreachable.name} has {unreachable.phone ? "not agreed to texts" : "no mobile number"}, so no text will go out. Call out their name, then mark them notified, or add a phone first.</p>
            <div class="row acts-gap">
              <button class="btn" onClick={() => closeDialog(() => open(unreachable.id))}>Add a phone</button>
              <button class="btn primary" autoFocus onClick={() => closeDialog(() => void act(unreachable, "notify"))}>Mark notified</button>
            </div>
          </>
        ) : null}
      </dialog>
      <Toast toast={toast} onDismiss={dismiss} />
    </main>
  );
}
