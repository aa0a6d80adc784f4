// The one rule for free text (issue 20, item 4; src/lib/text.ts).
import { describe, expect, it } from "vitest";
import { freeText, normalizeText } from "../../src/lib/text";

const one = { max: 10, min: 1 };
const multi = { max: 50, multiline: true };

describe("normalizeText", () => {
  it("stores NFC: a decomposed é becomes the composed one", () => {
    expect(normalizeText("Jose\u0301", one)).toEqual({ ok: true, value: "Jos\u00e9" });
  });

  it("refuses lone surrogates, either half", () => {
    for (const s of ["\ud800x", "x\udc00", "\udbff"]) expect(normalizeText(s, one)).toMatchObject({ ok: false, problem: "lone_surrogate" });
    // A proper pair is one character (an emoji).
    expect(normalizeText("\ud83c\udf55", one)).toEqual({ ok: true, value: "🍕" });
  });

  it("refuses NUL and other control characters, and U+FFFD from invalid UTF-8", () => {
    for (const s of ["a\u0000b", "a\u0007", "a\u001bb", "a\u007f", "a\u0085", "a\u2028b", "a\ufffdb", "tab\there"]) {
      expect(normalizeText(s, one), JSON.stringify(s)).toMatchObject({ ok: false, problem: "control" });
    }
    expect((normalizeText("a\ufffdb", one) as { message: string }).message).toMatch(/invalid UTF-8/);
  });

  it("keeps newlines only in multi-line fields, with CRLF and CR as LF", () => {
    expect(normalizeText("line 1\nline 2", one)).toMatchObject({ ok: false, problem: "control" });
    expect(normalizeText("line 1\r\nline 2\rline 3", multi)).toEqual({ ok: true, value: "line 1\nline 2\nline 3" });
    expect(normalizeText("a\u0000", multi)).toMatchObject({ ok: false, problem: "control" });
  });

  it("trims, and counts length in code points", () => {
    expect(normalizeText("  Ana  ", one)).toEqual({ ok: true, value: "Ana" });
    expect(normalizeText("   ", one)).toMatchObject({ ok: false, problem: "too_short" });
    expect(normalizeText("🍕".repeat(10), one)).toEqual({ ok: true, value: "🍕".repeat(10) });
    expect(normalizeText("🍕".repeat(11), one)).toMatchObject({ ok: false, problem: "too_long" });
  });
});

describe("freeText (zod)", () => {
  it("parses to the normalized value and refuses with an issue", () => {
    expect(freeText(one).parse(" Jose\u0301 ")).toBe("Jos\u00e9");
    const r = freeText(one).safeParse("\ud800x");
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/surrogate/);
  });
});
