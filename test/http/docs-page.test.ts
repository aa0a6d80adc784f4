import { describe, expect, it } from "vitest";
import { call } from "../helpers/api";

describe("/api/docs", () => {
  it("is an HTML page that loads its script and stylesheet from the same origin", async () => {
    const res = await call("GET", "/api/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/html/);
    const scripts = [...res.text.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts).toEqual([expect.stringContaining('src="/api/docs/app.js"')]);
    expect(res.text).toMatch(/<link rel="stylesheet" href="\/api\/docs\/app.css">/);
  });

  it("makes no external requests and has nothing inline the CSP would block", async () => {
    const { text } = await call("GET", "/api/docs");
    const urls = [...text.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]!);
    for (const url of urls) expect(url, url).toMatch(/^(\/(?!\/)|#)/);
    expect(text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(text).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=/i);
  });

  it("explains authentication and the error shape before the reference", async () => {
    const { text } = await call("GET", "/api/docs");
    expect(text).toContain('<html lang="en">');
    expect(text).toMatch(/<h1>[^<]*API[^<]*<\/h1>/);
    expect(text).toContain("Authorization: Bearer &lt;token&gt;");
    expect(text).toMatch(/"error":\s*\{\s*"code"/);
    expect(text).toContain('"details"');
    expect(text.indexOf('id="auth"')).toBeLessThan(text.indexOf('id="reference"'));
  });

  it("serves the script as JavaScript", async () => {
    const res = await call("GET", "/api/docs/app.js");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/javascript; charset=utf-8$/);
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    // Its requests: the OpenAPI document, and "Try it" to a path on this origin (tryUrl always starts with "/").
    expect([...res.text.matchAll(/\bfetch\(([^,)]*)/g)].map((m) => m[1])).toEqual(["url", '"/api/openapi.json"']);
    expect(res.text).toContain("var url = tryUrl(");
    expect(res.text).not.toMatch(/\bimport\b|XMLHttpRequest|WebSocket|\.src\s*=/);
    expect(res.text).not.toContain("innerHTML");
  });

  it("serves the stylesheet as CSS", async () => {
    const res = await call("GET", "/api/docs/app.css");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/css; charset=utf-8$/);
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(res.text).not.toMatch(/https?:\/\/|@import|url\(/);
  });
});
