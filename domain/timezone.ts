// Intl also accepts bare UTC offsets ("+01:00"), which are not IANA zones and carry no daylight-saving
// rules, so a zone must also look like a tz database name ("UTC", "Europe/London", "Etc/GMT+1").
const TZ_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;

/** True for IANA zone names the runtime knows (e.g. "Europe/Paris", "America/New_York", "UTC"). */
export function isValidTimeZone(tz: string): boolean {
  if (!tz || tz.length > 64 || !TZ_NAME.test(tz)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The canonical spelling of a valid zone name, which matches case-insensitively ("europe/london" → "Europe/London"). */
export function canonicalTimeZone(tz: string): string {
  const resolved = new Intl.DateTimeFormat("en-US", { timeZone: tz }).resolvedOptions().timeZone;
  return resolved.toLowerCase() === tz.toLowerCase() ? resolved : tz;
}
