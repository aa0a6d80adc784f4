// Phones for the whole world (libphonenumber-js, max metadata): national input in the location's
// country, E.164 out, and a guest's number refused when the metadata says it cannot take texts.
import { describe, expect, it } from "vitest";
import { countryForCallingCode, displayPhone, examplePhone, guestPhone, normalizePhone } from "../../domain/phone";

describe("national input in the location's country", () => {
  it.each([
    // [country, calling code, typed, E.164, national as shown back]
    ["US", "1", "(212) 555-0100", "+12125550100", "(212) 555-0100"],
    ["US", "1", "1 415 555 0177", "+14155550177", "(415) 555-0177"],
    ["GB", "44", "07400 123456", "+447400123456", "07400 123456"],
    ["IT", "39", "312 345 6789", "+393123456789", "312 345 6789"],
    ["DE", "49", "0151 23456789", "+4915123456789", "01512 3456789"],
    ["BR", "55", "(11) 91234-5678", "+5511912345678", "(11) 91234-5678"],
    ["CN", "86", "138 0013 8000", "+8613800138000", "138 0013 8000"],
    ["FR", "33", "06 12 34 56 78", "+33612345678", "06 12 34 56 78"],
    ["ES", "34", "612 34 56 78", "+34612345678", "612 34 56 78"],
  ])("%s: %s → %s", (country, code, typed, e164, national) => {
    expect(countryForCallingCode(code)).toBe(country);
    expect(normalizePhone(typed, code)).toBe(e164);
    expect(guestPhone(typed, code)).toEqual({ ok: true, e164, national, country });
  });

  it("keeps the leading zero Italian landlines dial (the old normalizer dropped it)", () => {
    expect(normalizePhone("06 1234 5678", "39")).toBe("+390612345678");
    expect(normalizePhone("+39 06 1234 5678", "1")).toBe("+390612345678");
  });

  it("reads a number from another country by its + or 00, wherever the location is", () => {
    expect(guestPhone("+39 312 345 6789", "1")).toMatchObject({ ok: true, e164: "+393123456789", country: "IT" });
    expect(guestPhone("0049 151 23456789", "39")).toMatchObject({ ok: true, e164: "+4915123456789", country: "DE" });
  });
});

describe("numbers that cannot take texts are refused for guests", () => {
  it.each([
    ["an Italian landline", "06 1234 5678", "39"],
    ["a London landline", "020 7946 0958", "44"],
    ["a Berlin landline", "030 1234567", "49"],
    ["a Beijing landline", "010 6552 9988", "86"],
    ["a US toll-free number", "800 555 0199", "1"],
  ])("%s", (_what, typed, code) => {
    expect(guestPhone(typed, code)).toEqual({ ok: false, reason: "not_mobile" });
  });

  it("passes a number whose kind the metadata cannot tell (US fixed line or mobile)", () => {
    expect(guestPhone("212 555 0100", "1")).toMatchObject({ ok: true, e164: "+12125550100" });
  });

  it.each([
    ["too short for Italy", "312 345", "39"],
    ["too long for Germany", "0151 234567890123", "49"],
    ["a Brazilian mobile without its 9", "(11) 1234-5678", "55"],
    ["letters", "1-800-FLOWERS", "1"],
  ])("invalid: %s", (_what, typed, code) => {
    expect(guestPhone(typed, code)).toEqual({ ok: false, reason: "invalid_phone" });
  });
});

describe("shown back", () => {
  it("in the location's national format, and international for a foreign number", () => {
    expect(displayPhone("+393123456789", "39")).toBe("312 345 6789");
    expect(displayPhone("+393123456789", "1")).toBe("+39 312 345 6789");
  });

  it("hints with a mobile number as the country writes it", () => {
    expect(examplePhone("1")).toBe("(201) 555-0123");
    expect(examplePhone("39")).toBe("312 345 6789");
    expect(examplePhone("999")).toBeNull();
  });
});
