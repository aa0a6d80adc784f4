// The embeddable widget (issue 22): one classic script, /widget.js, that a restaurant's own site
// loads with a script tag (it renders in place, in a shadow root so neither page's styles leak into
// the other) and that the frame page /widget/<slug> loads too (the iframe alternative). It shows
// the live wait by party size, open or closed, and links to join the line or book.
//
// It talks only to the origin it was loaded from, sends no cookies (credentials: "omit") and
// stores nothing. The wait is polled: every 20 s while the page is visible and at once when it comes
// back; the answer carries an ETag, so an unchanged wait is a 304 the browser answers from its cache.
// (Not the display board's socket: that one carries masked names and is the board's own switch, and
// a socket per visitor of a restaurant's website would tie the location's object to its web traffic.)
import { contrastRatio } from "../../../domain/contrast";
import { WIDGET_TEXT, type WidgetText } from "../../../domain/widget/text";
import type { WidgetData } from "../../../domain/widget/settings";
import css from "./widget.css?inline";

const POLL_MS = 20_000;
const SEATLINE_GREEN = "#0f5c4d";
const HEX = /^#[0-9a-f]{6}$/i;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

const fill = (s: string, n: string | number) => s.replace(/\{n\}|\{name\}/g, String(n));

function mount(script: HTMLScriptElement) {
  const d = script.dataset;
  const slug = d.location ?? "";
  const framed = "frame" in d;
  const origin = new URL(script.src).origin;
  const host = document.createElement(framed ? "main" : "section");
  host.className = "seatline-widget";
  // Nothing shows until the first answer says what to show (a refused site never shows anything).
  host.hidden = true;
  script.after(host);
  if (framed) document.body.style.margin = "0";
  const root = host.attachShadow({ mode: "open" });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  root.adoptedStyleSheets = [sheet];

  const dark = d.theme === "dark" || (d.theme !== "light" && matchMedia("(prefers-color-scheme: dark)").matches);
  const box = el("div", dark ? "w dark" : "w");
  // The wait as a screen reader hears it when it changes: one live region that stays while the rest is redrawn.
  const live = el("p", "sr");
  live.setAttribute("role", "status");
  root.append(box, live);
  let shown = "";
  const picker = d.partyPicker !== "off";
  let size = Number(d.partySize) || 2;
  let data: WidgetData | null = null;
  let text: WidgetText = WIDGET_TEXT.en;

  function render() {
    // Redrawing moves focus away: put it back on the same control (by its id or its words).
    const active = root.activeElement;
    const focusKey = active ? active.id || active.textContent : null;
    box.replaceChildren();
    // Refused (a site not on the location's list, the widget switched off) or never loaded: no widget at all.
    host.hidden = !data;
    if (!data) return;
    const loc = data.location;
    text = WIDGET_TEXT[loc.language] ?? WIDGET_TEXT.en;
    host.setAttribute("aria-label", fill(text.region, loc.name));
    host.lang = loc.language;
    const accent = HEX.test(d.accent ?? "") ? d.accent! : loc.accentColor ?? SEATLINE_GREEN;
    box.style.setProperty("--accent", accent);
    // Whichever of white and near-black reads better on the accent (one of them always reaches 4.5:1).
    box.style.setProperty("--on-accent", contrastRatio(accent, "#ffffff") >= contrastRatio(accent, "#111111") ? "#fff" : "#111");

    const head = el("div", "head");
    // In its own frame the name is the page's heading; on the restaurant's page, that page has its own.
    head.append(el(framed ? "h1" : "p", "name", loc.name));
    const state = data.open ? (data.full ? text.full : text.open) : text.closed;
    head.append(el("p", data.open && !data.full ? "state on" : "state", state));
    box.append(head);

    const max = data.estimates.length;
    size = Math.min(Math.max(1, size), max || 1);
    if (data.open && !data.full && max > 0) {
      const estimates = data.estimates;
      const row = el("div", "wait");
      const figure = el("p", "figure");
      const show = () => {
        const minutes = estimates[size - 1]!.estimatedWaitMinutes;
        figure.textContent = minutes > 0 ? fill(text.wait, minutes) : text.noWait;
        // Announced when it changes, not when it first appears.
        if (shown && shown !== figure.textContent) live.textContent = figure.textContent;
        shown = figure.textContent;
      };
      show();
      if (picker) {
        const id = `sl-size-${slug}`;
        const label = el("label", "size", text.partySize);
        label.htmlFor = id;
        const select = el("select", "");
        select.id = id;
        for (let n = 1; n <= max; n++) select.append(new Option(String(n), String(n), false, n === size));
        select.onchange = () => {
          size = Number(select.value);
          show();
        };
        const pick = el("div", "pick");
        pick.append(label, select);
        row.append(figure, pick);
      } else row.append(el("p", "size", fill(text.forSize, size)), figure);
      box.append(row);
    }

    const actions = el("div", "actions");
    const link = (href: string, label: string, cls: string) => {
      const a = el("a", cls, label);
      a.href = href;
      // In the frame, leave it for the whole window: the check-in page is not meant to be framed.
      if (framed) a.target = "_top";
      actions.append(a);
    };
    if (data.joinUrl && data.open && !data.full) link(data.joinUrl, text.join, "btn");
    if (data.bookUrl) link(data.bookUrl, text.book, data.joinUrl && data.open && !data.full ? "btn alt" : "btn");
    if (actions.childElementCount) box.append(actions);
    if (focusKey) [...box.querySelectorAll<HTMLElement>("select, a")].find((e) => (e.id || e.textContent) === focusKey)?.focus();
  }

  let timer = 0;
  /** The last answer's body: null before the first, "" when refused. */
  let last: string | null = null;
  async function load() {
    clearTimeout(timer);
    try {
      const res = await fetch(`${origin}/api/public/locations/${encodeURIComponent(slug)}/widget`, { credentials: "omit", cache: "no-cache" });
      const body = res.ok ? await res.text() : res.status < 500 ? "" : last;
      // An unchanged answer (a 304 the browser answered from its cache) redraws nothing.
      if (body !== last) {
        last = body;
        data = body ? (JSON.parse(body) as WidgetData) : null;
        render();
      }
    } catch {
      // Offline for a moment, or refused by CORS (a site not on the list never gets a readable answer):
      // keep what is shown, if anything, until the next poll.
      if (last === null) render();
    }
    if (!document.hidden) timer = window.setTimeout(load, POLL_MS);
  }
  document.addEventListener("visibilitychange", () => {
    if (!document.hidden) void load();
  });
  void load();
}

const current = document.currentScript;
if (current instanceof HTMLScriptElement) mount(current);
