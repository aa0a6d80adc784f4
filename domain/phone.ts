// Phone numbers are stored in E.164. People type them every which way; a number without "+" is read
// as national, in the location's country. Parsing, validity and the kind of line come from
// libphonenumber-js with its "max" metadata (the only set that knows fixed lines from mobiles, so it
// can refuse a number that cannot take texts); the Worker bundle carries it, guest pages do not.
import { parsePhoneNumberFromString, getExampleNumber, type CountryCode, type NumberType, type PhoneNumber } from "libphonenumber-js/max";
import metadata from "libphonenumber-js/metadata.max.json";
import examples from "libphonenumber-js/mobile/examples";

/** The main country of a calling code ("1" → US, "44" → GB, "39" → IT), or null for an unknown code. */
export function countryForCallingCode(callingCode: string): CountryCode | null {
  const countries = (metadata.country_calling_codes as Record<string, string[] | undefined>)[callingCode];
  return (countries?.[0] as CountryCode | undefined) ?? null;
}

// Only digits, spaces and the punctuation people put between them; "+" may only lead. Letters are
// refused, though libphonenumber would read "1-800-FLOWERS" as digits: nobody texts a vanity word.
const SHAPE = /^\+?[\d\s().\-\/]+$/;

function parse(input: string, callingCode: string): PhoneNumber | null {
  let text = input.trim();
  if (!SHAPE.test(text)) return null;
  // "00" is how most of the world dials abroad; "+44 (0)20 ..." prints the trunk 0 a caller from
  // abroad must not dial.
  if (text.startsWith("00")) text = `+${text.slice(2)}`;
  if (text.startsWith("+")) text = text.replace(/\(\s*0\s*\)/, "");
  const country = countryForCallingCode(callingCode);
  const parsed = parsePhoneNumberFromString(text, country ? { defaultCountry: country } : { defaultCallingCode: callingCode });
  return parsed && parsed.isValid() ? parsed : null;
}

/** E.164 for a valid number of any kind (hosts may note a landline), or null. */
export function normalizePhone(input: string, callingCode: string): string | null {
  return parse(input, callingCode)?.number ?? null;
}

/** Line types that never receive texts. FIXED_LINE_OR_MOBILE (the US, China…) cannot be told apart, so it passes. */
const NO_TEXTS: ReadonlySet<NumberType> = new Set(["FIXED_LINE", "TOLL_FREE", "PREMIUM_RATE", "SHARED_COST", "VOICEMAIL", "UAN"]);

export type GuestPhone =
  | { ok: true; e164: string; national: string; country: CountryCode | null }
  | { ok: false; reason: "invalid_phone" | "not_mobile" };

/** A guest's own number for texts: valid, and not a kind of line the metadata says cannot take texts. */
export function guestPhone(input: string, callingCode: string): GuestPhone {
  const p = parse(input, callingCode);
  if (!p) return { ok: false, reason: "invalid_phone" };
  const type = p.getType();
  if (type && NO_TEXTS.has(type)) return { ok: false, reason: "not_mobile" };
  return { ok: true, e164: p.number, national: p.formatNational(), country: p.country ?? null };
}

/** A mobile number as people of the country write it at home ("(201) 555-0123", "312 345 6789"), for hints. */
export function examplePhone(callingCode: string): string | null {
  const country = countryForCallingCode(callingCode);
  return country ? (getExampleNumber(country, examples)?.formatNational() ?? null) : null;
}

/** A stored E.164 number written as the location's country writes it (international when foreign). */
export function displayPhone(e164: string, callingCode: string): string {
  const p = parsePhoneNumberFromString(e164);
  if (!p) return e164;
  return p.countryCallingCode === callingCode ? p.formatNational() : p.formatInternational();
}
