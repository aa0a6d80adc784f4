// A location's logo, checked before it is stored (issue 21, "Branding"): raster images only — PNG,
// JPEG or WebP — read from their own bytes (the declared Content-Type must agree), within a size and
// pixel budget. SVG is refused: it is a document that can carry scripts and links, and sanitizing it
// well is a project of its own; a raster logo renders the same everywhere.
export const LOGO_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
export type LogoType = (typeof LOGO_TYPES)[number];
export const LOGO_EXTENSIONS: Record<LogoType, string> = { "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp" };

export const MAX_LOGO_BYTES = 256 * 1024;
export const MIN_LOGO_PIXELS = 16;
export const MAX_LOGO_PIXELS = 2048;

export interface ImageInfo {
  type: LogoType;
  width: number;
  height: number;
}

const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u16le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u24le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16);
const u32be = (b: Uint8Array, i: number) => ((b[i]! << 24) >>> 0) + ((b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!);
const ascii = (b: Uint8Array, i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));

function png(b: Uint8Array): ImageInfo | null {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length < 24 || sig.some((v, i) => b[i] !== v) || ascii(b, 12, 4) !== "IHDR") return null;
  return { type: "image/png", width: u32be(b, 16), height: u32be(b, 20) };
}

function jpeg(b: Uint8Array): ImageInfo | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    const length = u16be(b, i + 2);
    // Start of frame (baseline, progressive and the rarer kinds; not DHT, JPG or DAC): its size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { type: "image/jpeg", width: u16be(b, i + 7), height: u16be(b, i + 5) };
    }
    if (length < 2) return null;
    i += 2 + length;
  }
  return null;
}

function webp(b: Uint8Array): ImageInfo | null {
  if (b.length < 30 || ascii(b, 0, 4) !== "RIFF" || ascii(b, 8, 4) !== "WEBP") return null;
  const chunk = ascii(b, 12, 4);
  if (chunk === "VP8 " && b[23] === 0x9d && b[24] === 0x01 && b[25] === 0x2a) {
    return { type: "image/webp", width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  }
  if (chunk === "VP8L" && b[20] === 0x2f) {
    const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
    return { type: "image/webp", width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === "VP8X") return { type: "image/webp", width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  return null;
}

/** What the bytes are (PNG, JPEG or WebP, and their pixel size), or null for anything else (SVG included). */
export function sniffImage(bytes: Uint8Array): ImageInfo | null {
  return png(bytes) ?? jpeg(bytes) ?? webp(bytes);
}

export type LogoProblem =
  | { status: 413; code: "payload_too_large"; message: string }
  | { status: 415; code: "unsupported_media_type"; message: string }
  | { status: 400; code: "validation_failed"; message: string };

/** Why these bytes, declared as `contentType`, cannot be a logo; null when they can. */
export function logoProblem(contentType: string | undefined, bytes: Uint8Array): LogoProblem | null {
  const declared = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (declared === "image/svg+xml") return { status: 415, code: "unsupported_media_type", message: "SVG logos are not accepted: upload a PNG, JPEG or WebP image." };
  if (!(LOGO_TYPES as readonly string[]).includes(declared)) {
    return { status: 415, code: "unsupported_media_type", message: "Upload the logo as PNG, JPEG or WebP (Content-Type image/png, image/jpeg or image/webp)." };
  }
  if (bytes.length === 0) return { status: 400, code: "validation_failed", message: "The logo is empty." };
  if (bytes.length > MAX_LOGO_BYTES) return { status: 413, code: "payload_too_large", message: `The logo is over ${MAX_LOGO_BYTES / 1024} KiB: save it smaller.` };
  const info = sniffImage(bytes);
  if (!info || info.type !== declared) return { status: 415, code: "unsupported_media_type", message: `The file is not a ${declared.slice(6).toUpperCase()} image.` };
  const { width, height } = info;
  if (width < MIN_LOGO_PIXELS || height < MIN_LOGO_PIXELS || width > MAX_LOGO_PIXELS || height > MAX_LOGO_PIXELS) {
    return { status: 400, code: "validation_failed", message: `The logo is ${width}×${height} pixels: it must be between ${MIN_LOGO_PIXELS} and ${MAX_LOGO_PIXELS} pixels on each side.` };
  }
  return null;
}
