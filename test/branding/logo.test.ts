// A location's logo (issue 21, "Branding"): an admin uploads a PNG, JPEG or WebP (checked from its
// bytes, size and pixels; SVG refused), it is kept in R2 and served from our own origin with its type,
// nosniff and immutable caching, and every guest page's answer names it.
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, GOOD_PASSWORD, ORIGIN, signUp, type SignedUp } from "../helpers/api";
import { inviteToken } from "../auth/support";
import { expectError } from "../helpers/errors";

/** The start of a PNG: signature and IHDR with this size (the rest is not read by the check). */
function png(width: number, height: number, extra = 64): Uint8Array {
  const b = new Uint8Array(33 + extra);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(b.buffer).setUint32(16, width);
  new DataView(b.buffer).setUint32(20, height);
  for (let i = 33; i < b.length; i++) b[i] = i % 251;
  return b;
}

function jpeg(width: number, height: number): Uint8Array {
  // SOI, an APP0 segment, then SOF0 with the size.
  return new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 11, 8, height >> 8, height & 255, width >> 8, width & 255, 1, 1, 0x11, 0, 0xff, 0xd9]);
}

async function put(owner: SignedUp, bytes: Uint8Array | string, type: string, token = owner.token) {
  const res = await SELF.fetch(`${ORIGIN}/api/locations/${owner.locationId}/logo`, { method: "PUT", headers: { Authorization: `Bearer ${token}`, "Content-Type": type, "CF-Connecting-IP": "203.0.113.50" }, body: bytes });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: text ? JSON.parse(text) : null };
}

const slugOf = async (o: SignedUp) => (await call("GET", `/api/locations/${o.locationId}`, { token: o.token })).json.slug as string;

describe("the location's logo", () => {
  it("stores a PNG and serves it from our origin with its type, nosniff and immutable caching", async () => {
    const o = await signUp();
    const bytes = png(240, 80);
    const res = await put(o, bytes, "image/png");
    expect(res.status, res.text).toBe(200);
    expect(res.json.logoUrl).toMatch(new RegExp(`^/logos/${o.locationId}/[0-9a-f]{64}\\.png$`));
    const file = await SELF.fetch(`${ORIGIN}${res.json.logoUrl}`);
    expect(file.status).toBe(200);
    expect(file.headers.get("Content-Type")).toBe("image/png");
    expect(file.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(file.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes);
    const again = await SELF.fetch(`${ORIGIN}${res.json.logoUrl}`, { headers: { "If-None-Match": file.headers.get("ETag")! } });
    expect(again.status).toBe(304);
  });

  it("is named by the location and by every guest page's answer", async () => {
    const o = await signUp();
    const { json } = await put(o, jpeg(300, 100), "image/jpeg");
    expect(json.logoUrl).toMatch(/\.jpg$/);
    expect((await call("GET", `/api/locations/${o.locationId}`, { token: o.token })).json.logoUrl).toBe(json.logoUrl);
    expect((await call("GET", `/api/public/locations/${await slugOf(o)}`)).json.logoUrl).toBe(json.logoUrl);
  });

  it("a new logo replaces the old one, whose URL stops working; DELETE removes it", async () => {
    const o = await signUp();
    const first = (await put(o, png(100, 100), "image/png")).json.logoUrl;
    const second = (await put(o, png(120, 100), "image/png")).json.logoUrl;
    expect(second).not.toBe(first);
    expect((await SELF.fetch(`${ORIGIN}${first}`)).status).toBe(404);
    expect((await SELF.fetch(`${ORIGIN}${second}`)).status).toBe(200);
    const del = await call("DELETE", `/api/locations/${o.locationId}/logo`, { token: o.token });
    expect(del.status).toBe(200);
    expect(del.json.logoUrl).toBeNull();
    expect((await SELF.fetch(`${ORIGIN}${second}`)).status).toBe(404);
    expect((await call("GET", `/api/public/locations/${await slugOf(o)}`)).json.logoUrl).toBeNull();
  });

  it("refuses SVG, other types and bytes that are not what they claim (415), and changes nothing", async () => {
    const o = await signUp();
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    const refusedSvg = await put(o, svg, "image/svg+xml");
    expectError(refusedSvg, 415, "unsupported_media_type");
    expect(refusedSvg.json.error.message).toMatch(/SVG/);
    expectError(await put(o, svg, "image/png"), 415, "unsupported_media_type");
    expectError(await put(o, png(100, 100), "image/jpeg"), 415, "unsupported_media_type");
    expectError(await put(o, "GIF89a....", "image/gif"), 415, "unsupported_media_type");
    expectError(await put(o, "<html></html>", "text/html"), 415, "unsupported_media_type");
    expect((await call("GET", `/api/locations/${o.locationId}`, { token: o.token })).json.logoUrl).toBeNull();
  });

  it("refuses an image too small, too large in pixels (400) or in bytes (413)", async () => {
    const o = await signUp();
    expectError(await put(o, png(8, 8), "image/png"), 400, "validation_failed");
    expectError(await put(o, png(5000, 100), "image/png"), 400, "validation_failed");
    expectError(await put(o, png(100, 100, 300 * 1024), "image/png"), 413, "payload_too_large");
    expectError(await put(o, new Uint8Array(0), "image/png"), 400, "validation_failed");
    const listed = await env.BRANDING.list({ prefix: `logos/${o.locationId}/` });
    expect(listed.objects).toHaveLength(0);
  });

  it("is for admins and owners: a host gets 403, another account 404, no session 401", async () => {
    const o = await signUp();
    const other = await signUp();
    const invite = await inviteToken(o, "host");
    const accepted = await call("POST", `/api/invites/${invite.token}/accept`, { ip: "203.0.113.77", body: { name: "Hal", password: GOOD_PASSWORD } });
    expect(accepted.status, accepted.text).toBeLessThan(300);
    expectError(await put(o, png(100, 100), "image/png", accepted.json.token), 403, "forbidden");
    expectError(await put({ ...o, token: other.token }, png(100, 100), "image/png", other.token), 404, "not_found");
    expectError(await put(o, png(100, 100), "image/png", "nope"), 401, "unauthorized");
    expect((await call("GET", `/api/locations/${o.locationId}`, { token: o.token })).json.logoUrl).toBeNull();
  });

  it("goes with its location when the location is deleted", async () => {
    const o = await signUp();
    const created = await call("POST", "/api/locations", { token: o.token, body: { name: "Second room", timezone: "UTC" } });
    expect(created.status, created.text).toBe(201);
    const second = { ...o, locationId: created.json.id as string };
    const url = (await put(second, png(100, 100), "image/png")).json.logoUrl;
    expect((await SELF.fetch(`${ORIGIN}${url}`)).status).toBe(200);
    const del = await call("DELETE", `/api/locations/${second.locationId}`, { token: o.token });
    expect(del.status, del.text).toBeLessThan(300);
    expect((await env.BRANDING.list({ prefix: `logos/${second.locationId}/` })).objects).toHaveLength(0);
    expect((await SELF.fetch(`${ORIGIN}${url}`)).status).toBe(404);
  });

  it("answers 404 for a logo that does not exist or a malformed path, without touching R2 keys outside logos/", async () => {
    for (const path of [`/logos/${crypto.randomUUID()}/${"a".repeat(64)}.png`, "/logos/../backups/x.png", "/logos/x/y.svg", `/logos/${crypto.randomUUID()}/${"a".repeat(64)}.svg`]) {
      const res = await SELF.fetch(`${ORIGIN}${path}`);
      expect(res.status, path).toBe(404);
    }
  });
});
