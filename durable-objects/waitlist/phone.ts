// Phone numbers are stored in E.164 (+ and 8 to 15 digits). People type them every which way; a
// number without "+" is read as national, in the location's country (a leading trunk 0 dropped).

export function normalizePhone(input: string, countryCode: string): string | null {
  const trimmed = input.trim();
  if (!/^[+\d\s().\-\/]+$/.test(trimmed)) return null;
  let digits = trimmed.replace(/\D/g, "");
  if (trimmed.startsWith("+")) {
    // international already
  } else if (trimmed.startsWith("00")) {
    digits = digits.slice(2);
  } else {
    const national = digits.replace(/^0+/, "");
    // A national number that already starts with the country code (e.g. 1 212 555 0100 in the US).
    digits = countryCode === "1" && national.length === 11 && national.startsWith("1") ? national : countryCode + national;
  }
  if (!/^[1-9]\d{7,14}$/.test(digits)) return null;
  // NANP numbers are exactly 10 digits after the 1.
  if (digits.startsWith("1") && digits.length !== 11) return null;
  return `+${digits}`;
}
