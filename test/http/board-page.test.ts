// Issue 22: the display board page (/board/<slug>) is served like the guest pages — its own bundle's
// HTML under the same page CSP, no inline script or style — and its info answer is public and small.
import { describe, expect, it } from "vitest";
import { PAGE_CSP } from "../../src/app";
import { call, signUp } from "../helpers/api";
import { expectError } from "../helpers/errors";
import { setSettings, slugOf } from "../public/support";

describe("display board page", () => {
  it("/board/<slug> serves the board bundle as HTML with the guest pages' CSP and no inline script", async () => {
    const res = await call("GET", "/board/demo-bistro");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/html/);
    expect(res.headers.get("Content-Security-Policy")).toBe(PAGE_CSP);
    expect((await call("GET", "/join/demo-bistro")).headers.get("Content-Security-Policy")).toBe(res.headers.get("Content-Security-Policy"));
    expect(res.headers.get("Cache-Control")).toBe("no-cache");
    expect(res.text).toMatch(/<script type="module" crossorigin src="\/assets\/board-[\w-]+\.js"><\/script>/);
    expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(res.text).not.toMatch(/\sstyle=/);
    // Neither the host app nor the guest pages come with it.
    expect(res.text).not.toMatch(/assets\/(app|guest)-/);
  });

  it("its info names the place, the join link and whether the board is on, and nothing of the line", async () => {
    const o = await signUp();
    const slug = await slugOf(o);
    const off = await call("GET", `/api/public/locations/${slug}/board`);
    expect(off.status).toBe(200);
    expect(off.json).toMatchObject({ slug, enabled: false, names: "name", joinUrl: expect.stringMatching(new RegExp(`/join/${slug}$`)) });
    await setSettings(o, { boardEnabled: true, boardNames: "number", accentColor: "#8b1e3f" });
    const on = await call("GET", `/api/public/locations/${slug}/board`);
    expect(on.json).toMatchObject({ enabled: true, names: "number", accentColor: "#8b1e3f", logoUrl: null });
    expect(Object.keys(on.json).sort()).toEqual(["accentColor", "country", "enabled", "joinUrl", "language", "logoUrl", "name", "names", "slug", "timeZone"]);
  });

  it("answers 404 in the one error shape for an unknown place", async () => {
    expectError(await call("GET", "/api/public/locations/no-such-place-here/board"), 404, "not_found");
  });
});
