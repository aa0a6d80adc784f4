// The time-zone picker's list and search. The list is the browser's own IANA zones; what is valid is
// the server's rule (domain/timezone.ts), so an alias the server accepts (e.g. "Asia/Kolkata" where
// the browser lists "Asia/Calcutta") is accepted here too.
import { canonicalTimeZone, isValidTimeZone } from "../../../../domain/timezone";

let cached: string[] | null = null;

export function timeZones(): string[] {
  if (!cached) {
    // Browsers list canonical zones and may leave out UTC itself.
    const listed = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
    cached = [...new Set([...listed, "UTC"])].sort();
  }
  return cached;
}

const norm = (s: string) => s.toLowerCase().replace(/[_/]+/g, " ").trim();

/** Zones matching every word typed ("new york", "york", "america ny…"), city matches first. */
export function searchZones(zones: readonly string[], query: string, limit = 40): string[] {
  const words = norm(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return zones.slice(0, limit);
  const hits = zones.filter((z) => {
    const n = norm(z);
    return words.every((w) => n.includes(w));
  });
  const city = (z: string) => norm(z.split("/").at(-1) ?? z);
  const q = words.join(" ");
  const rank = (z: string) => (city(z).startsWith(q) ? 0 : norm(z).startsWith(q) ? 1 : city(z).includes(q) ? 2 : 3);
  return hits.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)).slice(0, limit);
}

/** The zone to save for what was typed, or an error for the field. */
export function checkZone(value: string, zones: readonly string[] = timeZones()): { zone: string } | { error: string } {
  const v = value.trim();
  if (!v) return { error: "Choose the location's time zone." };
  const listed = zones.find((z) => z.toLowerCase() === v.toLowerCase());
  if (listed) return { zone: listed };
  if (isValidTimeZone(v)) return { zone: canonicalTimeZone(v) };
  const near = searchZones(zones, v, 1)[0];
  return { error: `"${v}" is not a time zone. Choose one from the list${near ? `, e.g. ${near}` : ""}.` };
}

/** "UTC+05:30" at the instant given. */
export function offsetLabel(zone: string, at: number): string {
  const part = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" }).formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  // Engines spell zero either "GMT" or "GMT+00:00".
  return /^GMT([+-]00:00)?$/.test(part) ? "UTC±00:00" : part.replace("GMT", "UTC").replace("-", "−");
}
