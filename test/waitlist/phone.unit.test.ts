// normalizePhone: whatever people type, stored as E.164 — or null, so the API answers 400.
// (UK mobiles here are in a real mobile range: libphonenumber rightly refuses Ofcom's 07700 900xxx drama numbers.)
import { describe, expect, it } from "vitest";
import { normalizePhone } from "../../domain/phone";

describe("normalizePhone: international input", () => {
  it.each([
    ["+12125550100", "+12125550100"],
    ["+1 212 555 0100", "+12125550100"],
    ["+1 (212) 555-0100", "+12125550100"],
    ["+1.212.555.0100", "+12125550100"],
    ["  +44 20 7946 0958  ", "+442079460958"],
    ["+44 7400 123456", "+447400123456"],
    ["+33 1 23 45 67 89", "+33123456789"],
  ])("%s → %s whatever the location's country", (input, e164) => {
    expect(normalizePhone(input, "1")).toBe(e164);
    expect(normalizePhone(input, "44")).toBe(e164);
  });

  it("drops the (0) trunk prefix printed after a country code", () => {
    expect(normalizePhone("+44 (0)20 7946 0958", "1")).toBe("+442079460958");
    expect(normalizePhone("+44 (0) 7400 123456", "44")).toBe("+447400123456");
  });

  it("reads a 00 prefix as international", () => {
    expect(normalizePhone("0044 20 7946 0958", "1")).toBe("+442079460958");
    expect(normalizePhone("001 212 555 0100", "44")).toBe("+12125550100");
  });
});

describe("normalizePhone: national input", () => {
  it.each([
    ["212 555 0100", "+12125550100"],
    ["(212) 555-0100", "+12125550100"],
    ["212.555.0100", "+12125550100"],
    ["1 212 555 0100", "+12125550100"],
    ["1-212-555-0100", "+12125550100"],
  ])("country code 1: %s → %s", (input, e164) => {
    expect(normalizePhone(input, "1")).toBe(e164);
  });

  it.each([
    ["020 7946 0958", "+442079460958"],
    ["07400 123456", "+447400123456"],
    ["07400-123-456", "+447400123456"],
    ["44 20 7946 0958", "+442079460958"],
    ["44 7400 123456", "+447400123456"],
  ])("country code 44: %s → %s", (input, e164) => {
    expect(normalizePhone(input, "44")).toBe(e164);
  });

  it("uses the location's country code for other countries", () => {
    expect(normalizePhone("01 23 45 67 89", "33")).toBe("+33123456789");
  });
});

describe("normalizePhone: rejected", () => {
  it.each([
    "",
    "   ",
    "call me",
    "212-555-CAKE",
    "1-800-FLOWERS",
    "+1 212 555 0100 ext 5",
    "212 555 0100 x12",
    "+",
    "+0 212 555 0100",
    "12345",
    "+1234567",
    "+1234567890123456",
    "++12125550100",
    "+1 212+555+0100",
    "212 555 0100+",
    "<script>",
  ])("%j", (input) => {
    expect(normalizePhone(input, "1")).toBeNull();
  });

  it.each([
    ["+1 212 555 010", "9 digits after the 1"],
    ["+1 212 555 01000", "11 digits after the 1"],
    ["+1 212 555 0100 0", "11 digits after the 1, spaced"],
  ])("NANP numbers need exactly 10 digits after the 1: %s (%s)", (input) => {
    expect(normalizePhone(input, "44")).toBeNull();
  });

  it("a national US number that is too short or too long", () => {
    expect(normalizePhone("555 0100", "1")).toBeNull();
    expect(normalizePhone("212 555 01000", "1")).toBeNull();
  });
});
