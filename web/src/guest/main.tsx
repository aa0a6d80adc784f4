// Guest pages: a party's live status (/w/:token), self check-in (/join/:slug), booking (/book/...),
// feedback after the meal (/feedback/:token),
// all in the guest's language (i18n/).
import { render } from "preact";
import "./guest.css";
import { match, onLinkClick, usePath } from "../shared/router";
import { StatusPage } from "./status";
import { JoinPage } from "./join";
import { BookPage, MANAGE_TOKEN } from "./book";
import { ManageBookingPage } from "./manage";
import { FeedbackPage } from "./feedback";
import { I18nProvider, useI18n } from "./i18n/context";
import { Notice } from "./shell";

function Guest() {
  const path = usePath();
  const { tr } = useI18n();
  let m: Record<string, string> | null;
  if ((m = match("/w/:token", path))) return <StatusPage key={m.token} token={m.token!} />;
  if ((m = match("/join/:slug", path))) return <JoinPage key={m.slug} slug={m.slug!} />;
  if ((m = match("/feedback/:token", path))) return <FeedbackPage key={m.token} token={m.token!} />;
  if ((m = match("/book/:x", path))) return MANAGE_TOKEN.test(m.x!) ? <ManageBookingPage token={m.x!} /> : <BookPage slug={m.x!} />;
  return <Notice state="not-found" icon="x" title={tr.t("common.notFoundTitle")} body={tr.t("common.notFoundBody")} />;
}

document.addEventListener("click", onLinkClick);
render(
  <I18nProvider>
    <Guest />
  </I18nProvider>,
  document.getElementById("root")!,
);
