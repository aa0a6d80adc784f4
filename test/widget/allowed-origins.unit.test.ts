// Issue 22: the rule for a site the owner lists for the widget — what is accepted, how it is written
// down (as the browser names it in Origin and frame-ancestors lists it), and what is refused.
import { describe, expect, it } from "vitest";
import { checkOrigin, frameAncestors, originAllowed } from "../../domain/widget/settings";

describe("a site for the widget", () => {
  it.each([
    ["https://www.example.com", "https://www.example.com"],
    ["  https://Example.COM/ ", "https://example.com"],
    ["https://example.com:443", "https://example.com"],
    ["https://example.com:8443", "https://example.com:8443"],
    ["https://bücher.example", "https://xn--bcher-kva.example"],
    ["http://localhost:5173", "http://localhost:5173"],
    ["http://127.0.0.1:8861/", "http://127.0.0.1:8861"],
  ])("%s is kept as %s", (input, origin) => {
    expect(checkOrigin(input)).toEqual({ ok: true, origin });
  });

  it.each([
    "example.com",
    "www.example.com/menu",
    "https://example.com/menu",
    "https://example.com/?x=1",
    "https://example.com/#top",
    "https://example.com?",
    "https://user:pw@example.com",
    "https://*.example.com",
    "*",
    "http://example.com",
    "ftp://example.com",
    "javascript:alert(1)",
    "data:text/html,hi",
    "'self'",
    "https://example.com; script-src *",
    "https://example.com;frame-ancestors",
    "https://a.example,https://b.example",
    "https://exa'mple.com",
    "https://example..com",
    "https://exa mple.com",
    "",
  ])("%j is refused with a reason", (input) => {
    const checked = checkOrigin(input);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.message.length).toBeGreaterThan(10);
  });

  it("lets exactly the listed sites in, only while the widget is on", () => {
    const on = { enabled: true, allowedOrigins: ["https://a.example", "https://b.example"] };
    expect(originAllowed(on, "https://a.example")).toBe(true);
    expect(originAllowed(on, "https://a.example.evil.test")).toBe(false);
    expect(originAllowed(on, "http://a.example")).toBe(false);
    expect(originAllowed(on, "null")).toBe(false);
    expect(originAllowed(on, undefined)).toBe(false);
    expect(originAllowed({ ...on, enabled: false }, "https://a.example")).toBe(false);
    expect(frameAncestors(on)).toBe("https://a.example https://b.example");
    expect(frameAncestors({ ...on, enabled: false })).toBe("'none'");
    expect(frameAncestors({ enabled: true, allowedOrigins: [] })).toBe("'none'");
  });
});
