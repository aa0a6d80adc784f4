import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../../src/index";
import type { Env } from "../../src/env";
import { call, GOOD_PASSWORD, ORIGIN, uniqueEmail, waitFor } from "../helpers/api";
import { expectError } from "./error-shape";

async function fetchWith(overrides: Partial<Env>, method: string, path: string) {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`${ORIGIN}${path}`, { method, headers: { "CF-Connecting-IP": "203.0.113.8" } }), { ...env, ...overrides }, ctx);
  await waitOnExecutionContext(ctx);
  return { status: res.status, headers: res.headers, json: (await res.json()) as any };
}

describe("GET /api/dev/outbox", () => {
  it("shows email kept by the dev-outbox provider, newest first", async () => {
    const email = uniqueEmail("outbox");
    const signup = await call("POST", "/api/auth/signup", { body: { accountName: "Outbox Cafe", name: "Ana", email, password: GOOD_PASSWORD } });
    expect(signup.status).toBe(202);
    // The sign-up email is written after the response (waitUntil).
    const res = await waitFor(async () => {
      const r = await call("GET", "/api/dev/outbox");
      return r.json.emails.some((e: { to: string }) => e.to === email) && r;
    }, 5000, "the sign-up email in the outbox");
    expect(res.status).toBe(200);
    const mine = res.json.emails.filter((e: { to: string }) => e.to === email);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ subject: expect.stringMatching(/Confirm your email/), text: expect.stringContaining("/signup/confirm/") });
    const times = res.json.emails.map((e: { createdAt: string }) => Date.parse(e.createdAt));
    expect(times).toEqual([...times].sort((a: number, b: number) => b - a));
  });

  it("works in development", async () => {
    const res = await fetchWith({ ENVIRONMENT: "development" }, "GET", "/api/dev/outbox");
    expect(res.status).toBe(200);
    expect(Array.isArray(res.json.emails)).toBe(true);
  });

  it.each(["GET", "POST", "DELETE"])("is absent in production: %s answers 404", async (method) => {
    // A production configuration that passes the startup check (production with the dev outbox
    // refuses to serve at all: test/http/startup-check.test.ts).
    const res = await fetchWith({ ENVIRONMENT: "production", EMAIL_PROVIDER: "resend" }, method, "/api/dev/outbox");
    expectError(res, 404, "not_found");
    expect(res.headers.get("Allow")).toBeNull();
  });
});
