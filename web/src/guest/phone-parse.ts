// The one libphonenumber-js call guest pages make, in its own module so the lazily loaded chunk holds
// only the parser and the "min" metadata (not the whole library's exports).
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/min";

/** The number as the guest should see it back (national when it is the location's country's), or null. */
export function shownBack(text: string, country: string | null): string | null {
  const p = parsePhoneNumberFromString(text, (country ?? undefined) as CountryCode | undefined);
  if (!p?.isValid()) return null;
  return p.country === country ? p.formatNational() : p.formatInternational();
}
