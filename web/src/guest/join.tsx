// Self check-in, the page a QR code at the door points to. Nothing is pre-ticked; the phone is for
// texts about this visit only; a closed or full line says when to come back and offers booking.
// The form itself is shared with the kiosk (join-form.tsx).
import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { api, ApiError } from "../shared/api";
import { Icon } from "../shared/icons";
import { navigate } from "../shared/router";
import type { PublicLocation } from "../shared/types";
import { useI18n } from "./i18n/context";
import type { Formats } from "./i18n/format";
import { JoinForm, lineChanged } from "./join-form";
import { PlaceFacts } from "./place";
import { GuestHeader, Loading, Notice, usePlace, useTitle } from "./shell";

export function JoinPage({ slug }: { slug: string }) {
  const { tr, lang } = useI18n();
  const [loc, setLoc] = useState<PublicLocation | null>(null);
  const [missing, setMissing] = useState(false);
  const fmt = usePlace(loc);
  useTitle(loc ? tr.t("join.docTitle", { name: loc.name }) : tr.t("join.title"));

  const load = () =>
    api<PublicLocation>(`/api/public/locations/${encodeURIComponent(slug)}`).then(setLoc, (e) => {
      if (e instanceof ApiError && e.status === 404) setMissing(true);
    });
  useEffect(() => {
    void load();
    const t = setInterval(load, 30_000);
    return () => clearInterval(t);
  }, [slug]);

  if (missing) return <Notice state="unknown" icon="x" title={tr.t("join.notFoundTitle")} body={tr.t("join.notFoundBody")} />;
  if (!loc || !fmt) return <Loading text={tr.t("common.loading")} />;

  const bookLink = loc.booking.online ? <a class="btn primary" href={`/book/${encodeURIComponent(loc.slug)}`}>{tr.t("join.bookInstead")}</a> : null;
  return (
    <main class="guest">
      <GuestHeader name={loc.name} logoUrl={loc.logoUrl} />
      {!loc.open || loc.full ? (
        <LineShut loc={loc} fmt={fmt}>{bookLink}</LineShut>
      ) : (
        <JoinForm
          loc={loc}
          fmt={fmt}
          onJoined={(r) => {
            const to = new URL(r.statusUrl, location.href);
            navigate(`${to.pathname}${lang === loc.language ? "" : `?lang=${encodeURIComponent(lang)}`}`);
          }}
          onFailed={(err) => lineChanged(err) && void load()}
        />
      )}
      <PlaceFacts loc={loc} fmt={fmt} />
      {fmt.elsewhere(Date.now()) ? <p class="muted small">{tr.t("common.zoneNote", { zone: fmt.zoneName() })}</p> : null}
    </main>
  );
}

/** A closed or full line: when it opens next, and what to do meanwhile (the page adds its own way on). */
export function LineShut({ loc, fmt, children }: { loc: PublicLocation; fmt: Formats; children?: ComponentChildren }) {
  const { tr } = useI18n();
  return (
    <section class="card hero ended" data-state={loc.open ? "full" : "closed"}>
      <Icon name="clock" class="state-icon" />
      <h1>{tr.t(loc.open ? "join.fullTitle" : "join.closedTitle")}</h1>
      {loc.open ? (
        <p>{tr.t("join.fullBody")}</p>
      ) : (
        <>
          {loc.nextOpenAt ? <p data-testid="opens-next">{tr.t("join.opensNext", { day: fmt.day(loc.nextOpenAt), time: fmt.time(loc.nextOpenAt) })}</p> : null}
          <p>{tr.t("join.closedBody")}</p>
        </>
      )}
      {children}
    </section>
  );
}
