// Issue 22: who gets the widget. Its data carries CORS headers only for a site on the location's
// list (exactly that origin), its frame's CSP frame-ancestors lists exactly those sites, and with the
// widget off or no site listed both are refused. No cookies, no party's data, ETag polling.
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../../src/index";
import { call, ORIGIN, signUp } from "../helpers/api";
import { expectError } from "../helpers/errors";
import { setSettings, slugOf } from "../public/support";
import { setWidget, widgetData } from "./support";

const SITE = "https://www.trattoria.example";
const OTHER = "https://shop.trattoria.example";
const STRANGER = "https://copycat.example";

async function liveWidget() {
  const o = await signUp();
  await setWidget(o, { enabled: true, allowedOrigins: [SITE, OTHER] });
  return { o, slug: await slugOf(o) };
}

const cspOf = (res: { headers: Headers }) => res.headers.get("Content-Security-Policy") ?? "";
const frameAncestorsOf = (res: { headers: Headers }) => /frame-ancestors ([^;]+)/.exec(cspOf(res))?.[1]?.trim();

describe("widget data (CORS)", () => {
  it("answers a listed site with Access-Control-Allow-Origin naming exactly it, and no cookies", async () => {
    const { slug } = await liveWidget();
    for (const origin of [SITE, OTHER]) {
      const res = await widgetData(slug, origin);
      expect(res.status, res.text).toBe(200);
      expect(res.headers.get("Access-Control-Allow-Origin")).toBe(origin);
      expect(res.headers.get("Access-Control-Allow-Credentials")).toBeNull();
      expect(res.headers.get("Vary")).toMatch(/Origin/);
      expect(res.headers.get("Set-Cookie")).toBeNull();
    }
  });

  it("refuses a site not on the list: 403 in the one error shape, no CORS headers, no data", async () => {
    const { slug } = await liveWidget();
    for (const origin of [STRANGER, "http://www.trattoria.example", "https://www.trattoria.example.copycat.example", "null"]) {
      const res = await widgetData(slug, origin);
      expectError(res, 403, "forbidden", origin);
      expect(res.headers.get("Access-Control-Allow-Origin"), origin).toBeNull();
      expect(res.headers.get("Vary"), origin).toMatch(/Origin/);
      expect(res.text).not.toContain("estimates");
    }
  });

  it("is refused to everyone while the widget is off, or on with no site listed", async () => {
    const { o, slug } = await liveWidget();
    await setWidget(o, { enabled: false });
    for (const origin of [SITE, undefined]) {
      const res = await widgetData(slug, origin);
      expectError(res, 403, "forbidden", String(origin));
      expect(res.headers.get("Access-Control-Allow-Origin")).toBeNull();
    }
    await setWidget(o, { enabled: true, allowedOrigins: [] });
    expectError(await widgetData(slug, SITE), 403, "forbidden");
    // Never switched on at all: the default.
    const fresh = await signUp();
    expectError(await widgetData(await slugOf(fresh), SITE), 403, "forbidden");
    expectError(await widgetData("no-such-place-here", SITE), 404, "not_found");
  });

  it("follows the list as it changes: a site taken off loses the data at once", async () => {
    const { o, slug } = await liveWidget();
    await setWidget(o, { allowedOrigins: [OTHER] });
    expectError(await widgetData(slug, SITE), 403, "forbidden");
    expect((await widgetData(slug, OTHER)).headers.get("Access-Control-Allow-Origin")).toBe(OTHER);
  });

  it("is not widened by the deployment's CORS_ORIGINS: only the location's own list counts", async () => {
    const { slug } = await liveWidget();
    // A deployment that lets its own web client (STRANGER here) call the API from another origin.
    const ctx = createExecutionContext();
    const res = await worker.fetch(
      new Request(`${ORIGIN}/api/public/locations/${slug}/widget`, { headers: { Origin: STRANGER, "CF-Connecting-IP": "203.0.113.9" } }),
      { ...env, CORS_ORIGINS: STRANGER },
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(403);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBeNull();
  });

  it("shows the wait by party size, open or closed and the links, and never a party", async () => {
    const { o, slug } = await liveWidget();
    await call("POST", `/api/locations/${o.locationId}/waitlist`, {
      token: o.token,
      body: { name: "Ana Vexwellqj", phone: "+1 415 555 0199", size: 4, notes: "notejqxw allergy", tags: ["Patio"], smsConsent: true },
    });
    const res = await widgetData(slug, SITE);
    expect(res.json).toMatchObject({ location: { slug, language: "en" }, open: true, full: false });
    expect(Object.keys(res.json).sort()).toEqual(["bookUrl", "estimates", "full", "joinUrl", "location", "open"]);
    expect(res.json.estimates[0]).toEqual({ partySize: 1, estimatedWaitMinutes: expect.any(Number) });
    expect(res.json.estimates.at(3).estimatedWaitMinutes).toBeGreaterThan(0);
    for (const secret of ["Vexwell", "555", "0199", "notejqxw", "Patio"]) expect(res.text).not.toContain(secret);
    expect(res.json.joinUrl === null || res.json.joinUrl.endsWith(`/join/${slug}`)).toBe(true);
  });

  it("says when the line is closed or full, and speaks the location's language", async () => {
    const { o, slug } = await liveWidget();
    await setSettings(o, { open: false, language: "it" });
    expect((await widgetData(slug, SITE)).json).toMatchObject({ open: false, full: false, location: { language: "it" } });
    await setSettings(o, { open: true, maxLength: 1 });
    await call("POST", `/api/locations/${o.locationId}/waitlist`, { token: o.token, body: { name: "Bruno", size: 2 } });
    expect((await widgetData(slug, SITE)).json).toMatchObject({ open: true, full: true });
    const frame = await call("GET", `/widget/${slug}`);
    expect(frame.text).toContain('<html lang="it">');
    expect(frame.text).toContain("<title>Attesa in tempo reale da ");
  });

  it("answers 304 to a poll whose ETag still matches, and a new ETag once the wait moves", async () => {
    const { o, slug } = await liveWidget();
    const first = await widgetData(slug, SITE);
    const etag = first.headers.get("ETag")!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(first.headers.get("Cache-Control")).toBe("no-cache");
    const again = await widgetData(slug, SITE, { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(again.text).toBe("");
    expect(again.headers.get("Access-Control-Allow-Origin")).toBe(SITE);
    await call("POST", `/api/locations/${o.locationId}/waitlist`, { token: o.token, body: { name: "Bruno", size: 2 } });
    const moved = await widgetData(slug, SITE, { "If-None-Match": etag });
    expect(moved.status).toBe(200);
    expect(moved.headers.get("ETag")).not.toBe(etag);
  });
});

describe("widget frame (frame-ancestors)", () => {
  it("may be framed by exactly the listed sites, with no X-Frame-Options to contradict it", async () => {
    const { slug } = await liveWidget();
    const res = await call("GET", `/widget/${slug}?theme=dark&accent=%238b1e3f&partySize=4`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/html/);
    expect(frameAncestorsOf(res)).toBe(`${SITE} ${OTHER}`);
    expect(cspOf(res)).toMatch(/script-src 'self'/);
    expect(cspOf(res)).toMatch(/connect-src 'self'/);
    expect(res.headers.get("X-Frame-Options")).toBeNull();
    expect(res.headers.get("Set-Cookie")).toBeNull();
    expect(res.text).toContain(`<script src="/widget.js" data-location="${slug}" data-frame data-theme="dark" data-accent="#8b1e3f" data-party-size="4"></script>`);
    expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it("is refused to every site while the widget is off or lists no site (frame-ancestors 'none', 403)", async () => {
    const { o, slug } = await liveWidget();
    await setWidget(o, { enabled: false });
    let res = await call("GET", `/widget/${slug}`);
    expect(res.status).toBe(403);
    expect(frameAncestorsOf(res)).toBe("'none'");
    expect(res.headers.get("X-Frame-Options")).toBe("DENY");
    expect(res.text).not.toContain("widget.js");
    await setWidget(o, { enabled: true, allowedOrigins: [] });
    res = await call("GET", `/widget/${slug}`);
    expect(res.status).toBe(403);
    expect(frameAncestorsOf(res)).toBe("'none'");
  });

  it("refuses bad display options with 400 in the one error shape", async () => {
    const { slug } = await liveWidget();
    for (const q of ["theme=neon", "accent=red", "accent=%23fff", "partySize=0", "partySize=two", "partyPicker=maybe", "extra=1", "accent=%22%3E%3Cscript%3E"]) {
      const res = await call("GET", `/widget/${slug}?${q}`);
      expectError(res, 400, "validation_failed", q);
      expect(frameAncestorsOf(res), q).toBe("'none'");
    }
    expectError(await call("GET", "/widget/no-such-place-here"), 404, "not_found");
  });

  it("of one location lists only that location's sites", async () => {
    const { slug } = await liveWidget();
    const b = await signUp();
    await setWidget(b, { enabled: true, allowedOrigins: [STRANGER] });
    expect(frameAncestorsOf(await call("GET", `/widget/${await slugOf(b)}`))).toBe(STRANGER);
    expect(frameAncestorsOf(await call("GET", `/widget/${slug}`))).toBe(`${SITE} ${OTHER}`);
    expectError(await widgetData(slug, STRANGER), 403, "forbidden");
  });
});
