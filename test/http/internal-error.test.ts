// What a bug looks like from outside: a 500 in the one error shape, with the usual headers, saying
// nothing about the cause. Uses a fresh app with one extra failing route; the app itself is real.
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createApp } from "../../src/app";
import { ORIGIN } from "../helpers/api";

afterEach(() => {
  vi.restoreAllMocks();
});

async function failingWith(thrown: () => unknown) {
  const app = createApp();
  app.get("/api/__boom", () => {
    throw thrown();
  });
  const errors: string[] = [];
  vi.spyOn(console, "error").mockImplementation((line: string) => void errors.push(line));
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(`${ORIGIN}/api/__boom`), env, ctx);
  await waitOnExecutionContext(ctx);
  return { res, body: (await res.json()) as any, errors };
}

describe("an unexpected failure", () => {
  it.each([
    ["an Error", () => new Error("secret detail for ana@example.com")],
    ["a plain object (as zod-to-openapi throws)", () => ({ message: "secret detail for ana@example.com" })],
    ["a string", () => "secret detail for ana@example.com"],
  ])("answers 500 in the error shape when a handler throws %s", async (_what, thrown) => {
    const { res, body, errors } = await failingWith(thrown);
    expect(res.status).toBe(500);
    expect(body).toEqual({ error: { code: "internal_error", message: expect.any(String), details: [] } });
    expect(JSON.stringify(body)).not.toContain("secret");
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(res.headers.get("Strict-Transport-Security")).toBeTruthy();
    expect(res.headers.get("X-Request-Id")).toBeTruthy();
    // Logged for the operator, with the email masked.
    const logged = errors.find((l) => l.includes("unhandled error"));
    expect(logged).toContain("secret detail");
    expect(logged).not.toContain("ana@example.com");
    expect(logged).toContain(res.headers.get("X-Request-Id")!);
  });
});
