// A guest's place in line, live: position, parties ahead, estimate; "on my way" and "leave the line".
import { useEffect, useState } from "preact/hooks";
import { api, errorText, wsUrl } from "../shared/api";
import { minutes, plural, useTitle } from "../shared/format";
import { Icon } from "../shared/icons";
import { LiveSocket, type LiveState } from "../shared/live";
import type { GuestServerMessage, GuestStatusAnswer } from "../shared/types";

export function StatusPage({ token }: { token: string }) {
  const [status, setStatus] = useState<GuestStatusAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [live, setLive] = useState<LiveState>("connecting");
  const [busy, setBusy] = useState(false);
  const [confirmLeave, setConfirmLeave] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  useTitle(status ? status.restaurant : "Your place in line");

  useEffect(() => {
    const path = `/api/public/parties/${encodeURIComponent(token)}`;
    api<GuestStatusAnswer>(path).then(setStatus, (e) => setError(errorText(e)));
    const socket = new LiveSocket<GuestServerMessage>({
      url: async () => wsUrl(`${path}/live`),
      onState: setLive,
      onMessage: (msg) => {
        if (msg.type !== "status") return;
        const { type: _t, version: _v, ...s } = msg;
        // A status without a range (the estimate fell back to intervals) drops the old one.
        setStatus((prev) => (prev ? { ...prev, estimateRange: undefined, ...s } : prev));
      },
      onFatal: (_code, message) => setError(message || "This link is no longer valid."),
    });
    return () => socket.stop();
  }, [token]);

  async function onMyWay() {
    setBusy(true);
    setActionError(null);
    try {
      const s = await api<GuestStatusAnswer>(`/api/public/parties/${encodeURIComponent(token)}/on-my-way`, { method: "POST" });
      setStatus((prev) => (prev ? { ...prev, ...s } : prev));
    } catch (e) {
      setActionError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  async function leave() {
    setBusy(true);
    setActionError(null);
    try {
      const s = await api<Partial<GuestStatusAnswer>>(`/api/public/parties/${encodeURIComponent(token)}/cancel`, { method: "POST" });
      setStatus((prev) => (prev ? { ...prev, ...s } : prev));
      setConfirmLeave(false);
    } catch (e) {
      setActionError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  if (error && !status) {
    return (
      <main class="guest">
        <div class="card hero ended" data-state="invalid">
          <Icon name="x" class="state-icon" />
          <h1>This link doesn't work</h1>
          <p>{error}</p>
        </div>
      </main>
    );
  }
  if (!status) {
    return (
      <main class="guest" aria-busy="true">
        <p class="row"><span class="spinner" /> Loading your place in line…</p>
      </main>
    );
  }

  const s = status;
  const active = s.state === "waiting" || s.state === "notified";
  return (
    <main class="guest">
      <header>
        <Icon name="logo" class="brand-icon" width={28} height={28} />
        <span class="name">{s.restaurant}</span>
        <span class="spacer" />
        {active ? <span class={`live-dot ${live === "open" ? "" : "off"}`}>{live === "open" ? "Live" : "Reconnecting…"}</span> : null}
      </header>
      <p class="muted">
        {s.partyName}, party of {s.size}
      </p>
      <section class={`card hero ${s.state === "notified" ? "ready" : active ? "" : "ended"}`} data-state={s.state} aria-live="polite">
        {s.state === "waiting" ? (
          <>
            <p>You're number</p>
            <p class="big" data-testid="position">{s.position}</p>
            <p>in line</p>
          </>
        ) : s.state === "notified" ? (
          <>
            <Icon name="bell" class="state-icon" />
            <h1>Your table is ready!</h1>
            <p>Please come to the host stand now.</p>
          </>
        ) : s.state === "seated" ? (
          <>
            <Icon name="check" class="state-icon" />
            <h1>You're seated</h1>
            <p>Enjoy your meal at {s.restaurant}.</p>
          </>
        ) : (
          <>
            <Icon name="door" class="state-icon" />
            <h1>You're no longer in line</h1>
            <p>{s.state === "left" ? "You left the line." : s.state === "no_show" ? "We couldn't find you when your table was ready." : "Your spot was cancelled."} Ask the host if this is a mistake.</p>
          </>
        )}
      </section>
      {s.state === "waiting" ? (
        <div class="facts">
          <div class="fact">
            <b>{s.ahead ?? 0}</b> {s.ahead === 1 ? "party" : "parties"} ahead
          </div>
          <div class="fact">
            <b>{minutes(s.estimateMinutes)}</b> estimated wait
            {s.estimateRange && s.estimateRange.highMinutes > s.estimateRange.lowMinutes ? (
              <span class="range">
                likely {minutes(s.estimateRange.lowMinutes)} – {minutes(s.estimateRange.highMinutes)}
              </span>
            ) : null}
          </div>
        </div>
      ) : null}
      {s.state === "waiting" && s.quotedWait ? <p class="muted">Quoted {plural(s.quotedWait, "minute")} when you joined.</p> : null}
      {actionError ? <div class="alert error" role="alert">{actionError}</div> : null}
      {active ? (
        <div class="actions">
          {s.onMyWayAt ? (
            <div class="alert success" role="status">
              <b>Thanks — the host knows you're on your way.</b>
            </div>
          ) : (
            <button class="btn primary" disabled={busy} onClick={onMyWay}>
              <Icon name="walk" /> I'm on my way
            </button>
          )}
          {confirmLeave ? (
            <div class="card stack" role="group" aria-label="Leave the line?">
              <p><b>Leave the line?</b> You'll lose your place.</p>
              <div class="row">
                <button class="btn danger" disabled={busy} onClick={leave}>Yes, leave the line</button>
                <button class="btn" onClick={() => setConfirmLeave(false)}>Stay in line</button>
              </div>
            </div>
          ) : (
            <button class="btn" onClick={() => setConfirmLeave(true)}>Leave the line</button>
          )}
        </div>
      ) : null}
    </main>
  );
}
