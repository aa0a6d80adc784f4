// Feedback after the meal (/feedback/<token>, issue 22): the link in the text after a visit. One tap
// on 1–5 records the rating at once; an optional comment follows (the same answer sent again, which
// changes it). In the guest's language, like every guest page; the token is the only key.
import { useEffect, useState } from "preact/hooks";
import { api, ApiError } from "../shared/api";
import type { GuestFeedback } from "../shared/feedback-types";
import type { MessageKey } from "./i18n/catalogue";
import { useI18n } from "./i18n/context";
import { errorMessage, GuestHeader, Loading, Notice, usePlace, useTitle } from "./shell";

const RATINGS = [1, 2, 3, 4, 5] as const;

export function FeedbackPage({ token }: { token: string }) {
  const { tr } = useI18n();
  const [data, setData] = useState<GuestFeedback | null>(null);
  const [gone, setGone] = useState<"missing" | "expired" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState(false);
  const [commentSent, setCommentSent] = useState(false);
  const base = `/api/public/feedback/${encodeURIComponent(token)}`;
  // The page opens in the guest's own language (chosen at check-in or booking) unless they pick another.
  usePlace(data ? { ...data.location, language: data.language } : null);
  useTitle(data ? tr.t("feedback.docTitle", { name: data.location.name }) : tr.t("feedback.title"));

  const failed = (e: unknown) => {
    if (e instanceof ApiError && e.status === 404) setGone("missing");
    else if (e instanceof ApiError && e.status === 410) setGone("expired");
    else setError(errorMessage(tr, e));
  };

  useEffect(() => {
    api<GuestFeedback>(base).then((d) => {
      setData(d);
      setComment(d.comment ?? "");
    }, failed);
  }, [token]);

  async function send(body: { rating: number; comment?: string }) {
    setBusy(true);
    setError(null);
    try {
      const d = await api<GuestFeedback>(base, { method: "POST", body });
      setData(d);
      return true;
    } catch (e) {
      failed(e);
      return false;
    } finally {
      setBusy(false);
    }
  }

  if (gone === "missing") return <Notice state="invalid" icon="x" title={tr.t("feedback.notFoundTitle")} body={tr.t("feedback.notFoundBody")} />;
  if (gone === "expired") return <Notice state="expired" icon="clock" title={tr.t("feedback.expiredTitle")} body={tr.t("feedback.expiredBody")} />;
  if (!data) return error ? <Notice state="error" icon="x" title={tr.t("feedback.title")} body={error} /> : <Loading text={tr.t("common.loading")} />;
  const rated = data.rating;
  const label = (n: number) => tr.t(`feedback.rating${n}` as MessageKey);
  return (
    <main class="guest feedback">
      <GuestHeader name={data.location.name} logoUrl={data.location.logoUrl} />
      <section class="card hero">
        <h1>{tr.t("feedback.title")}</h1>
        <p>{tr.t("feedback.greeting", { name: data.name })}</p>
        <fieldset class="field bare">
          <legend>
            <b>{tr.t("feedback.prompt")}</b>
          </legend>
          <div class="choices ratings" role="group">
            {RATINGS.map((n) => (
              <button
                type="button"
                class="choice rating"
                aria-pressed={rated === n}
                disabled={busy}
                data-rating={n}
                onClick={() => void send({ rating: n })}
                key={n}
              >
                <span class="rating-number">{tr.value(n)}</span> <span class="rating-label">{label(n)}</span>
              </button>
            ))}
          </div>
        </fieldset>
        <p aria-live="polite" data-testid="feedback-thanks">
          {rated ? (
            <>
              <b>{tr.t("feedback.thanks", { rating: tr.value(rated) })}</b> <span class="muted">{tr.t("feedback.change")}</span>
            </>
          ) : null}
        </p>
      </section>
      {rated ? (
        <form
          class="card"
          onSubmit={async (e) => {
            e.preventDefault();
            if (await send({ rating: rated, comment })) setCommentSent(true);
          }}
        >
          <div class="field">
            <label for="feedback-comment">{tr.t("feedback.commentLabel")}</label>
            <textarea id="feedback-comment" rows={4} maxLength={1000} value={comment} onInput={(e) => setComment(e.currentTarget.value)} aria-describedby="feedback-comment-hint" />
            <p class="hint" id="feedback-comment-hint">{tr.t("feedback.commentHint")}</p>
          </div>
          <button class="btn primary block" type="submit" disabled={busy || !comment.trim()}>{tr.t("feedback.send")}</button>
          {commentSent ? <div class="alert success" role="status">{tr.t("feedback.sent")}</div> : null}
        </form>
      ) : null}
      {error ? <div class="alert error" role="alert">{error}</div> : null}
    </main>
  );
}
