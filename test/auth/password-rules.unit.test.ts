// The password rules as a pure function: composition, length in characters, bcrypt's 72-byte
// limit, and the shipped list of common passwords.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COMMON_PASSWORDS_TEXT } from "../../src/auth/common-passwords";
import { checkPassword, PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH } from "../../src/auth/passwords";

const rules = (password: string) => checkPassword(password).map((p) => p.rule);
const bytes = (s: string) => new TextEncoder().encode(s).length;

describe("checkPassword", () => {
  it.each([
    ["Abcdef1!", []],
    ["Correct-Horse-9", []],
    ["Abcde1!", ["min_length"]],
    ["abcdefg1!", ["uppercase"]],
    ["Abcdefgh!", ["number"]],
    ["Abcdefgh1", ["symbol"]],
    ["Abcd 1234", ["symbol"]], // whitespace is not a symbol
    ["", ["min_length", "uppercase", "number", "symbol"]],
    ["abc", ["min_length", "uppercase", "number", "symbol"]],
    ["ABCDEFGH", ["number", "symbol"]],
    ["12345678", ["uppercase", "symbol", "common"]],
    ["Password1", ["symbol", "common"]],
  ] as const)("%j breaks exactly %j", (password, expected) => {
    expect(rules(password)).toEqual(expected);
  });

  it("explains every broken rule in words", () => {
    for (const problem of checkPassword("abc")) expect(problem.message).toMatch(/\w{3,}/);
  });

  it("counts characters, not bytes or UTF-16 units, for the minimum length", () => {
    expect(PASSWORD_MIN_LENGTH).toBe(8);
    // 7 characters but 19 bytes and 11 UTF-16 units: too short.
    expect(rules("😀😀😀😀Ab1")).toEqual(["min_length"]);
    expect(rules("Ab1!éééé")).toEqual([]);
  });

  it("accepts exactly 72 UTF-8 bytes of multibyte text and refuses 73", () => {
    expect(PASSWORD_MAX_BYTES).toBe(72);
    const at72 = "Aa1!" + "é".repeat(34); // 4 + 68 bytes
    expect(bytes(at72)).toBe(72);
    expect(rules(at72)).toEqual([]);
    const at73 = "Aa1!x" + "é".repeat(34);
    expect(bytes(at73)).toBe(73);
    expect(rules(at73)).toEqual(["max_bytes"]);
  });

  it("measures bytes, so 40 emoji (160 bytes, 40 characters) are refused", () => {
    const emoji = "Aa1" + "😀".repeat(40);
    expect([...emoji].length).toBeLessThan(72);
    expect(rules(emoji)).toEqual(["max_bytes"]);
  });

  it("refuses a common password that meets every composition rule, in any case", () => {
    expect(rules("P@ssw0rd")).toEqual(["common"]);
    expect(rules("P@SSW0RD")).toEqual(["common"]);
    expect(rules("p@SsW0rD")).toEqual(["common"]);
    expect(rules("p@ssw0rd")).toEqual(["uppercase", "common"]);
    // One character more and it is no longer on the list.
    expect(rules("P@ssw0rd!")).toEqual([]);
  });

  it("ships the 10,000 most common passwords, lower case, without blanks or duplicates", () => {
    const list = COMMON_PASSWORDS_TEXT.split("\n");
    expect(list).toHaveLength(10_000);
    expect(new Set(list).size).toBe(10_000);
    for (const entry of list) {
      expect(entry).toBe(entry.trim().toLowerCase());
      expect(entry.length).toBeGreaterThan(0);
    }
    expect(list.slice(0, 3)).toEqual(["123456", "password", "12345678"]);
  });

  it("flags every entry of the list as common, whatever its case", () => {
    const list = COMMON_PASSWORDS_TEXT.split("\n");
    for (const entry of list) {
      expect(rules(entry)).toContain("common");
      expect(rules(entry.toUpperCase())).toContain("common");
    }
  });

  it("never truncates: the rule set of any string over 72 bytes includes max_bytes", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", minLength: 1, maxLength: 120 }), (s) => {
        const tooLong = bytes(s) > PASSWORD_MAX_BYTES;
        expect(rules(s).includes("max_bytes")).toBe(tooLong);
      }),
    );
  });

  it("accepts any password built from an uppercase letter, a digit, a symbol and enough other letters", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{5,60}$/), fc.constantFrom("!", "#", "-", "?", "€", "_"), fc.integer({ min: 0, max: 9 }), (letters, symbol, digit) => {
        // The list's only entry with both a digit and a symbol is p@ssw0rd, so none of these is common.
        expect(rules(`Q${letters}${digit}${symbol}`)).toEqual([]);
      }),
    );
  });
});
