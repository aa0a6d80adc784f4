// Guest pages: a party's live status (/w/:token), self check-in (/join/:slug), booking (/book/...).
import { render } from "preact";
import "./guest.css";
import { match, onLinkClick, usePath } from "../shared/router";
import { StatusPage } from "./status";
import { JoinPage } from "./join";
import { BookPage, ManageBookingPage, MANAGE_TOKEN } from "./book";

function Guest() {
  const path = usePath();
  let m: Record<string, string> | null;
  if ((m = match("/w/:token", path))) return <StatusPage key={m.token} token={m.token!} />;
  if ((m = match("/join/:slug", path))) return <JoinPage key={m.slug} slug={m.slug!} />;
  if ((m = match("/book/:x", path))) return MANAGE_TOKEN.test(m.x!) ? <ManageBookingPage token={m.x!} /> : <BookPage slug={m.x!} />;
  return (
    <main class="guest">
      <h1>Page not found</h1>
    </main>
  );
}

document.addEventListener("click", onLinkClick);
render(<Guest />, document.getElementById("root")!);
