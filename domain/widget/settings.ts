// The embeddable widget's per-location settings (issue 22): whether it is on, and the sites (origins)
// that may show it. Pure, so the Worker (validation, CORS, frame-ancestors), the DO (storage) and
// web/ (the settings page) read one rule.
import type { GuestLanguage } from "../languages";

export interface WidgetSettings {
  /** Whether the widget's data and frame are served at all; off by default. */
  enabled: boolean;
  /** The sites that may embed it, as origins ("https://www.example.com"), each once. */
  allowedOrigins: string[];
}

export type WidgetSettingsPatch = Partial<WidgetSettings>;

export const DEFAULT_WIDGET_SETTINGS: WidgetSettings = { enabled: false, allowedOrigins: [] };

export const MAX_WIDGET_ORIGINS = 20;

/** Hosts a browser treats as a secure context over plain http (a site being built on one's own machine). */
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

const HOST = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/;

export type OriginCheck = { ok: true; origin: string } | { ok: false; message: string };

/**
 * A site's address as the browser names it in `Origin` and as `frame-ancestors` lists it: scheme,
 * host and port only, lower case, default port dropped. "https://Example.com/" is accepted as
 * "https://example.com"; a path, query, fragment, credentials, wildcard or another scheme is not.
 * Plain http only for loopback (elsewhere anyone on the network could rewrite the page around it).
 */
export function checkOrigin(input: string): OriginCheck {
  const raw = input.trim();
  if (raw.includes("*")) return { ok: false, message: "List each site on its own: wildcards are not accepted." };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, message: "Use the site's address with its scheme, e.g. https://www.example.com." };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, message: "Use an https:// address." };
  if (url.username || url.password) return { ok: false, message: "Leave out user names and passwords." };
  if ((url.pathname !== "/" && url.pathname !== "") || url.search || url.hash || /[?#]/.test(raw)) {
    return { ok: false, message: "Give the site only (scheme, host and port), without a path: e.g. https://www.example.com." };
  }
  // The URL parser lets through hosts such as "a.com;b" or "a.com,b", which would split the CSP header
  // the origin goes into: a host name is letters, digits, dots and hyphens (IDNs arrive as punycode).
  if (!HOST.test(url.hostname) && url.hostname !== "[::1]") return { ok: false, message: "That is not a site's address." };
  if (url.protocol === "http:" && !LOOPBACK.has(url.hostname)) return { ok: false, message: "Use the site's https:// address (http:// only for localhost)." };
  return { ok: true, origin: url.origin };
}

/** Whether a request's `Origin` is one of the location's sites (exact, as the browser sends it). */
export function originAllowed(settings: WidgetSettings, origin: string | null | undefined): boolean {
  return !!origin && settings.enabled && settings.allowedOrigins.includes(origin);
}

/** Whether the widget is served at all: switched on with at least one site. */
export function widgetLive(settings: WidgetSettings): boolean {
  return settings.enabled && settings.allowedOrigins.length > 0;
}

/** The frame's `frame-ancestors` sources: exactly the location's sites, or 'none' when it is not live. */
export function frameAncestors(settings: WidgetSettings): string {
  return widgetLive(settings) ? settings.allowedOrigins.join(" ") : "'none'";
}

/** What the widget script reads: GET /api/public/locations/{slug}/widget (its zod schema is in src/routes/public-widget.ts). */
export interface WidgetData {
  location: { name: string; slug: string; language: GuestLanguage; accentColor: string | null };
  open: boolean;
  full: boolean;
  estimates: { partySize: number; estimatedWaitMinutes: number }[];
  joinUrl: string | null;
  bookUrl: string | null;
}
