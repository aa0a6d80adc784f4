// Times, dates, waits and numbers as the guest reads them, all through Intl: the clock (12/24 h) and
// date order come from the page's language together with the location's country, and every time is
// in the location's zone, named when the guest's device is set to another offset.
import { isPseudo, type PageLanguage } from "./languages";

/** The Intl locale for formats: the page's language in the location's country ("en" + "GB" → "en-GB"). */
export function formatLocale(lang: PageLanguage, country: string | null | undefined): string {
  const base = isPseudo(lang) ? "en" : lang;
  if (!country) return base;
  try {
    return new Intl.Locale(base, { region: country }).toString();
  } catch {
    return base;
  }
}

type HourCycle = "h11" | "h12" | "h23" | "h24";
/** The country's own clock where the runtime knows it ("fr" in "US" reads 12-hour like its neighbours). */
function regionHourCycle(country: string | null | undefined): HourCycle | undefined {
  if (!country) return undefined;
  try {
    const l = new Intl.Locale(`und-${country}`) as Intl.Locale & { getHourCycles?: () => string[]; hourCycles?: string[] };
    const cycles = l.getHourCycles?.() ?? l.hourCycles;
    return cycles?.[0] as HourCycle | undefined;
  } catch {
    return undefined;
  }
}

const deviceZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Offset of a zone at an instant, in minutes ("GMT+1" parsed from Intl's own longOffset). */
function offsetMinutes(at: number, timeZone: string): number {
  const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" }).formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
}

export class Formats {
  readonly locale: string;
  private readonly hourCycle: HourCycle | undefined;

  constructor(
    lang: PageLanguage,
    readonly country: string | null,
    readonly timeZone: string,
    private readonly device: string = deviceZone(),
  ) {
    this.locale = formatLocale(lang, country);
    this.hourCycle = regionHourCycle(country);
  }

  /** Whether the guest's device reads another clock than the location at `at`. */
  elsewhere(at: number): boolean {
    return this.device !== this.timeZone && offsetMinutes(at, this.device) !== offsetMinutes(at, this.timeZone);
  }

  /** "7:30 PM", "19:30", or "7:30 PM EST" when the device is elsewhere. */
  time(at: number | string): string {
    const ms = typeof at === "string" ? Date.parse(at) : at;
    return new Intl.DateTimeFormat(this.locale, {
      hour: "numeric",
      minute: "2-digit",
      hourCycle: this.hourCycle,
      timeZone: this.timeZone,
      timeZoneName: this.elsewhere(ms) ? "short" : undefined,
    }).format(ms);
  }

  /** A wall-clock "HH:MM" of the location on its own, for opening hours (no date, no zone). */
  wallTime(hhmm: string): string {
    const [h, m] = hhmm.split(":").map(Number);
    return new Intl.DateTimeFormat(this.locale, { hour: "numeric", minute: "2-digit", hourCycle: this.hourCycle, timeZone: "UTC" }).format(Date.UTC(2000, 0, 1, h, m));
  }

  /** "Friday, December 4" in the location's zone (the year only when it is not this year's). */
  date(at: number | string): string {
    const ms = typeof at === "string" ? Date.parse(at) : at;
    const sameYear = new Intl.DateTimeFormat("en", { timeZone: this.timeZone, year: "numeric" });
    const year = sameYear.format(ms) === sameYear.format(Date.now()) ? undefined : "numeric";
    return new Intl.DateTimeFormat(this.locale, { weekday: "long", day: "numeric", month: "long", year, timeZone: this.timeZone }).format(ms);
  }

  /** A local calendar date "YYYY-MM-DD" as words ("Sunday, March 28, 2027"); noon UTC keeps it on its day. */
  calendarDate(date: string): string {
    const [y, mo, d] = date.split("-").map(Number);
    return new Intl.DateTimeFormat(this.locale, { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(Date.UTC(y!, mo! - 1, d!, 12));
  }

  /** "today", "tomorrow", "in 3 days" — or the date itself when it is a week or more away. */
  day(at: number | string, now = Date.now()): string {
    const ms = typeof at === "string" ? Date.parse(at) : at;
    const days = Math.round((Date.parse(this.localDate(ms)) - Date.parse(this.localDate(now))) / 86_400_000);
    if (days >= 0 && days < 7) return new Intl.RelativeTimeFormat(this.locale, { numeric: "auto" }).format(days, "day");
    return this.date(ms);
  }

  /** "in 3 days", "tomorrow" for a booking, always relative. */
  relativeDays(at: number | string, now = Date.now()): string {
    const ms = typeof at === "string" ? Date.parse(at) : at;
    const days = Math.round((Date.parse(this.localDate(ms)) - Date.parse(this.localDate(now))) / 86_400_000);
    return new Intl.RelativeTimeFormat(this.locale, { numeric: "auto" }).format(days, "day");
  }

  /** "YYYY-MM-DD" of an instant in the location's zone. */
  localDate(at: number): string {
    return new Intl.DateTimeFormat("en-CA", { timeZone: this.timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
  }

  /** A wait: "15 min", "1 hr, 10 min" (Intl.DurationFormat where the runtime has it). */
  minutes(n: number): string {
    const Duration = (Intl as unknown as { DurationFormat?: new (l: string, o: object) => { format(d: object): string } }).DurationFormat;
    const h = Math.floor(n / 60);
    const m = n % 60;
    if (Duration && h > 0) return new Duration(this.locale, { style: "short" }).format(m ? { hours: h, minutes: m } : { hours: h });
    return new Intl.NumberFormat(this.locale, { style: "unit", unit: "minute", unitDisplay: "short" }).format(n);
  }

  /** The zone as people name it ("Eastern Standard Time"), for the note beside a list of times. */
  zoneName(at: number = Date.now()): string {
    return new Intl.DateTimeFormat(this.locale, { timeZone: this.timeZone, timeZoneName: "long" }).formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? this.timeZone;
  }

  /** "12:00–14:30" as the language writes a range. */
  range(fromHHMM: string, toHHMM: string): string {
    const [fh, fm] = fromHHMM.split(":").map(Number);
    const [th, tm] = toHHMM.split(":").map(Number);
    const f = new Intl.DateTimeFormat(this.locale, { hour: "numeric", minute: "2-digit", hourCycle: this.hourCycle, timeZone: "UTC" });
    return f.formatRange(Date.UTC(2000, 0, 1, fh, fm), Date.UTC(2000, 0, 1, th, tm));
  }
}
