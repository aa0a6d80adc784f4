// What a template costs as actually sent: the server's own renderer and segment counter applied to
// the text with realistic values, including the guest's real link (APP_URL + "/w/" or "/book/" + a
// 75-character token), not to the template as written.
import { segmentInfo, type SegmentInfo } from "../../../../domain/sms/segments";
import { allowedPlaceholders, renderTemplate, type Placeholder, type TemplateKind, type TemplateValues } from "../../../../domain/sms/templates";

/** A guest or manage token: the location id as 32 hex digits, then a 256-bit HMAC in base64url (43). */
export const TOKEN_LENGTH = 75;

// What the location's Durable Object fills in for each kind when it sends (its queueSms calls). The
// server accepts every allowedPlaceholders(kind) on save, but {position} and {wait} are only known
// for the joined and almost-up texts; anywhere else they would print nothing.
const FILLED: Record<TemplateKind, readonly Placeholder[]> = {
  joined: ["name", "restaurant", "position", "wait", "link"],
  almost_up: ["name", "restaurant", "position", "wait"],
  table_ready: ["name", "restaurant"],
  cancelled: ["name", "restaurant"],
  reservation_confirmation: ["name", "restaurant", "time", "link"],
  reservation_changed: ["name", "restaurant", "time"],
  reservation_cancelled: ["name", "restaurant", "time"],
  reservation_reminder: ["name", "restaurant", "time", "link"],
  feedback: ["name", "restaurant", "link"],
};

/** The placeholders worth offering for a kind: the server allows them and fills them. */
export function offeredPlaceholders(kind: TemplateKind): Placeholder[] {
  return allowedPlaceholders(kind).filter((p) => FILLED[kind].includes(p));
}

/** Placeholders in the text that would be sent empty (allowed for the kind, never filled). */
export function emptyPlaceholders(body: string, kind: TemplateKind): string[] {
  const used = new Set((body.match(/\{(name|restaurant|position|wait|link|time)\}/g) ?? []).map((m) => m.slice(1, -1) as Placeholder));
  return [...used].filter((p) => !FILLED[kind].includes(p)).map((p) => `{${p}}`);
}

export interface SampleContext {
  /** The public origin links start with (the app's APP_URL). */
  origin: string;
  restaurant: string;
  /** The location id; a real token starts with its 32 hex digits. */
  locationId: string;
  timeZone: string;
}

/** A link of the real length for this kind of text. */
export function sampleLink(kind: TemplateKind, ctx: SampleContext): string {
  const path = kind === "joined" ? "/w/" : kind === "feedback" ? "/feedback/" : "/book/";
  const hex = ctx.locationId.replace(/-/g, "").toLowerCase().padEnd(32, "0").slice(0, 32);
  return `${ctx.origin.replace(/\/+$/, "")}${path}${hex}${"Qx7-".repeat(11).slice(0, TOKEN_LENGTH - 32)}`;
}

/** A booking's time as the reservation texts print it ("Wed 30 Sept, 19:30"), a long one of its kind. */
export function sampleTime(timeZone: string): string {
  // 30 September 2026 at 19:30 UTC: a two-digit day and the longest short month name.
  const at = Date.UTC(2026, 8, 30, 19, 30);
  const day = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", day: "numeric", month: "short" }).format(at);
  const time = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
  return `${day}, ${time}`;
}

export const SAMPLE_NAME = "Alexandra";
// A name with a letter outside GSM-7 (ł) switches the whole text to UCS-2.
export const SAMPLE_NAME_UCS2 = "Michał";

export function sampleValues(kind: TemplateKind, ctx: SampleContext, name = SAMPLE_NAME): TemplateValues {
  const v: TemplateValues = { name, restaurant: ctx.restaurant };
  if (FILLED[kind].includes("position")) v.position = 12;
  if (FILLED[kind].includes("wait")) v.wait = 35;
  if (FILLED[kind].includes("link")) v.link = sampleLink(kind, ctx);
  if (FILLED[kind].includes("time")) v.time = sampleTime(ctx.timeZone);
  return v;
}

export interface SmsCost {
  rendered: string;
  sent: SegmentInfo;
  /** The same text for a guest whose name is not GSM-7. */
  nonGsmName: SegmentInfo;
  asWritten: SegmentInfo;
  linkLength: number | null;
  empty: string[];
}

export function smsCost(body: string, kind: TemplateKind, ctx: SampleContext): SmsCost {
  const values = sampleValues(kind, ctx);
  const rendered = renderTemplate(body, values);
  return {
    rendered,
    sent: segmentInfo(rendered),
    nonGsmName: segmentInfo(renderTemplate(body, sampleValues(kind, ctx, SAMPLE_NAME_UCS2))),
    asWritten: segmentInfo(body),
    linkLength: body.includes("{link}") && typeof values.link === "string" ? values.link.length : null,
    empty: emptyPlaceholders(body, kind),
  };
}
