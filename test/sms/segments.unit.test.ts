import { describe, expect, it } from "vitest";
import { segmentInfo } from "../../domain/sms/segments";

describe("segmentInfo", () => {
  it("fits 160 GSM-7 characters in one segment", () => {
    expect(segmentInfo("a".repeat(160))).toEqual({ encoding: "GSM-7", units: 160, segments: 1, remaining: 0 });
  });

  it("splits 161 GSM-7 characters into two segments of 153", () => {
    expect(segmentInfo("a".repeat(161))).toEqual({ encoding: "GSM-7", units: 161, segments: 2, remaining: 306 - 161 });
    expect(segmentInfo("a".repeat(306))).toMatchObject({ segments: 2, remaining: 0 });
    expect(segmentInfo("a".repeat(307))).toMatchObject({ segments: 3, remaining: 459 - 307 });
  });

  it("counts an empty text as one GSM-7 segment", () => {
    expect(segmentInfo("")).toEqual({ encoding: "GSM-7", units: 0, segments: 1, remaining: 160 });
  });

  it("keeps GSM-7 for the basic table's accented letters and symbols", () => {
    expect(segmentInfo("Café £5 @ Ñandú — no").encoding).toBe("UCS-2"); // the em dash is not GSM-7
    expect(segmentInfo("Café £5 @ Ñoño ¿Si? ÄÖÜ äöü ß è à")).toMatchObject({ encoding: "GSM-7", units: 33 });
  });

  it("counts each extension character (€ [ ] { } \\ ~ ^ |) as two septets", () => {
    expect(segmentInfo("€[]{}\\~^|")).toEqual({ encoding: "GSM-7", units: 18, segments: 1, remaining: 142 });
    // 159 plain + one € = 161 septets: two segments although it is 160 characters.
    expect(segmentInfo("a".repeat(159) + "€")).toMatchObject({ encoding: "GSM-7", units: 161, segments: 2 });
    expect(segmentInfo("a".repeat(158) + "€")).toMatchObject({ units: 160, segments: 1, remaining: 0 });
  });

  it("switches the whole text to UCS-2 for an emoji, counting UTF-16 units (70, then 67)", () => {
    const withEmoji = "Table ready 🍝"; // the emoji is two UTF-16 code units
    expect(segmentInfo(withEmoji)).toEqual({ encoding: "UCS-2", units: 14, segments: 1, remaining: 56 });
    expect(segmentInfo("🍝" + "a".repeat(68))).toMatchObject({ encoding: "UCS-2", units: 70, segments: 1, remaining: 0 });
    expect(segmentInfo("🍝" + "a".repeat(69))).toMatchObject({ encoding: "UCS-2", units: 71, segments: 2, remaining: 134 - 71 });
  });

  it("switches to UCS-2 for a letter outside GSM-7 such as ł", () => {
    expect(segmentInfo("Łódź, stolik gotowy, Michał")).toMatchObject({ encoding: "UCS-2", units: 27, segments: 1 });
    expect(segmentInfo("ł".repeat(70))).toEqual({ encoding: "UCS-2", units: 70, segments: 1, remaining: 0 });
    expect(segmentInfo("ł".repeat(71))).toEqual({ encoding: "UCS-2", units: 71, segments: 2, remaining: 63 });
    expect(segmentInfo("ł".repeat(135))).toEqual({ encoding: "UCS-2", units: 135, segments: 3, remaining: 201 - 135 });
  });

  it("counts extension characters as one unit once the text is UCS-2", () => {
    expect(segmentInfo("ł€")).toEqual({ encoding: "UCS-2", units: 2, segments: 1, remaining: 68 });
  });
});
