import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../../src/index";
import { call, ORIGIN, signUp } from "../helpers/api";

const ALLOWED = "https://allowed.example";

/** Calls the Worker with CORS_ORIGINS set, as a deployment that allows `ALLOWED` would. */
async function withAllowedOrigin(method: string, path: string, headers: Record<string, string>) {
  const ctx = createExecutionContext();
  const res = await worker.fetch(
    new Request(`${ORIGIN}${path}`, { method, headers: { "CF-Connecting-IP": "203.0.113.7", ...headers } }),
    { ...env, CORS_ORIGINS: `https://other.example, ${ALLOWED}` },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return res;
}

const preflight = (origin: string) => ({
  Origin: origin,
  "Access-Control-Request-Method": "POST",
  "Access-Control-Request-Headers": "authorization, content-type",
});

describe("CORS with no origins configured (the default)", () => {
  it("gives a cross-origin preflight no Access-Control-Allow-Origin", async () => {
    const res = await call("OPTIONS", "/api/auth/login", { headers: preflight(ALLOWED) });
    expect(res.status).toBeLessThan(500);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBeNull();
    expect(res.headers.get("Access-Control-Allow-Credentials")).toBeNull();
  });

  it("gives a cross-origin request no Access-Control-Allow-Origin", async () => {
    const res = await call("GET", "/api/openapi.json", { headers: { Origin: "https://evil.example" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBeNull();
  });
});

describe("CORS with an allowed origin", () => {
  it("echoes the allowed origin on a preflight, with the methods and headers the API uses", async () => {
    const res = await withAllowedOrigin("OPTIONS", "/api/auth/login", preflight(ALLOWED));
    expect(res.status).toBe(204);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe(ALLOWED);
    expect(res.headers.get("Access-Control-Allow-Methods")).toContain("POST");
    expect(res.headers.get("Access-Control-Allow-Headers")?.toLowerCase()).toContain("authorization");
    expect(res.headers.get("Vary")).toContain("Origin");
  });

  it("never answers with a wildcard", async () => {
    const res = await withAllowedOrigin("OPTIONS", "/api/locations", preflight(ALLOWED));
    expect(res.headers.get("Access-Control-Allow-Origin")).not.toBe("*");
  });

  it("echoes the origin on the actual request, and exposes Retry-After", async () => {
    const res = await withAllowedOrigin("GET", "/api/openapi.json", { Origin: ALLOWED });
    expect(res.status).toBe(200);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe(ALLOWED);
    expect(res.headers.get("Access-Control-Expose-Headers")).toContain("Retry-After");
  });

  it("echoes the origin on an error, so the browser client can read the error body", async () => {
    const res = await withAllowedOrigin("GET", "/api/me", { Origin: ALLOWED });
    expect(res.status).toBe(401);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe(ALLOWED);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
  });

  it("serves a signed-in request from the allowed origin", async () => {
    const owner = await signUp();
    const res = await withAllowedOrigin("GET", "/api/me", { Origin: ALLOWED, Authorization: `Bearer ${owner.token}` });
    expect(res.status).toBe(200);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe(ALLOWED);
  });

  it.each(["https://evil.example", "https://allowed.example.evil.example", "http://allowed.example", "null"])(
    "does not echo another origin: %s",
    async (origin) => {
      const res = await withAllowedOrigin("OPTIONS", "/api/auth/login", preflight(origin));
      expect(res.headers.get("Access-Control-Allow-Origin")).toBeNull();
    },
  );
});
