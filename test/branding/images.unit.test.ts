// The logo check (domain/images.ts): the type is read from the bytes, with the pixel size.
import { describe, expect, it } from "vitest";
import { logoProblem, MAX_LOGO_BYTES, sniffImage } from "../../domain/images";

const bytes = (...parts: (number[] | string)[]) => new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)));
const le32 = (n: number) => [n & 255, (n >> 8) & 255, (n >> 16) & 255, (n >>> 24) & 255];
const pad = (n: number) => new Array(n).fill(0);

const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], "IHDR", [0, 0, 1, 0x2c, 0, 0, 0, 0x64], pad(20));
const JPEG_PROGRESSIVE = bytes([0xff, 0xd8, 0xff, 0xe1, 0, 4, 0, 0, 0xff, 0xc4, 0, 2, 0xff, 0xc2, 0, 11, 8, 0, 50, 0, 200, 1, 1, 0x11, 0], pad(4));
const WEBP_LOSSY = bytes("RIFF", le32(40), "WEBP", "VP8 ", le32(20), [0, 0, 0, 0x9d, 0x01, 0x2a, 120, 0, 60, 0], pad(10));
const WEBP_LOSSLESS = bytes("RIFF", le32(40), "WEBP", "VP8L", le32(10), [0x2f], le32((99) | (49 << 14)), pad(10));
const WEBP_EXTENDED = bytes("RIFF", le32(40), "WEBP", "VP8X", le32(10), [0, 0, 0, 0], [255, 1, 0], [127, 0, 0], pad(10));

describe("sniffImage", () => {
  it.each([
    ["PNG", PNG, { type: "image/png", width: 300, height: 100 }],
    ["progressive JPEG after a DHT", JPEG_PROGRESSIVE, { type: "image/jpeg", width: 200, height: 50 }],
    ["lossy WebP", WEBP_LOSSY, { type: "image/webp", width: 120, height: 60 }],
    ["lossless WebP", WEBP_LOSSLESS, { type: "image/webp", width: 100, height: 50 }],
    ["extended WebP", WEBP_EXTENDED, { type: "image/webp", width: 512, height: 128 }],
  ])("%s", (_name, b, expected) => {
    expect(sniffImage(b)).toEqual(expected);
  });

  it.each([
    ["SVG", bytes('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ["GIF", bytes("GIF89a", pad(20))],
    ["HTML", bytes("<!doctype html><script>1</script>")],
    ["a truncated PNG", PNG.subarray(0, 12)],
    ["nothing", new Uint8Array(0)],
  ])("%s is not a logo image", (_name, b) => {
    expect(sniffImage(b)).toBeNull();
  });
});

describe("logoProblem", () => {
  it("accepts a PNG declared as PNG (parameters on the type are fine)", () => {
    expect(logoProblem("image/png", PNG)).toBeNull();
    expect(logoProblem("IMAGE/PNG; charset=binary", PNG)).toBeNull();
  });
  it("refuses SVG by name, a type that lies, too many bytes", () => {
    expect(logoProblem("image/svg+xml", PNG)).toMatchObject({ status: 415, message: expect.stringMatching(/SVG/) });
    expect(logoProblem("image/webp", PNG)).toMatchObject({ status: 415 });
    expect(logoProblem(undefined, PNG)).toMatchObject({ status: 415 });
    const big = new Uint8Array(MAX_LOGO_BYTES + 1);
    big.set(PNG);
    expect(logoProblem("image/png", big)).toMatchObject({ status: 413 });
  });
});
