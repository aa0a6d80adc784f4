// The host app: sign-in pages, the host screen (/app) and settings (/app/settings/...).
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import "./host.css";
import { errorText } from "../shared/api";
import { Icon } from "../shared/icons";
import { leaveAllowed, match, navigate, onLinkClick, usePath } from "../shared/router";
import type { BillingNotice, Location, Session } from "../shared/types";
import { ConfirmSignupPage, ForgotPage, InvitePage, LoginPage, ResetPage, SignupPage } from "./auth";
import { HostScreen } from "./screen";
import { Poster } from "./qr/poster";
import { isSection, SECTIONS, Settings, type Section } from "./settings";
import { LeaveDialog } from "./settings/leave-guard";
import { InsightsRoute } from "./insights/route";
import { authed, getSession, signOut } from "./session";

function App() {
  const path = usePath();
  let m: Record<string, string> | null;
  // Already signed in: the sign-in page is one tap from the host screen, never a dead end.
  if (path === "/login" && getSession() && !new URLSearchParams(location.search).has("next")) return <SignedInAlready />;
  if (path === "/login") return <LoginPage />;
  if (path === "/signup") return <SignupPage />;
  if ((m = match("/signup/confirm/:token", path))) return <ConfirmSignupPage token={m.token!} />;
  if ((m = match("/invite/:token", path))) return <InvitePage token={m.token!} />;
  if (path === "/forgot-password") return <ForgotPage />;
  if ((m = match("/reset-password/:token", path))) return <ResetPage token={m.token!} />;
  return <Signed path={path} />;
}

function SignedInAlready() {
  const s = getSession()!;
  return (
    <main class="narrow">
      <div class="card auth-card stack">
        <h1>You're signed in</h1>
        <p>As {s.user.name} ({s.user.email}) at {s.account.name}.</p>
        <p class="row"><a class="btn primary" href="/app">Open the host screen</a><button class="btn" onClick={signOut}>Sign out</button></p>
      </div>
    </main>
  );
}

function Signed({ path }: { path: string }) {
  const session = getSession();
  const [locations, setLocations] = useState<Location[] | null>(null);
  const [locationId, setLocationId] = useState<string | null>(() => localStorage.getItem("seatline.location"));
  const [error, setError] = useState<string | null>(null);
  const [notices, setNotices] = useState<BillingNotice[]>([]);

  const reload = async () => {
    try {
      setLocations((await authed<{ locations: Location[] }>("/api/locations")).locations);
    } catch (e) {
      setError(errorText(e));
    }
  };
  useEffect(() => {
    if (!session) {
      navigate(`/login?next=${encodeURIComponent(path)}`, true);
      return;
    }
    void reload();
    // Billing notices are for owners; any other answer (403, 404 before billing exists) shows nothing.
    if (session.user.role === "owner") authed<{ notices?: BillingNotice[] }>("/api/billing").then((b) => setNotices(b.notices ?? []), () => {});
  }, [session?.token]);

  if (!session) return null;
  const loc = locations?.find((l) => l.id === locationId) ?? locations?.[0] ?? null;
  // /app/settings opens the first section; an address that names no section gets the in-app 404.
  const settingsPath = /^\/app\/settings(?:\/(.*?))?\/?$/.exec(path);
  const inSettings = settingsPath !== null;
  const inInsights = /^\/app\/insights\/?$/.test(path);
  const section: Section | null = !settingsPath ? null : !settingsPath[1] ? SECTIONS[0][0] : isSection(settingsPath[1]) ? settingsPath[1] : null;
  const poster = match("/app/poster/:locationId/:kind", path);
  const posterLoc = poster && (poster.kind === "join" || poster.kind === "book") ? locations?.find((l) => l.id === poster.locationId) : undefined;
  if (poster && locations) {
    return posterLoc ? <Poster loc={posterLoc} kind={poster.kind as "join" | "book"} /> : <main class="narrow"><h1>No such poster</h1><p><a href="/app/settings/qr">Back to QR codes</a></p></main>;
  }

  return (
    <div class="app">
      {!inSettings && !inInsights ? (
        // The first Tab stop: past the top bar and a long line, straight to the Add form's Name field.
        <a class="skip" href="#add-name" onClick={(e) => { e.preventDefault(); dispatchEvent(new Event("seatline:add")); }}>Skip to Add party</a>
      ) : null}
      <header class="topbar">
        <a class="brand" href="/app"><Icon name="logo" /> <span class="brand-name">Seatline</span></a>
        {locations && locations.length > 1 ? (
          <>
            <label for="loc-pick" class="sr-only">Location</label>
            <select id="loc-pick" class="auto" value={loc?.id} onChange={async (e) => {
              const select = e.currentTarget;
              const next = select.value;
              // Another location's settings would drop this one's unsaved edits.
              if (!(await leaveAllowed())) {
                select.value = loc?.id ?? "";
                return;
              }
              localStorage.setItem("seatline.location", next);
              setLocationId(next);
            }}>
              {locations.map((l) => <option value={l.id} key={l.id}>{l.name}</option>)}
            </select>
          </>
        ) : loc ? <span class="loc-name">{loc.name}</span> : null}
        <span class="spacer" />
        <nav class="row" aria-label="Main">
          <a class="btn ghost" href="/app" aria-current={inSettings || inInsights ? undefined : "page"}>Waitlist</a>
          <a class="btn ghost" href="/app/insights" aria-current={inInsights ? "page" : undefined}>Insights</a>
          <a class="btn ghost" href={`/app/settings/${SECTIONS[0][0]}`} aria-current={inSettings ? "page" : undefined}><Icon name="gear" /> <span class="hide-phone">Settings</span></a>
          <button class="btn ghost" onClick={async () => (await leaveAllowed()) && signOut()}>Sign out</button>
        </nav>
      </header>
      {notices.length || error ? (
        <section class="notices" aria-label="Notices">
          {notices.map((n) => <div class={`banner ${n.level}`} role={n.level === "error" ? "alert" : "status"} key={n.code}>{n.message}</div>)}
          {error ? <div class="alert error" role="alert">{error}</div> : null}
        </section>
      ) : null}
      {!loc ? (
        <main class="row pad"><span class="spinner" /> Loading…</main>
      ) : inInsights ? (
        <InsightsRoute session={session} locations={locations!} />
      ) : inSettings ? (
        <Settings section={section} session={session} location={loc} locations={locations!} reloadLocations={reload} />
      ) : (
        <HostScreen key={loc.id} location={loc} />
      )}
      <LeaveDialog />
    </div>
  );
}

document.addEventListener("click", onLinkClick);
render(<App />, document.getElementById("root")!);
