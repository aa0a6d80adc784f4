// Kiosk mode (issue 22): self check-in on the restaurant's own tablet, /join/<slug>?kiosk=<token>.
// The same form as the guest's own check-in page with larger touch targets, and nothing that leads
// away: no links, no status page. After a check-in the confirmation shows for a few seconds (the
// guest's place, and a QR code of their status link to scan with their own phone; the text they
// agreed to carries it too), then a clean form; a half-filled form is cleared after a minute without
// a touch. The guest's language choice lasts for that guest only. A revoked, replaced or mistyped
// kiosk link shows a page that says so instead of the form.
import { useEffect, useRef, useState } from "preact/hooks";
import { api, ApiError } from "../shared/api";
import { Icon } from "../shared/icons";
import type { KioskCheck, PublicLocation } from "../shared/types";
import { QrCode } from "../host/qr/qr-code";
import { useI18n } from "./i18n/context";
import type { Formats } from "./i18n/format";
import { JoinForm, lineChanged, type Joined } from "./join-form";
import { LineShut } from "./join";
import { GuestHeader, Loading, Notice, usePlace, useTitle } from "./shell";

/** How long the confirmation stays before the form is back for the next guest. */
export const KIOSK_CONFIRMATION_MS = 15_000;
/** A form left untouched this long is cleared (a guest who walked away). */
export const KIOSK_IDLE_MS = 60_000;
const POLL_MS = 30_000;
const ACTIVITY = ["pointerdown", "keydown", "input", "touchstart"] as const;

export function KioskPage({ slug, token }: { slug: string; token: string }) {
  const { tr, forget } = useI18n();
  const [loc, setLoc] = useState<PublicLocation | null>(null);
  const [invalid, setInvalid] = useState(false);
  const [round, setRound] = useState(0);
  const [joined, setJoined] = useState<Joined | null>(null);
  const fmt = usePlace(loc);
  useTitle(loc ? tr.t("kiosk.docTitle", { name: loc.name }) : tr.t("join.title"));
  const base = `/api/public/locations/${encodeURIComponent(slug)}`;

  const load = () =>
    api<PublicLocation>(base).then(setLoc, (e) => {
      if (e instanceof ApiError && e.status === 404) setInvalid(true);
    });
  const check = () =>
    api<KioskCheck>(`${base}/kiosk/${encodeURIComponent(token)}`).then(
      () => setInvalid(false),
      (e) => {
        // 404: revoked, replaced or another location's; 400: not even shaped like a token.
        if (e instanceof ApiError && (e.status === 404 || e.status === 400)) setInvalid(true);
      },
    );
  useEffect(() => {
    void check();
    void load();
    const t = setInterval(() => {
      void check();
      void load();
    }, POLL_MS);
    return () => clearInterval(t);
  }, [slug, token]);

  /** The next guest's screen: no confirmation, an empty form, the location's language, at the top. */
  const reset = () => {
    setJoined(null);
    setRound((r) => r + 1);
    forget();
    window.scrollTo(0, 0);
    void load();
  };
  const resetRef = useRef(reset);
  resetRef.current = reset;

  // A minute without a touch clears the form (and a confirmation nobody dismissed).
  useEffect(() => {
    let timer = setTimeout(() => resetRef.current(), KIOSK_IDLE_MS);
    const touched = () => {
      clearTimeout(timer);
      timer = setTimeout(() => resetRef.current(), KIOSK_IDLE_MS);
    };
    for (const ev of ACTIVITY) document.addEventListener(ev, touched, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const ev of ACTIVITY) document.removeEventListener(ev, touched, { capture: true });
    };
  }, []);

  if (invalid) return <Notice state="kiosk-invalid" icon="x" title={tr.t("kiosk.invalidTitle")} body={tr.t("kiosk.invalidBody")} />;
  if (!loc || !fmt) return <Loading text={tr.t("common.loading")} />;
  return (
    <main class="guest kiosk" data-kiosk-round={round}>
      <GuestHeader name={loc.name} logoUrl={loc.logoUrl} />
      {joined ? (
        <Confirmation joined={joined} fmt={fmt} onDone={reset} />
      ) : !loc.open || loc.full ? (
        <LineShut loc={loc} fmt={fmt} />
      ) : (
        <JoinForm
          key={round}
          loc={loc}
          fmt={fmt}
          idPrefix="kiosk"
          extra={{ kioskToken: token }}
          onJoined={setJoined}
          onFailed={(err) => {
            if (err instanceof ApiError && (err.status === 404 || err.details.some((d) => d.path === "kioskToken"))) setInvalid(true);
            else if (lineChanged(err)) void load();
          }}
        />
      )}
    </main>
  );
}

function Confirmation({ joined, fmt, onDone }: { joined: Joined; fmt: Formats; onDone: () => void }) {
  const { tr } = useI18n();
  const [left, setLeft] = useState(Math.round(KIOSK_CONFIRMATION_MS / 1000));
  const done = useRef(onDone);
  done.current = onDone;
  useEffect(() => {
    const started = Date.now();
    const tick = setInterval(() => {
      const remaining = Math.max(0, Math.ceil((started + KIOSK_CONFIRMATION_MS - Date.now()) / 1000));
      setLeft(remaining);
      if (remaining === 0) done.current();
    }, 1000);
    return () => clearInterval(tick);
  }, []);
  const url = new URL(joined.statusUrl, location.href).href;
  const { position, estimateMinutes } = joined.status;
  return (
    <section class="card hero kiosk-done" data-testid="kiosk-confirmation">
      <Icon name="check" class="state-icon" />
      <h1>{tr.t("kiosk.doneTitle", { name: joined.name })}</h1>
      {position !== null ? <p class="big-line">{tr.t("status.position", { position })}</p> : null}
      {estimateMinutes !== null ? <p>{tr.t("status.estimate", { wait: fmt.minutes(estimateMinutes) })}</p> : null}
      {joined.smsConsent ? <p>{tr.t("kiosk.texted")}</p> : null}
      <figure class="kiosk-scan">
        <QrCode value={url} label={tr.t("kiosk.qrLabel")} class="kiosk-qr" />
        <figcaption>{tr.t("kiosk.scan")}</figcaption>
      </figure>
      <p class="muted" data-testid="kiosk-resets">{tr.t("kiosk.resetsIn", { count: left })}</p>
      <button type="button" class="btn primary block" onClick={onDone}>{tr.t("kiosk.done")}</button>
    </section>
  );
}
