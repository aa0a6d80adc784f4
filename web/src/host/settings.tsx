// Settings: locations, waitlist rules, SMS templates (live segment count), team and invitations,
// data retention, and the developer page; the setup pages (tables, hours, booking rules, QR codes,
// history, billing, your data) live in settings/, one file each.
import { GUEST_LANGUAGES } from "../../../domain/languages";
import { useEffect, useState } from "preact/hooks";
import { errorText } from "../shared/api";
import { Icon } from "../shared/icons";
import type { BandMinutes, Invite, Location, Member, Retention, Role, Session, SmsSettingsView, TemplateKind, WaitlistSettings } from "../shared/types";
import { authed } from "./session";
import { AccountPage } from "./settings/account";
import { BillingPage } from "./settings/billing";
import { BoardFields } from "./settings/board";
import { BrandingPage } from "./settings/branding";
import { BookingRulesPage } from "./settings/booking-rules";
import { DeveloperPage } from "./settings/developer";
import { formFailure, type FieldErrors } from "./settings/field-errors";
import { described, FieldError } from "./settings/fields";
import { HistoryPageView } from "./settings/history";
import { HoursPage } from "./settings/hours";
import { KioskPage } from "./settings/kiosk";
import { useLeaveGuard } from "./settings/leave-guard";
import { QrPage } from "./settings/qr";
import { SmsCost } from "./settings/sms-cost-view";
import { TablesPage } from "./settings/tables";
import { checkZone } from "./settings/time-zones";
import { TimeZonePicker } from "./settings/time-zone-picker";
import { WidgetPage } from "./settings/widget";
import "./settings/setup.css";

export const SECTIONS = [
  ["locations", "Locations"],
  ["qr", "QR codes"],
  ["tables", "Tables"],
  ["hours", "Opening hours"],
  ["booking", "Booking rules"],
  ["waitlist", "Waitlist rules"],
  ["branding", "Branding"],
  ["widget", "Website widget"],
  ["kiosk", "Kiosk"],
  ["sms", "SMS templates"],
  ["history", "History"],
  ["team", "Team"],
  ["billing", "Billing"],
  ["retention", "Data retention"],
  ["account", "Your data"],
  ["developer", "Developer"],
] as const;
export type Section = (typeof SECTIONS)[number][0];
export const isSection = (s: string): s is Section => SECTIONS.some(([id]) => id === s);

function useSaved() {
  const [msg, setMsg] = useState<{ text: string; error: boolean } | null>(null);
  const run = async (fn: () => Promise<unknown>, ok = "Saved.") => {
    setMsg(null);
    try {
      await fn();
      setMsg({ text: ok, error: false });
      return true;
    } catch (e) {
      setMsg({ text: errorText(e), error: true });
      return false;
    }
  };
  const view = msg ? <div class={`alert ${msg.error ? "error" : "success"}`} role={msg.error ? "alert" : "status"}>{msg.text}</div> : null;
  return [run, view] as const;
}

export function Settings({ section, session, location, locations, reloadLocations }: { section: Section | null; session: Session; location: Location; locations: Location[]; reloadLocations: () => Promise<void> }) {
  const admin = session.user.role !== "host";
  // On phones the section list scrolls sideways: keep the current one in view.
  useEffect(() => document.querySelector(".settings-nav [aria-current=page]")?.scrollIntoView({ block: "nearest", inline: "nearest" }), [section]);
  const readOnlyNote = section && !["developer", "history", "billing", "account", "qr"].includes(section);
  return (
    <div class="settings">
      <nav class="settings-nav" aria-label="Settings">
        <h1 class="settings-title">Settings</h1>
        {SECTIONS.map(([id, label]) => (
          <a key={id} href={`/app/settings/${id}`} aria-current={section === id ? "page" : undefined}>{label}</a>
        ))}
      </nav>
      <main class="settings-body">
        {!admin && readOnlyNote ? <div class="alert info">Only admins and owners can change settings. You can look.</div> : null}
        {section === null ? <NotFound /> : null}
        {section === "locations" ? <Locations locations={locations} reload={reloadLocations} /> : null}
        {section === "waitlist" ? <WaitlistRules location={location} /> : null}
        {section === "sms" ? <SmsTemplates location={location} /> : null}
        {section === "kiosk" ? <KioskPage key={location.id} location={location} canEdit={admin} /> : null}
        {section === "branding" ? <BrandingPage key={location.id} location={location} canEdit={admin} reload={reloadLocations} /> : null}
        {section === "widget" ? <WidgetPage key={location.id} location={location} canEdit={admin} /> : null}
        {section === "team" ? <Team session={session} /> : null}
        {section === "retention" ? <RetentionSettings /> : null}
        {section === "developer" ? <DeveloperPage locations={locations} canEdit={admin} /> : null}
        {section === "qr" ? <QrPage locations={locations} /> : null}
        {section === "tables" ? <TablesPage key={location.id} location={location} canEdit={admin} /> : null}
        {section === "hours" ? <HoursPage key={location.id} location={location} canEdit={admin} /> : null}
        {section === "booking" ? <BookingRulesPage key={location.id} location={location} canEdit={admin} /> : null}
        {section === "history" ? <HistoryPageView key={location.id} location={location} /> : null}
        {section === "billing" ? <BillingPage isOwner={session.user.role === "owner"} /> : null}
        {section === "account" ? <AccountPage session={session} /> : null}
      </main>
    </div>
  );
}

function NotFound() {
  return (
    <section>
      <h2>There is no such settings page</h2>
      <p>The address {location.pathname} does not match any page of the settings. It may be mistyped, or from an older version of Seatline.</p>
      <ul class="plain">{SECTIONS.map(([id, label]) => <li key={id}><a href={`/app/settings/${id}`}>{label}</a></li>)}</ul>
    </section>
  );
}

const LOCATION_FIELDS = ["name", "slug", "timezone", "phone", "address"];

function Locations({ locations, reload }: { locations: Location[]; reload: () => Promise<void> }) {
  const [run, saved] = useSaved();
  const [editing, setEditing] = useState<Partial<Location> & { id?: string } | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const was = editing?.id ? locations.find((l) => l.id === editing.id) : undefined;
  useLeaveGuard(!!editing && (editing.id ? LOCATION_FIELDS.some((k) => (editing[k as keyof Location] ?? "") !== (was?.[k as keyof Location] ?? "")) : !!editing.name), "location changes");
  async function save(e: Event) {
    e.preventDefault();
    if (!editing) return;
    const zone = checkZone(editing.timezone ?? "");
    const local: FieldErrors = {};
    if (!editing.name?.trim()) local.name = "Give the location a name.";
    if ("error" in zone) local.timezone = zone.error;
    setErrors(local);
    setFormError(Object.keys(local).length ? "Check the highlighted fields: nothing was saved." : null);
    if (Object.keys(local).length) return;
    const body = { name: editing.name, timezone: "zone" in zone ? zone.zone : editing.timezone, slug: editing.slug || undefined, phone: editing.phone || null, address: editing.address || null };
    try {
      await (editing.id ? authed(`/api/locations/${editing.id}`, { method: "PATCH", body }) : authed("/api/locations", { body }));
    } catch (err) {
      const f = formFailure(err, (p) => LOCATION_FIELDS.includes(p));
      setErrors(f.fields);
      setFormError(f.message);
      return;
    }
    await run(async () => {
      setEditing(null);
      await reload();
    });
  }
  const set = (k: keyof Location) => (e: Event) => setEditing({ ...editing, [k]: (e.currentTarget as HTMLInputElement).value });
  const text = (k: "name" | "slug" | "phone" | "address", label: string, max: number, type = "text") => (
    <div class={`field${errors[k] ? " has-error" : ""}`}>
      <label for={`loc-${k}`}>{label}</label>
      <input id={`loc-${k}`} type={type} value={editing?.[k] ?? ""} onInput={set(k)} maxLength={max} {...described(`loc-${k}`, errors[k])} />
      <FieldError id={`loc-${k}`} error={errors[k]} />
    </div>
  );
  return (
    <section>
      <h2>Locations</h2>
      {saved}
      <ul class="cards">
        {locations.map((l) => (
          <li class="card" key={l.id}>
            <div class="row">
              <b>{l.name}</b>
              <span class="muted">{l.timezone}</span>
              <span class="spacer" />
              <button class="btn" onClick={() => { setErrors({}); setFormError(null); setEditing(l); }} aria-label={`Edit ${l.name}`}>Edit</button>
            </div>
            <p class="small">
              Self check-in: <a href={`/join/${l.slug}`} target="_blank">{location.origin}/join/{l.slug}</a>
              <br />
              Online booking: <a href={`/book/${l.slug}`} target="_blank">{location.origin}/book/{l.slug}</a>
              <br />
              <a class="btn small" href="/app/settings/qr">QR codes and posters</a>
            </p>
          </li>
        ))}
      </ul>
      {editing ? (
        <form class="card" onSubmit={save} noValidate>
          <h3>{editing.id ? `Edit ${was?.name ?? editing.name}` : "New location"}</h3>
          {formError ? <div class="alert error" role="alert">{formError}</div> : null}
          {text("name", "Name", 120)}
          {text("slug", "Address of its pages (slug)", 63)}
          <TimeZonePicker id="loc-tz" value={editing.timezone ?? ""} error={errors.timezone} onChange={(v) => setEditing({ ...editing, timezone: v })} />
          {text("phone", "Phone", 32, "tel")}
          {text("address", "Address", 500)}
          <div class="row"><button class="btn primary">Save</button><button type="button" class="btn" onClick={() => setEditing(null)}>Cancel</button></div>
        </form>
      ) : (
        <button class="btn" onClick={() => { setErrors({}); setFormError(null); setEditing({ name: "", timezone: Intl.DateTimeFormat().resolvedOptions().timeZone }); }}><Icon name="plus" /> Add a location</button>
      )}
    </section>
  );
}

const BANDS = ["1-2", "3-4", "5-6", "7+"] as const;

function WaitlistRules({ location }: { location: Location }) {
  const [s, setS] = useState<WaitlistSettings | null>(null);
  const [was, setWas] = useState<WaitlistSettings | null>(null);
  const [run, saved] = useSaved();
  useEffect(() => {
    authed<WaitlistSettings>(`/api/locations/${location.id}/waitlist-settings`).then((v) => { setS(v); setWas(v); }, () => {});
  }, [location.id]);
  useLeaveGuard(!!s && JSON.stringify(s) !== JSON.stringify(was), "waitlist rules");
  const [errors, setErrors] = useState<FieldErrors>({});
  // The tags field keeps what is typed (commas and all); the list follows it.
  const [tagText, setTagText] = useState<string | null>(null);
  if (!s) return <span class="spinner" />;
  const tagsShown = tagText ?? s.tags.join(", ");
  const band = (k: "quoteMinutes" | "intervalMinutes", b: keyof BandMinutes) => (e: Event) => setS({ ...s, [k]: { ...s[k], [b]: Number((e.currentTarget as HTMLInputElement).value) } });
  async function save(e: Event) {
    e.preventDefault();
    setErrors({});
    await run(async () => {
      try {
        const next = await authed<WaitlistSettings>(`/api/locations/${location.id}/waitlist-settings`, { method: "PATCH", body: s });
        setS(next);
        setWas(next);
        setTagText(null);
      } catch (err) {
        const f = formFailure(err, (p) => ["maxLength", "maxPartySize", "phoneCountryCode", "holdMinutes", "tags", "language", "accentColor"].includes(p) || /^(quoteMinutes|intervalMinutes|tags)\./.test(p)).fields;
        // A problem with one tag (tags.3) is shown at the one tags field.
        for (const k of Object.keys(f)) if (k.startsWith("tags.")) f.tags ??= f[k]!;
        setErrors(f);
        throw err;
      }
    });
  }
  return (
    <form onSubmit={save} noValidate>
      <h2>Waitlist rules — {location.name}</h2>
      {saved}
      <div class="field">
        <label class="check"><input type="checkbox" checked={s.open} onChange={(e) => setS({ ...s, open: e.currentTarget.checked })} /><span>Self check-in is open (guests can join from /join)</span></label>
      </div>
      <div class="field">
        <label class="check"><input type="checkbox" checked={s.autoNoShow} onChange={(e) => setS({ ...s, autoNoShow: e.currentTarget.checked })} aria-describedby="wl-auto-hint" /><span>Mark a notified party a no-show by itself when its hold runs out</span></label>
        <p class="hint" id="wl-auto-hint">The hold below counts from the notify, or from the guest's “on my way” after it. Every host screen sees the no-show at once and can undo it with Restore.</p>
      </div>
      <div class="grid2">
        <div class={`field${errors.maxLength ? " has-error" : ""}`}><label for="wl-max">Most parties in line for self check-in (empty = no limit)</label><input id="wl-max" type="number" min={1} max={1000} value={s.maxLength ?? ""} onInput={(e) => setS({ ...s, maxLength: e.currentTarget.value ? Number(e.currentTarget.value) : null })}  {...described("wl-max", errors.maxLength)} /><FieldError id="wl-max" error={errors.maxLength} /></div>
        <div class={`field${errors.maxPartySize ? " has-error" : ""}`}><label for="wl-size">Largest party size</label><input id="wl-size" type="number" min={1} max={100} value={s.maxPartySize} onInput={(e) => setS({ ...s, maxPartySize: Number(e.currentTarget.value) })}  {...described("wl-size", errors.maxPartySize)} /><FieldError id="wl-size" error={errors.maxPartySize} /></div>
        <div class={`field${errors.holdMinutes ? " has-error" : ""}`}><label for="wl-hold">Minutes a notified party is held before it shows as late</label><input id="wl-hold" type="number" min={1} max={120} value={s.holdMinutes} onInput={(e) => setS({ ...s, holdMinutes: Number(e.currentTarget.value) })} {...described("wl-hold", errors.holdMinutes)} /><FieldError id="wl-hold" error={errors.holdMinutes} /></div>
        <div class={`field${errors.tags ? " has-error" : ""}`}><label for="wl-tags">Tags hosts can pick (separated by commas)</label><input id="wl-tags" type="text" value={tagsShown} maxLength={700} onInput={(e) => { const v = e.currentTarget.value; setTagText(v); setS({ ...s, tags: v.split(",").map((t) => t.trim()).filter(Boolean) }); }} {...described("wl-tags", errors.tags)} /><FieldError id="wl-tags" error={errors.tags} /></div>
        <div class={`field${errors.phoneCountryCode ? " has-error" : ""}`}><label for="wl-cc">Country code for numbers typed without +</label><input id="wl-cc" type="text" inputMode="numeric" value={s.phoneCountryCode} onInput={(e) => setS({ ...s, phoneCountryCode: e.currentTarget.value })} maxLength={3} {...described("wl-cc", errors.phoneCountryCode)} /><FieldError id="wl-cc" error={errors.phoneCountryCode} /></div>
        <div class={`field${errors.language ? " has-error" : ""}`}><label for="wl-lang">Guest pages and texts open in</label><select id="wl-lang" value={s.language} onChange={(e) => setS({ ...s, language: e.currentTarget.value as WaitlistSettings["language"] })} {...described("wl-lang", errors.language)}>{GUEST_LANGUAGES.map((l) => <option value={l} key={l}>{new Intl.DisplayNames(["en"], { type: "language" }).of(l)} ({new Intl.DisplayNames([l], { type: "language" }).of(l)})</option>)}</select><FieldError id="wl-lang" error={errors.language} /></div>
      </div>
      <table class="bands">
        <caption>Minutes by party size</caption>
        <thead><tr><th scope="col">Party size</th><th scope="col">Default quote</th><th scope="col">Minutes between seatings (until there is history)</th></tr></thead>
        <tbody>
          {BANDS.map((b) => (
            <tr key={b}>
              <th scope="row">{b}</th>
              <td><input id={`wl-q-${b}`} aria-label={`Default quote for ${b}`} type="number" min={0} max={600} value={s.quoteMinutes[b]} onInput={band("quoteMinutes", b)} {...described(`wl-q-${b}`, errors[`quoteMinutes.${b}`])} /><FieldError id={`wl-q-${b}`} error={errors[`quoteMinutes.${b}`]} /></td>
              <td><input id={`wl-i-${b}`} aria-label={`Minutes between seatings for ${b}`} type="number" min={1} max={240} value={s.intervalMinutes[b]} onInput={band("intervalMinutes", b)} {...described(`wl-i-${b}`, errors[`intervalMinutes.${b}`])} /><FieldError id={`wl-i-${b}`} error={errors[`intervalMinutes.${b}`]} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      <BoardFields s={s} setS={setS} location={location} />
      <button class="btn primary">Save rules</button>
    </form>
  );
}

const KIND_LABELS: Record<TemplateKind, string> = {
  joined: "Joined the line",
  almost_up: "Almost up",
  table_ready: "Table ready",
  cancelled: "Cancelled",
  reservation_confirmation: "Reservation confirmed",
  reservation_changed: "Reservation changed",
  reservation_cancelled: "Reservation cancelled",
  reservation_reminder: "Reservation reminder",
};

function SmsTemplates({ location }: { location: Location }) {
  const [s, setS] = useState<SmsSettingsView | null>(null);
  const [was, setWas] = useState<SmsSettingsView | null>(null);
  const [run, saved] = useSaved();
  useEffect(() => {
    authed<SmsSettingsView>(`/api/locations/${location.id}/sms-settings`).then((v) => { setS(v); setWas(v); }, () => {});
  }, [location.id]);
  useLeaveGuard(!!s && JSON.stringify(s) !== JSON.stringify(was), "SMS templates");
  const [errors, setErrors] = useState<FieldErrors>({});
  if (!s) return <span class="spinner" />;
  async function save(e: Event) {
    e.preventDefault();
    const templates = Object.fromEntries(Object.entries(s!.templates).map(([k, t]) => [k, { enabled: t.enabled, body: t.body }]));
    setErrors({});
    await run(async () => {
      try {
        const next = await authed<SmsSettingsView>(`/api/locations/${location.id}/sms-settings`, { method: "PATCH", body: { almostUpPosition: s!.almostUpPosition, templates } });
        setS(next);
        setWas(next);
      } catch (err) {
        setErrors(formFailure(err, (p) => p === "almostUpPosition" || /^templates\.\w+\.body$/.test(p)).fields);
        throw err;
      }
    });
  }
  return (
    <form onSubmit={save} noValidate>
      <h2>SMS templates — {location.name}</h2>
      {saved}
      <div class="field"><label for="sms-almost">Send "almost up" at position</label><input id="sms-almost" type="number" min={1} max={50} value={s.almostUpPosition} onInput={(e) => setS({ ...s, almostUpPosition: Number(e.currentTarget.value) })} {...described("sms-almost", errors.almostUpPosition)} /><FieldError id="sms-almost" error={errors.almostUpPosition} /></div>
      {(Object.keys(s.templates) as TemplateKind[]).map((k) => {
        const t = s.templates[k];
        const set = (patch: Partial<typeof t>) => setS({ ...s, templates: { ...s.templates, [k]: { ...t, ...patch } } });
        return (
          <fieldset class="card template" key={k}>
            <legend>{KIND_LABELS[k]}</legend>
            <label class="check"><input type="checkbox" checked={t.enabled} onChange={(e) => set({ enabled: e.currentTarget.checked })} /><span>Send this text</span></label>
            <label for={`tpl-${k}`} class="sr-only">{KIND_LABELS[k]} text</label>
            <textarea id={`tpl-${k}`} value={t.body} maxLength={640} onInput={(e) => set({ body: e.currentTarget.value })} {...described(`tpl-${k}`, errors[`templates.${k}.body`])} />
            <FieldError id={`tpl-${k}`} error={errors[`templates.${k}.body`]} />
            <SmsCost kind={k} body={t.body} location={location} textareaId={`tpl-${k}`} onInsert={(body) => set({ body })} />
          </fieldset>
        );
      })}
      <button class="btn primary">Save templates</button>
    </form>
  );
}

function Team({ session }: { session: Session }) {
  const [members, setMembers] = useState<Member[]>([]);
  const [invites, setInvites] = useState<Invite[] | null>(null);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("host");
  const [run, saved] = useSaved();
  const load = async () => {
    setMembers((await authed<{ members: Member[] }>("/api/team/members")).members);
    try {
      setInvites((await authed<{ invites: Invite[] }>("/api/team/invites")).invites);
    } catch {
      setInvites(null);
    }
  };
  useEffect(() => void load().catch(() => {}), []);
  const me = session.user;
  return (
    <section>
      <h2>Team</h2>
      {saved}
      <table class="list">
        <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id}>
              <td>{m.name}{m.id === me.id ? " (you)" : ""}</td>
              <td>{m.email}</td>
              <td>
                <select aria-label={`Role of ${m.name}`} value={m.role} disabled={me.role === "host" || m.id === me.id} onChange={(e) => run(async () => { await authed(`/api/team/members/${m.id}`, { method: "PATCH", body: { role: e.currentTarget.value } }); await load(); })}>
                  <option value="owner">Owner</option><option value="admin">Admin</option><option value="host">Host</option>
                </select>
              </td>
              <td>{me.role !== "host" && m.id !== me.id ? <button class="btn danger" onClick={() => confirm(`Remove ${m.name}?`) && run(async () => { await authed(`/api/team/members/${m.id}`, { method: "DELETE" }); await load(); }, "Removed.")}>Remove</button> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {invites ? (
        <>
          <h3>Invitations</h3>
          <form class="row" onSubmit={(e) => { e.preventDefault(); void run(async () => { await authed("/api/team/invites", { body: { email, role } }); setEmail(""); await load(); }, "Invitation sent."); }}>
            <label for="inv-email" class="sr-only">Email to invite</label>
            <input id="inv-email" type="email" placeholder="name@example.com" value={email} onInput={(e) => setEmail(e.currentTarget.value)} class="spacer" />
            <label for="inv-role" class="sr-only">Role</label>
            <select id="inv-role" value={role} onChange={(e) => setRole(e.currentTarget.value as Role)} class="auto">
              <option value="host">Host</option><option value="admin">Admin</option>{me.role === "owner" ? <option value="owner">Owner</option> : null}
            </select>
            <button class="btn primary">Invite</button>
          </form>
          <ul class="plain">
            {invites.map((i) => (
              <li key={i.id} class="row">
                <span class="spacer">{i.email} · {i.role} · <span class="tag">{i.status}</span></span>
                {i.status === "pending" || i.status === "expired" ? <button class="btn" onClick={() => run(async () => { await authed(`/api/team/invites/${i.id}/resend`, { method: "POST" }); await load(); }, "Sent again.")}>Resend</button> : null}
                {i.status === "pending" ? <button class="btn danger" onClick={() => run(async () => { await authed(`/api/team/invites/${i.id}`, { method: "DELETE" }); await load(); }, "Revoked.")}>Revoke</button> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function RetentionSettings() {
  const [r, setR] = useState<Retention | null>(null);
  const [run, saved] = useSaved();
  useEffect(() => {
    authed<Retention>("/api/settings/retention").then(setR, () => setR({ policy: "default", days: null }));
  }, []);
  if (!r) return <span class="spinner" />;
  return (
    <form onSubmit={(e) => { e.preventDefault(); void run(async () => setR(await authed<Retention>("/api/settings/retention", { method: "PUT", body: r.policy === "default" ? { policy: "default" } : { policy: "days", days: r.days ?? 30 } }))); }}>
      <h2>Data retention</h2>
      {saved}
      <p>Guests' data (parties, their history and texts) is deleted automatically. The account and its users stay.</p>
      <fieldset class="bare">
        <legend class="sr-only">Policy</legend>
        <label class="check"><input type="radio" name="ret" checked={r.policy === "default"} onChange={() => setR({ policy: "default", days: null })} /><span>18 months after anyone on the team last signed in (default)</span></label>
        <label class="check"><input type="radio" name="ret" checked={r.policy === "days"} onChange={() => setR({ policy: "days", days: r.days ?? 30 })} /><span>A fixed number of days after it was created</span></label>
      </fieldset>
      {r.policy === "days" ? <div class="field"><label for="ret-days">Days (1–540)</label><input id="ret-days" type="number" min={1} max={540} value={r.days ?? 30} onInput={(e) => setR({ ...r, days: Number(e.currentTarget.value) })} /></div> : null}
      <button class="btn primary">Save</button>
    </form>
  );
}
