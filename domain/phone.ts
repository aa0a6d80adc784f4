// Phone numbers are stored in E.164 (+ and 8 to 15 digits). People type them every which way; a
// number without "+" is read as national, in the location's country (a leading trunk 0 dropped).

/**
 * Digits in a national number, for countries whose people often type the country code without "+"
 * ("1 212 555 0100", "44 20 7946 0958"): a number of national length plus the code is read as
 * already carrying it, instead of getting the code a second time.
 */
const NATIONAL_LENGTHS: Record<string, number[]> = { "1": [10], "44": [9, 10] };

export function normalizePhone(input: string, countryCode: string): string | null {
  const trimmed = input.trim();
  // "+" may only lead: "212+555+0100" is not a number someone meant.
  if (!/^\+?[\d\s().\-\/]+$/.test(trimmed)) return null;
  let digits: string;
  if (trimmed.startsWith("+") || trimmed.startsWith("00")) {
    // International. "+44 (0)20 ..." prints the trunk 0 a caller from abroad must not dial.
    digits = trimmed.replace(/\(\s*0\s*\)/, "").replace(/\D/g, "");
    if (!trimmed.startsWith("+")) digits = digits.slice(2);
  } else {
    const national = trimmed.replace(/\D/g, "").replace(/^0+/, "");
    const lengths = NATIONAL_LENGTHS[countryCode];
    const carriesCode =
      lengths !== undefined &&
      national.startsWith(countryCode) &&
      !lengths.includes(national.length) &&
      lengths.includes(national.length - countryCode.length);
    digits = carriesCode ? national : countryCode + national;
  }
  if (!/^[1-9]\d{7,14}$/.test(digits)) return null;
  // NANP numbers are exactly 10 digits after the 1.
  if (digits.startsWith("1") && digits.length !== 11) return null;
  return `+${digits}`;
}
