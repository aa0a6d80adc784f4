// The web app's pages: each path serves its bundle's HTML (built by npm run build:web) with the page CSP.
import { describe, expect, it } from "vitest";
import { PAGE_CSP } from "../../src/app";
import { call } from "../helpers/api";

const token = "0123456789abcdef0123456789abcdef" + "A".repeat(43);

describe("web app pages", () => {
  it.each([
    ["/app", "app"],
    ["/app/settings/team", "app"],
    ["/login", "app"],
    ["/signup", "app"],
    ["/signup/confirm/abc", "app"],
    ["/invite/abc", "app"],
    ["/reset-password/abc", "app"],
    [`/w/${token}`, "guest"],
    ["/join/demo-bistro", "guest"],
    ["/book/demo-bistro", "guest"],
    [`/book/${token}`, "guest"],
  ])("%s serves the %s bundle as HTML with the page CSP and no inline script", async (path, bundle) => {
    const res = await call("GET", path);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/html/);
    expect(res.headers.get("Content-Security-Policy")).toBe(PAGE_CSP);
    expect(res.headers.get("Cache-Control")).toBe("no-cache");
    expect(res.text).toMatch(new RegExp(`<script type="module" crossorigin src="/assets/${bundle}-[\\w-]+\\.js"></script>`));
    expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(res.text).not.toMatch(/\sstyle=/);
  });

  it("keeps the guest bundle away from the host app's code", async () => {
    const guest = (await call("GET", "/join/demo-bistro")).text;
    expect(guest).not.toMatch(/assets\/app-/);
  });

  it("serves the hashed bundles themselves", async () => {
    const html = (await call("GET", "/app")).text;
    const src = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const js = await call("GET", src);
    expect(js.status).toBe(200);
    expect(js.headers.get("Content-Type")).toMatch(/javascript/);
  });

  it("answers 405 to other methods on a page and JSON 404 for unknown paths", async () => {
    const post = await call("POST", "/login", { body: {} });
    expect(post.status).toBe(405);
    const missing = await call("GET", "/nope/nothing-here");
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe("not_found");
  });
});
