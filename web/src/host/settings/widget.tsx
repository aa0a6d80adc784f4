// Settings → Website widget (issue 22): switch the embeddable widget on, list the sites allowed to
// show it (GET/PATCH /api/locations/{id}/widget-settings), pick how it looks, and copy the snippet —
// a script tag, or an iframe for sites that take no scripts. A preview runs the real script here.
import { useEffect, useRef, useState } from "preact/hooks";
import { ACCENT_RE } from "../../../../domain/contrast";
import type { WidgetSettings } from "../../../../domain/widget/settings";
import { errorText } from "../../shared/api";
import { ApiError } from "../../shared/api-error";
import type { Location } from "../../shared/types";
import { authed } from "../session";
import { described, FieldError } from "./fields";
import "./widget.css";

type Theme = "auto" | "light" | "dark";

/** The snippets a restaurant pastes into its site, with the look chosen here. */
export function widgetSnippets(origin: string, slug: string, name: string, theme: Theme, accent: string) {
  const title = `Live wait at ${name}`.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  const attrs = [`data-location="${slug}"`, theme !== "auto" ? `data-theme="${theme}"` : "", accent ? `data-accent="${accent}"` : ""].filter(Boolean).join(" ");
  const query = new URLSearchParams();
  if (theme !== "auto") query.set("theme", theme);
  if (accent) query.set("accent", accent);
  const q = query.toString();
  return {
    script: `<script src="${origin}/widget.js" ${attrs} async></script>`,
    iframe: `<iframe src="${origin}/widget/${slug}${q ? `?${q}` : ""}" title="${title}" width="100%" height="240" style="border:0;max-width:28rem"></iframe>`,
  };
}

function CopyField({ id, label, value }: { id: string; label: string; value: string }) {
  const [copied, setCopied] = useState(false);
  useEffect(() => setCopied(false), [value]);
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <textarea id={id} readOnly rows={3} value={value} onFocus={(e) => e.currentTarget.select()} />
      <button type="button" class="btn" onClick={async () => { await navigator.clipboard?.writeText(value).catch(() => {}); setCopied(true); }}>
        {copied ? "Copied" : `Copy ${label.toLowerCase()}`}
      </button>
    </div>
  );
}

/** The real widget script, run in this page (our own origin may always read the data). */
function Preview({ slug, theme, accent, version }: { slug: string; theme: Theme; accent: string; version: number }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    el.replaceChildren();
    const s = document.createElement("script");
    s.src = "/widget.js";
    s.dataset.location = slug;
    if (theme !== "auto") s.dataset.theme = theme;
    if (accent) s.dataset.accent = accent;
    el.append(s);
  }, [slug, theme, accent, version]);
  return <div ref={box} class="widget-preview" data-testid="widget-preview" />;
}

export function WidgetPage({ location, canEdit }: { location: Location; canEdit: boolean }) {
  const [saved, setSaved] = useState<WidgetSettings | null>(null);
  const [enabled, setEnabled] = useState(false);
  const [sites, setSites] = useState("");
  const [theme, setTheme] = useState<Theme>("auto");
  const [accent, setAccent] = useState("");
  const [sitesError, setSitesError] = useState<string | undefined>();
  const [msg, setMsg] = useState<{ text: string; error: boolean } | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    authed<WidgetSettings>(`/api/locations/${location.id}/widget-settings`).then((s) => {
      setSaved(s);
      setEnabled(s.enabled);
      setSites(s.allowedOrigins.join("\n"));
    }, (e) => setMsg({ text: errorText(e), error: true }));
  }, [location.id]);
  if (!saved) return msg ? <div class="alert error" role="alert">{msg.text}</div> : <span class="spinner" />;

  const list = sites.split("\n").map((s) => s.trim()).filter(Boolean);
  const accentProblem = accent && !ACCENT_RE.test(accent) ? "Use a colour as #rrggbb, or leave it empty for the location's accent colour." : undefined;
  const { script, iframe } = widgetSnippets(window.location.origin, location.slug, location.name, theme, ACCENT_RE.test(accent) ? accent : "");

  async function save(e: Event) {
    e.preventDefault();
    setMsg(null);
    setSitesError(undefined);
    try {
      const next = await authed<WidgetSettings>(`/api/locations/${location.id}/widget-settings`, { method: "PATCH", body: { enabled, allowedOrigins: list } });
      setSaved(next);
      setSites(next.allowedOrigins.join("\n"));
      setVersion((v) => v + 1);
      setMsg({ text: "Saved.", error: false });
    } catch (err) {
      if (err instanceof ApiError && err.status === 400) {
        // details[].path is "allowedOrigins.N": name the line the owner typed.
        const lines = err.details
          .map((d) => {
            const n = /^allowedOrigins\.(\d+)$/.exec(d.path ?? "");
            return n ? `Line ${Number(n[1]) + 1} (${list[Number(n[1])]}): ${d.message}` : d.message;
          })
          .join(" ");
        setSitesError(lines || err.message);
        setMsg({ text: "Check the sites: nothing was saved.", error: true });
      } else setMsg({ text: errorText(err), error: true });
    }
  }

  const live = saved.enabled && saved.allowedOrigins.length > 0;
  return (
    <div class="widget-settings">
      <h2>Website widget — {location.name}</h2>
      <p class="muted">
        Show the live wait and buttons to join the line or book on your own website. Only the sites listed here can show it; it sets no
        cookies and loads nothing from anyone else. No guest's name or number is ever in it.
      </p>
      {msg ? <div class={`alert ${msg.error ? "error" : "success"}`} role={msg.error ? "alert" : "status"}>{msg.text}</div> : null}
      <form onSubmit={save} noValidate>
        <label class="check">
          <input type="checkbox" checked={enabled} disabled={!canEdit} onChange={(e) => setEnabled(e.currentTarget.checked)} />
          <span>Show the widget on the sites below</span>
        </label>
        <div class={`field${sitesError ? " has-error" : ""}`}>
          <label for="widget-sites">Sites allowed to show it (one per line)</label>
          <textarea id="widget-sites" rows={4} value={sites} disabled={!canEdit} placeholder="https://www.example.com" onInput={(e) => setSites(e.currentTarget.value)} {...described("widget-sites", sitesError, true)} />
          <p class="hint" id="widget-sites-hint">The address of each site, without a page: https://www.example.com (http:// only for localhost). Any other site gets no data and no frame.</p>
          <FieldError id="widget-sites" error={sitesError} />
        </div>
        {canEdit ? <button class="btn primary">Save widget</button> : null}
      </form>

      <h3>Snippet</h3>
      {!live ? <div class="alert info">The widget is off{saved.enabled ? " until a site is listed" : ""}: the snippet shows nothing until you switch it on, list a site and save.</div> : null}
      <fieldset class="field">
        <legend>Look</legend>
        {(["auto", "light", "dark"] as const).map((t) => (
          <label class="check" key={t}>
            <input type="radio" name="widget-theme" value={t} checked={theme === t} onChange={() => setTheme(t)} />
            <span>{t === "auto" ? "Follow the visitor's light or dark setting" : t === "light" ? "Light" : "Dark"}</span>
          </label>
        ))}
      </fieldset>
      <div class={`field${accentProblem ? " has-error" : ""}`}>
        <label for="widget-accent">Button colour (empty = the location's accent colour)</label>
        <input id="widget-accent" type="text" maxLength={7} placeholder="#8b1e3f" value={accent} onInput={(e) => setAccent(e.currentTarget.value.trim())} {...described("widget-accent", accentProblem)} />
        <FieldError id="widget-accent" error={accentProblem} />
      </div>
      <CopyField id="widget-script" label="Script tag" value={script} />
      <CopyField id="widget-iframe" label="Iframe" value={iframe} />
      <p class="hint">Put the script tag where the widget should appear. The iframe does the same for sites that do not allow scripts; it opens the check-in and booking pages in the whole window.</p>
      {live ? (
        <>
          <h3>Preview</h3>
          <Preview slug={location.slug} theme={theme} accent={ACCENT_RE.test(accent) ? accent : ""} version={version} />
        </>
      ) : null}
    </div>
  );
}
