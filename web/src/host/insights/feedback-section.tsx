// Insights › Feedback (issue 22): the average rating, how the answers spread over 1–5, the low ones
// and the latest comments for the range and location chosen. Fetches its own report (GET
// /api/insights/feedback), so the other reports' loading is untouched.
import { useEffect, useState } from "preact/hooks";
import { errorText } from "../../shared/api";
import type { InsightsFeedback } from "../../shared/feedback-types";
import type { Location } from "../../shared/types";
import { authed } from "../session";
import { DataTable } from "./chart";

export function FeedbackSection({ query, locations }: { query: string; locations: Location[] }) {
  const [r, setR] = useState<InsightsFeedback | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const ctl = new AbortController();
    setError(null);
    authed<InsightsFeedback>(`/api/insights/feedback?${query}`, { signal: ctl.signal }).then(setR, (e) => (e as Error).name !== "AbortError" && setError(errorText(e)));
    return () => ctl.abort();
  }, [query]);
  const name = (id: string) => locations.find((l) => l.id === id)?.name ?? "";
  return (
    <section class="card insight" aria-labelledby="feedback-h" data-testid="insights-feedback">
      <h2 id="feedback-h">Feedback</h2>
      {error ? <p class="error-text" role="alert">{error}</p> : null}
      {!r ? (
        <p class="row"><span class="spinner" /> Loading…</p>
      ) : r.responses === 0 ? (
        <p class="lead">No feedback in this range. Switch it on under Settings › Feedback: guests are asked some minutes after they are seated.</p>
      ) : (
        <>
          <p class="lead">
            Average <b data-testid="feedback-average">{r.averageRating?.toFixed(2)}</b> out of 5 from {r.responses} {r.responses === 1 ? "answer" : "answers"}; {r.low} low.
          </p>
          <DataTable
            caption="Answers by rating"
            rows={[...r.distribution].reverse().map((d) => ({ rating: `${d.rating} out of 5`, count: d.count, share: `${Math.round((d.count / r.responses) * 100)}%` }))}
            columns={[
              { key: "rating", label: "Rating" },
              { key: "count", label: "Answers" },
              { key: "share", label: "Share" },
            ]}
          />
          {r.comments.length ? (
            <>
              <h3>Latest comments</h3>
              <ul class="plain feedback-comments">
                {r.comments.slice(0, 20).map((c) => (
                  <li key={c.id}>
                    <b>{c.rating}/5</b> “{c.comment}” <span class="muted small">{new Date(c.answeredAt).toLocaleString([], { dateStyle: "medium", timeStyle: "short" })}{r.locations.length > 1 ? ` · ${name(c.locationId)}` : ""}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
