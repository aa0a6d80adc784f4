// Issue 22: the display board is read from across a room, so each of its text colours reaches 7:1
// (WCAG AAA) on the background it is drawn on, and the header's white text on Seatline's accent
// reaches the 4.5:1 every location's accent is held to (readableAccent).
import { describe, expect, it } from "vitest";
import { contrastRatio, readableAccent } from "../../domain/contrast";
import { BOARD_PALETTE, BOARD_TEXT_PAIRS, DEFAULT_ACCENT } from "../../web/src/board/palette";

describe("display board colours", () => {
  it.each(BOARD_TEXT_PAIRS)("%s on %s reaches 7:1", (text, on) => {
    expect(contrastRatio(BOARD_PALETTE[text], BOARD_PALETTE[on])).toBeGreaterThanOrEqual(7);
  });

  it("puts white header text on an accent that reads at 4.5:1", () => {
    expect(readableAccent(DEFAULT_ACCENT)).toBe(true);
  });
});
