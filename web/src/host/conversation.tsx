// A party's SMS conversation: the texts both ways, canned quick replies, and the compose box.
import { useEffect, useRef, useState } from "preact/hooks";
import { segmentInfo } from "../../../domain/sms/segments";
import { errorText } from "../shared/api";
import { timeOf } from "../shared/format";
import type { Location, MessageView, PartyView, RestMessage } from "../shared/types";
import { authed } from "./session";

/** One tap fills the box; the host can still change the words before sending. */
export const QUICK_REPLIES = [
  "Your table is ready. Please come to the host stand.",
  "We're running a few minutes behind. Thanks for waiting!",
  "We're holding your table for 10 more minutes.",
  "Thanks! See you soon.",
];

export function Conversation(props: { location: Location; party: PartyView; messages: MessageView[]; onMessages: (m: MessageView[]) => void }) {
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
  const canText = !!p.phone && p.smsConsent;
  return (
    <div class="texts">
      <h3>Texts</h3>
      <ol class="messages" aria-live="polite" aria-label={`Texts with ${p.name}`}>
        {messages.length === 0 ? <li class="muted">No texts yet.</li> : null}
        {messages.map((m) => (
          <li key={m.id} class={`msg ${m.direction}`}>
            <span class="bubble">{m.body}</span>
            <span class="meta small">
              {timeOf(m.createdAt, loc.timezone)} · {m.direction === "inbound" ? "reply" : m.status}
              {m.errorMessage ? <span class="sms-error"> — {m.errorMessage}</span> : null}
            </span>
          </li>
        ))}
        <li ref={end} aria-hidden="true" />
      </ol>
      {canText ? (
        <form onSubmit={send} class="compose">
          <div class="choices quick" role="group" aria-label="Quick replies">
            {QUICK_REPLIES.map((q) => (
              <button type="button" class="choice small quick-reply" key={q} onClick={() => setText(q)}>{q}</button>
            ))}
          </div>
          <label for="sms-text">Text {p.name}</label>
          <textarea id="sms-text" value={text} onInput={(e) => setText(e.currentTarget.value)} maxLength={640} rows={3} />
          <p class="hint small" aria-live="polite" data-testid="segments">
            {text.length} characters · {seg.encoding} · {seg.segments} {seg.segments === 1 ? "segment" : "segments"} · {seg.remaining} left
          </p>
          {error ? <div class="alert error" role="alert">{error}</div> : null}
          <button class="btn primary" disabled={busy || !text.trim()}>Send text</button>
        </form>
      ) : (
        <p class="muted small">{p.phone ? "This guest has not agreed to texts." : "No phone number: edit the party to add one."}</p>
      )}
    </div>
  );
}
