// The board's colours, set on the page as CSS variables (board.css reads only these). A TV is read
// from across a room: every text colour here reaches at least 7:1 on the background it sits on
// (WCAG AAA), checked by test/web/board-contrast.unit.test.ts with domain/contrast.ts. The header is
// the location's accent colour with white text, which its settings already hold to 4.5:1 (AAA for
// the board's large type).
export const BOARD_PALETTE = {
  "--b-bg": "#0d1211",
  "--b-panel": "#18201e",
  "--b-text": "#ffffff",
  "--b-muted": "#c4cdca",
  "--b-called": "#ffe08a",
  "--b-line": "#3a4643",
} as const;

/** Text colours and the backgrounds they are drawn on. */
export const BOARD_TEXT_PAIRS: [text: keyof typeof BOARD_PALETTE, on: keyof typeof BOARD_PALETTE][] = [
  ["--b-text", "--b-bg"],
  ["--b-text", "--b-panel"],
  ["--b-muted", "--b-bg"],
  ["--b-muted", "--b-panel"],
  ["--b-called", "--b-panel"],
];

/** Seatline's own accent, when the location has none. */
export const DEFAULT_ACCENT = "#0f5c4d";
