// Feedback after the meal on the host screen (issue 22): a low score arrives over the live socket
// (feedback.received / feedback.updated with feedback.low) and shows as a toast and a badge; the
// badge opens the low answers of the last day (GET …/feedback-alerts, so a screen opened later has
// them too). What this device has seen is remembered per location, like the inbox's "seen".
import { useEffect, useRef, useState } from "preact/hooks";
import { timeOf } from "../shared/format";
import type { Feedback, FeedbackView } from "../shared/feedback-types";
import { authed } from "./session";
import "./feedback.css";

/** One low answer as the badge lists it: the REST shape and the socket's view made one. */
export interface LowAnswer {
  id: string;
  name: string;
  partySize: number;
  rating: number;
  comment: string | null;
  answeredAt: number;
}

const fromRest = (f: Feedback): LowAnswer => ({ id: f.id, name: f.name, partySize: f.partySize, rating: f.rating, comment: f.comment, answeredAt: Date.parse(f.answeredAt) });
const fromView = (f: FeedbackView): LowAnswer => ({ id: f.id, name: f.name, partySize: f.partySize, rating: f.rating, comment: f.comment, answeredAt: f.answeredAt });

function seenKey(locationId: string) {
  return `seatline.feedback.seen.${locationId}`;
}

export function useFeedbackAlerts(locationId: string) {
  const [items, setItems] = useState<LowAnswer[]>([]);
  const [seen, setSeen] = useState<Set<string>>(() => new Set(JSON.parse(localStorage.getItem(seenKey(locationId)) ?? "[]") as string[]));
  useEffect(() => {
    authed<{ items: Feedback[] }>(`/api/locations/${locationId}/feedback-alerts`).then(
      (r) => setItems((now) => merge(now, r.items.map(fromRest))),
      () => {
        // The badge is a nicety: the live events still bring new ones.
      },
    );
  }, [locationId]);
  /** Ids listed now, kept beside the state so a socket event can tell a new low answer at once. */
  const listed = useRef(new Set<string>());
  useEffect(() => {
    listed.current = new Set(items.map((i) => i.id));
  }, [items]);
  /** A feedback event from the socket: returns the answer when it is newly low (worth a toast). */
  const take = (f: FeedbackView, event: "feedback.received" | "feedback.updated"): LowAnswer | null => {
    const a = fromView(f);
    const had = listed.current.has(a.id);
    if (!f.low) {
      if (had) setItems((now) => now.filter((x) => x.id !== a.id));
      return null;
    }
    listed.current.add(a.id);
    setItems((now) => merge(now, [a]));
    return event === "feedback.received" || !had ? a : null;
  };
  const markSeen = () => {
    const next = new Set([...seen, ...items.map((i) => i.id)]);
    // Only ids still listed are worth keeping.
    localStorage.setItem(seenKey(locationId), JSON.stringify([...next].slice(-200)));
    setSeen(next);
  };
  const unseen = items.filter((i) => !seen.has(i.id)).length;
  return { items, unseen, take, markSeen };
}

function merge(now: LowAnswer[], more: LowAnswer[]): LowAnswer[] {
  const byId = new Map(now.map((x) => [x.id, x]));
  for (const m of more) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => b.answeredAt - a.answeredAt);
}

export function toastText(a: LowAnswer): string {
  return `${a.name} rated their visit ${a.rating}/5${a.comment ? `: “${a.comment}”` : "."}`;
}

/** The badge in the line's header and the dialog it opens. */
export function FeedbackBadge({ alerts, timeZone }: { alerts: ReturnType<typeof useFeedbackAlerts>; timeZone: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  if (alerts.items.length === 0) return null;
  const open = () => ref.current?.showModal();
  const close = () => {
    ref.current?.close();
    alerts.markSeen();
  };
  return (
    <>
      <button class={`btn small badge feedback-low ${alerts.unseen ? "" : "seen"}`} data-testid="feedback-badge" onClick={open}>
        {alerts.unseen ? `${alerts.unseen} low ${alerts.unseen === 1 ? "rating" : "ratings"}` : "Low ratings"}
      </button>
      <dialog ref={ref} class="card feedback-dialog" aria-labelledby="feedback-title" onCancel={(e) => { e.preventDefault(); close(); }}>
        <h2 id="feedback-title">Low ratings today</h2>
        <p class="muted small">Guests who rated their visit low in the last 24 hours. All feedback is in Insights.</p>
        <ul class="plain" data-testid="feedback-list">
          {alerts.items.map((a) => (
            <li key={a.id} class="feedback-item">
              <b>{a.name}</b> ({a.partySize}) · <span data-testid="feedback-rating">{a.rating}/5</span> <span class="muted small">{timeOf(a.answeredAt, timeZone)}</span>
              {a.comment ? <p class="feedback-comment">“{a.comment}”</p> : <p class="muted small">No comment.</p>}
            </li>
          ))}
        </ul>
        <div class="row">
          <a class="btn" href="/app/insights">Open Insights</a>
          <button class="btn primary" autoFocus onClick={close}>Done</button>
        </div>
      </dialog>
    </>
  );
}
