// Issue 22: the widget script itself (built by npm run build:web, as the page tests need): served
// under its stable name to any site (Cross-Origin-Resource-Policy: cross-origin), cached briefly, and
// reaching for nothing but the origin it came from — no address of anyone else in it, no storage.
import { describe, expect, it } from "vitest";
import { call } from "../helpers/api";

describe("widget.js", () => {
  it("is served to any site as a script, cached for minutes, from our origin only", async () => {
    const res = await call("GET", "/widget.js");
    expect(res.status, "run npm run build:web first").toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/javascript/);
    expect(res.headers.get("Cross-Origin-Resource-Policy")).toBe("cross-origin");
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=300");
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(res.headers.get("Set-Cookie")).toBeNull();
    expect(res.text).not.toMatch(/https?:\/\//);
    expect(res.text).not.toMatch(/document\.cookie|localStorage|sessionStorage|indexedDB/);
    expect(res.text).toMatch(/credentials:\s*["'`]omit["'`]/);
  });

  it("keeps the rest of the site same-origin only (the change is the script's alone)", async () => {
    const res = await call("GET", "/api/openapi.json");
    expect(res.headers.get("Cross-Origin-Resource-Policy")).toBe("same-origin");
    expect(res.headers.get("X-Frame-Options")).toBe("DENY");
  });
});
