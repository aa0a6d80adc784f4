import { describe, expect, it } from "vitest";
import { PAGE_CSP } from "../../src/app";
import { call, type CallOptions, signUp } from "../helpers/api";

function expectBaseHeaders(headers: Headers) {
  expect(headers.get("Strict-Transport-Security")).toMatch(/max-age=(\d+)/);
  expect(Number(/max-age=(\d+)/.exec(headers.get("Strict-Transport-Security")!)![1])).toBeGreaterThanOrEqual(31_536_000);
  expect(headers.get("X-Content-Type-Options")).toBe("nosniff");
  expect(headers.get("X-Frame-Options")).toBe("DENY");
  expect(headers.get("Referrer-Policy")).toBeTruthy();
  expect(headers.get("Referrer-Policy")).not.toMatch(/unsafe-url|no-referrer-when-downgrade/);
  expect(headers.get("Content-Security-Policy")).toContain("frame-ancestors 'none'");
}

describe("security headers", () => {
  it("are on a successful API response", async () => {
    const res = await call("GET", "/api/openapi.json");
    expect(res.status).toBe(200);
    expectBaseHeaders(res.headers);
    expect(res.headers.get("Content-Security-Policy")).toContain("default-src 'none'");
  });

  it("are on an authenticated API response", async () => {
    const owner = await signUp();
    const res = await call("GET", "/api/me", { token: owner.token });
    expect(res.status).toBe(200);
    expectBaseHeaders(res.headers);
  });

  it.each([
    ["a 400", "POST", "/api/auth/login", { raw: "{", headers: { "Content-Type": "application/json" } }, 400],
    ["a 401", "GET", "/api/me", {}, 401],
    ["a 404", "GET", "/api/nope", {}, 404],
    ["a 405", "PUT", "/api/me", {}, 405],
    ["a 413", "POST", "/api/auth/login", { raw: "x".repeat(70_000), headers: { "Content-Type": "application/json" } }, 413],
  ] as const)("are on %s error response", async (_what, method, path, opts, status) => {
    const res = await call(method, path, opts as CallOptions);
    expect(res.status).toBe(status);
    expectBaseHeaders(res.headers);
  });

  it("give the docs page the page CSP: own scripts and styles only, never framed", async () => {
    const res = await call("GET", "/api/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/html/);
    expectBaseHeaders(res.headers);
    const csp = res.headers.get("Content-Security-Policy")!;
    expect(csp).toBe(PAGE_CSP);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
  });

  it("do not leave the framework's name in the response", async () => {
    const res = await call("GET", "/api/openapi.json");
    expect(res.headers.get("X-Powered-By")).toBeNull();
  });
});
