// WCAG 2.x contrast between two sRGB colours, for a location's accent colour: guest pages put white
// text on it (buttons, the "table ready" card) and use it for links on white, so it must reach 4.5:1
// against white to keep the pages readable (WCAG AA for normal text).
export const ACCENT_RE = /^#[0-9a-fA-F]{6}$/;
export const MIN_ACCENT_CONTRAST = 4.5;

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** The contrast ratio (1 to 21) of two "#rrggbb" colours. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Whether white text on the colour (and the colour as text on white) is readable. */
export function readableAccent(hex: string): boolean {
  return ACCENT_RE.test(hex) && contrastRatio(hex, "#ffffff") >= MIN_ACCENT_CONTRAST;
}
