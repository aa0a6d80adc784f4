// A location's accent colour must keep white text on it readable (WCAG AA, 4.5:1).
import { describe, expect, it } from "vitest";
import { contrastRatio, readableAccent } from "../../domain/contrast";

describe("accent colour contrast", () => {
  it("computes WCAG ratios", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBeCloseTo(1, 5);
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
  });

  it.each([
    ["#0f5c4d", true, "Seatline's own green"],
    ["#8b1e3f", true, "a deep burgundy"],
    ["#1d4ed8", true, "a strong blue"],
    ["#777777", false, "a mid grey just under 4.5:1"],
    ["#f5c518", false, "a bright yellow"],
    ["#ffffff", false, "white"],
    ["0f5c4d", false, "no #"],
    ["#0f5c4", false, "five digits"],
    ["#0f5c4dzz", false, "junk after"],
  ])("%s → %s (%s)", (hex, ok) => {
    expect(readableAccent(hex)).toBe(ok);
  });
});
