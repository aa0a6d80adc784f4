// One party: details, the less common actions, and its SMS conversation.
import { useEffect, useRef, useState } from "preact/hooks";
import { segmentInfo } from "../../../domain/sms/segments";
import { errorText } from "../shared/api";
import { minutes, timeOf } from "../shared/format";
import { Icon } from "../shared/icons";
import type { Location, MessageView, PartyView, RestMessage, RestParty } from "../shared/types";
import { authed } from "./session";

export function Conversation(props: {
  location: Location;
  party: PartyView;
  messages: MessageView[];
  onMessages: (m: MessageView[]) => void;
  onAct: (action: string, label: string) => void;
  onClose: () => void;
  onUpdated: (p: RestParty) => void;
}) {
  const { location: loc, party: p, messages } = props;
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const end = useRef<HTMLLIElement>(null);
  const base = `/api/locations/${loc.id}/waitlist/${p.id}`;

  useEffect(() => {
    authed<{ messages: RestMessage[] }>(`${base}/messages`).then(
      (r) => props.onMessages(r.messages.map((m) => ({ ...m, partyId: p.id, createdAt: Date.parse(m.createdAt), updatedAt: Date.parse(m.updatedAt) }))),
      () => {},
    );
  }, [p.id]);
  useEffect(() => end.current?.scrollIntoView({ block: "nearest" }), [messages.length]);
  // Keyboard users land in the panel they opened, and Escape takes them back.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [p.id]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && props.onClose();
    addEventListener("keydown", onKey);
    return () => removeEventListener("keydown", onKey);
  }, []);

  async function send(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await authed(`${base}/messages`, { body: { body: text.trim() } });
      setText("");
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }
  const seg = segmentInfo(text);
  const active = p.state === "waiting" || p.state === "notified";
  const canText = !!p.phone && p.smsConsent;
  return (
    <section class="detail" aria-labelledby="detail-title">
      <div class="row">
        <h2 id="detail-title" tabIndex={-1} ref={heading}>{p.name} ({p.size})</h2>
        <span class="spacer" />
        <button class="btn ghost icon" aria-label="Close" onClick={props.onClose}><Icon name="x" /></button>
      </div>
      <p class="muted small">
        {p.state.replace("_", "-")} · joined {timeOf(p.createdAt)} · quoted {minutes(p.quotedWait)}
        {p.phone ? ` · ${p.phone}` : ""}
        {p.onMyWayAt ? ` · on the way since ${timeOf(p.onMyWayAt)}` : ""}
      </p>
      {p.notes ? <p class="notes">{p.notes}</p> : null}
      {active ? (
        <div class="row">
          <button class="btn danger" onClick={() => props.onAct("cancel", "cancelled")}>Cancel</button>
          <button class="btn danger" onClick={() => props.onAct("no-show", "no-show")}>No-show</button>
        </div>
      ) : (
        <button class="btn" onClick={() => props.onAct("restore", "restored")}><Icon name="undo" /> Restore</button>
      )}
      <h3>Texts</h3>
      <ol class="messages" aria-live="polite">
        {messages.length === 0 ? <li class="muted">No texts yet.</li> : null}
        {messages.map((m) => (
          <li key={m.id} class={`msg ${m.direction}`}>
            <span class="bubble">{m.body}</span>
            <span class="meta small">
              {timeOf(m.createdAt)} · {m.direction === "inbound" ? "reply" : m.status}
              {m.errorMessage ? <span class="sms-error"> — {m.errorMessage}</span> : null}
            </span>
          </li>
        ))}
        <li ref={end} aria-hidden="true" />
      </ol>
      {canText ? (
        <form onSubmit={send} class="compose">
          <label for="sms-text">Text {p.name}</label>
          <textarea id="sms-text" value={text} onInput={(e) => setText(e.currentTarget.value)} maxLength={640} rows={3} />
          <p class="hint small" aria-live="polite" data-testid="segments">
            {text.length} characters · {seg.encoding} · {seg.segments} {seg.segments === 1 ? "segment" : "segments"} · {seg.remaining} left
          </p>
          {error ? <div class="alert error" role="alert">{error}</div> : null}
          <button class="btn primary" disabled={busy || !text.trim()}>Send text</button>
        </form>
      ) : (
        <p class="muted small">{p.phone ? "This guest has not agreed to texts." : "No phone number."}</p>
      )}
    </section>
  );
}
