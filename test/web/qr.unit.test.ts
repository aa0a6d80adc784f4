// QR codes (web/src/host/qr/matrix.ts): the SVG path drawn from uqr's matrix, rasterised here and
// read back by jsQR, is the URL it was made from; the quiet zone is the 4 modules the spec asks for.
import fc from "fast-check";
import jsQR from "jsqr";
import { describe, expect, it } from "vitest";
import { QUIET_ZONE, qrShape, qrSvgDocument } from "../../web/src/host/qr/matrix";

/** Paints the path's rectangles ("M x y h w v1 h-w z") into RGBA pixels, `scale` per module. */
function raster(text: string, scale = 4) {
  const { size, d } = qrShape(text);
  const px = size * scale;
  const rgba = new Uint8ClampedArray(px * px * 4).fill(255);
  for (const m of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    const [x, y, w] = [Number(m[1]), Number(m[2]), Number(m[3])];
    for (let yy = y * scale; yy < (y + 1) * scale; yy++) {
      for (let xx = x * scale; xx < (x + w) * scale; xx++) rgba.fill(0, (yy * px + xx) * 4, (yy * px + xx) * 4 + 3);
    }
  }
  return { rgba, px, size, d };
}

describe("QR codes", () => {
  it("a location's check-in and booking URLs decode back from the drawn code", () => {
    for (const url of ["https://seatline.example.com/join/luigis-soho", "https://seatline.example.com/book/luigis-soho", "http://127.0.0.1:8787/join/demo-bistro"]) {
      const { rgba, px } = raster(url);
      expect(jsQR(rgba, px, px)?.data).toBe(url);
    }
  });

  it("any slug the API allows, on any origin, decodes back", () => {
    const slug = fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/).filter((s) => s.length >= 2 && s.length <= 63);
    const origin = fc.constantFrom("https://seatline.example.com", "https://a.b", "https://waitlist.trattoria-da-enzo.co.uk");
    fc.assert(
      fc.property(origin, fc.constantFrom("join", "book"), slug, (o, kind, s) => {
        const url = `${o}/${kind}/${s}`;
        const { rgba, px } = raster(url, 3);
        return jsQR(rgba, px, px)?.data === url;
      }),
      { numRuns: 60 },
    );
  });

  it("keeps a quiet zone of 4 light modules on every side", () => {
    const { size, d } = qrShape("https://seatline.example.com/join/luigis-soho");
    const rects = [...d.matchAll(/M(\d+) (\d+)h(\d+)/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), w: Number(m[3]) }));
    expect(Math.min(...rects.map((r) => r.x))).toBe(QUIET_ZONE);
    expect(Math.min(...rects.map((r) => r.y))).toBe(QUIET_ZONE);
    expect(Math.max(...rects.map((r) => r.x + r.w))).toBe(size - QUIET_ZONE);
    expect(Math.max(...rects.map((r) => r.y + 1))).toBe(size - QUIET_ZONE);
  });

  it("the downloadable SVG carries the same path, a white background and an escaped title", () => {
    const url = "https://seatline.example.com/join/luigis-soho";
    const svg = qrSvgDocument(url, `Self check-in: Luigi's <Soho> & "Bar"`);
    expect(svg).toContain(`d="${qrShape(url).d}"`);
    expect(svg).toContain(`<rect width="${qrShape(url).size}" height="${qrShape(url).size}" fill="#fff"/>`);
    expect(svg).toContain("<title>Self check-in: Luigi's &lt;Soho> &amp; &quot;Bar&quot;</title>");
    expect(svg).not.toMatch(/style=|<script/);
  });
});
