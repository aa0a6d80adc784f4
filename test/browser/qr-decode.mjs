// Reads QR codes the way a phone does: from pixels. A screenshot (or an SVG file) is drawn on a canvas
// in the page, its pixels come back to Node, and jsQR decodes them.
import jsQR from "jsqr";

async function pixelsOf(page, dataUrl) {
  return page.evaluate(async (src) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    // Enough pixels per module for any URL-sized code, with a white margin.
    const w = Math.max(img.naturalWidth || 0, 400);
    const h = Math.round(w * ((img.naturalHeight || w) / (img.naturalWidth || w)));
    const canvas = document.createElement("canvas");
    canvas.width = w;
    canvas.height = h;
    const g = canvas.getContext("2d");
    g.fillStyle = "#fff";
    g.fillRect(0, 0, w, h);
    g.drawImage(img, 0, 0, w, h);
    // Base64 crosses the DevTools protocol far faster than an array of numbers.
    const bytes = g.getImageData(0, 0, w, h).data;
    let bin = "";
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { width: w, height: h, data: btoa(bin) };
  }, dataUrl);
}

function decode({ width, height, data }) {
  const found = jsQR(new Uint8ClampedArray(Buffer.from(data, "base64")), width, height);
  return found?.data ?? null;
}

/** The text of the QR code shown by `locator`, decoded from a screenshot of it. */
export async function decodeShown(page, locator) {
  const png = await locator.screenshot();
  return decode(await pixelsOf(page, `data:image/png;base64,${png.toString("base64")}`));
}

/** The text of a QR code in an SVG document (a downloaded file), rasterised in the page. */
export async function decodeSvg(page, svgText) {
  return decode(await pixelsOf(page, `data:image/svg+xml;base64,${Buffer.from(svgText).toString("base64")}`));
}
