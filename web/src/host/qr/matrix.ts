// A QR code as one SVG path: uqr (a port of Project Nayuki's reference generator) makes the module
// matrix; each row's dark runs become rectangles. Drawn as DOM SVG, so it needs no inline style or
// script and passes the pages' CSP.
import { encode } from "uqr";

/** The quiet zone the QR specification asks for, in modules. */
export const QUIET_ZONE = 4;

export interface QrShape {
  /** Modules per side, quiet zone included (the SVG viewBox is 0 0 size size). */
  size: number;
  /** The dark modules as a path in module units. */
  d: string;
}

export function qrShape(text: string): QrShape {
  // M (15% recovery) keeps a URL-sized code small while surviving a scuffed poster.
  const { data, size } = encode(text, { ecc: "M", border: QUIET_ZONE });
  let d = "";
  data.forEach((row, y) => {
    for (let x = 0; x < row.length; ) {
      if (!row[x]) {
        x += 1;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x += 1;
      d += `M${start} ${y}h${x - start}v1h${start - x}z`;
    }
  });
  return { size, d };
}

/** The code as a standalone SVG document (for download and print shops). */
export function qrSvgDocument(text: string, title: string): string {
  const { size, d } = qrShape(text);
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${size * 10}" height="${size * 10}" shape-rendering="crispEdges"><title>${esc(title)}</title><rect width="${size}" height="${size}" fill="#fff"/><path d="${d}" fill="#000"/></svg>\n`;
}
