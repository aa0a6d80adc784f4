// Guest pages: a party's live status (/w/:token), self check-in (/join/:slug), the kiosk on the
// restaurant's tablet (/join/:slug?kiosk=…), booking (/book/...), feedback after the meal
// (/feedback/:token), all in the guest's language (i18n/).
import { render } from "preact";
import "./guest.css";
import { match, onLinkClick, usePath } from "../shared/router";
import { StatusPage } from "./status";
import { JoinPage } from "./join";
import type { KioskPage as KioskPageType } from "./kiosk";
import { useEffect, useState } from "preact/hooks";
import { BookPage, MANAGE_TOKEN } from "./book";
import { ManageBookingPage } from "./manage";
import type { FeedbackPage as FeedbackPageType } from "./feedback";
import { I18nProvider, useI18n } from "./i18n/context";
import { Loading, Notice } from "./shell";

/** The kiosk link's token: the page is the restaurant's tablet, guest after guest. */
const kiosk = new URLSearchParams(location.search).get("kiosk");

/** The kiosk page (and its QR encoder) loads only on a kiosk, so a guest's own phone never fetches it. */
function LazyKiosk(props: { slug: string; token: string }) {
  const { tr } = useI18n();
  const [Page, setPage] = useState<typeof KioskPageType | null>(null);
  useEffect(() => {
    void import("./kiosk").then((m) => setPage(() => m.KioskPage));
  }, []);
  return Page ? <Page {...props} /> : <Loading text={tr.t("common.loading")} />;
}

/** The rating page loads only from a feedback link: the pages a guest opens while waiting carry none of it. */
function LazyFeedback(props: { token: string }) {
  const { tr } = useI18n();
  const [Page, setPage] = useState<typeof FeedbackPageType | null>(null);
  useEffect(() => {
    void import("./feedback").then((m) => setPage(() => m.FeedbackPage));
  }, []);
  return Page ? <Page {...props} /> : <Loading text={tr.t("common.loading")} />;
}

function Guest() {
  const path = usePath();
  const { tr } = useI18n();
  let m: Record<string, string> | null;
  if ((m = match("/w/:token", path))) return <StatusPage key={m.token} token={m.token!} />;
  if ((m = match("/join/:slug", path))) return kiosk !== null ? <LazyKiosk key={m.slug} slug={m.slug!} token={kiosk} /> : <JoinPage key={m.slug} slug={m.slug!} />;
  if ((m = match("/feedback/:token", path))) return <LazyFeedback key={m.token} token={m.token!} />;
  if ((m = match("/book/:x", path))) return MANAGE_TOKEN.test(m.x!) ? <ManageBookingPage token={m.x!} /> : <BookPage slug={m.x!} />;
  return <Notice state="not-found" icon="x" title={tr.t("common.notFoundTitle")} body={tr.t("common.notFoundBody")} />;
}

document.addEventListener("click", onLinkClick);
render(
  <I18nProvider ephemeral={kiosk !== null}>
    <Guest />
  </I18nProvider>,
  document.getElementById("root")!,
);
