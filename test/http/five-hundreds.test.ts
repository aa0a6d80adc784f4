// No internal detail in any 5xx (issue 20, item 8): a bug answers 500, a DO call that failed in transit
// answers 503, and an error outside the app still answers in the one error shape; each with the request
// id (header and message) and nothing of the cause.
import { createExecutionContext, env, SELF, waitOnExecutionContext } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createApp } from "../../src/app";
import { lastResort } from "../../src/lib/last-resort";
import { ORIGIN } from "../helpers/api";

afterEach(() => {
  vi.restoreAllMocks();
});

async function answerTo(thrown: () => unknown) {
  const app = createApp();
  app.get("/api/__boom", () => {
    throw thrown();
  });
  vi.spyOn(console, "error").mockImplementation(() => {});
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(`${ORIGIN}/api/__boom`), env, ctx);
  await waitOnExecutionContext(ctx);
  return { res, body: (await res.json()) as any };
}

function expectClean(res: Response, body: any, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(body).toEqual({ error: { code, message: expect.any(String), details: [] } });
  const id = res.headers.get("X-Request-Id");
  expect(id).toBeTruthy();
  expect(body.error.message).toContain(`request id ${id}`);
  for (const leak of ["Network connection", "overloaded", "at ", "/src/", ".ts", "stack"]) expect(body.error.message).not.toContain(leak);
}

describe("5xx answers", () => {
  it("a DO stub's 'Network connection lost' answers 503 unavailable with Retry-After, not the runtime's page", async () => {
    const { res, body } = await answerTo(() => Object.assign(new Error("Network connection lost."), { retryable: true }));
    expectClean(res, body, 503, "unavailable");
    expect(res.headers.get("Retry-After")).toBe("1");
  });

  it("an overloaded DO answers 503 unavailable", async () => {
    const { res, body } = await answerTo(() => Object.assign(new Error("Durable Object is overloaded. Requests queued for too long."), { overloaded: true }));
    expectClean(res, body, 503, "unavailable");
  });

  it("a bug answers 500 internal_error with the request id", async () => {
    const { res, body } = await answerTo(() => new Error("TypeError at /work/src/routes/x.ts:12"));
    expectClean(res, body, 500, "internal_error");
  });

  it("an error outside the app (the outermost fetch) still answers in the one shape with a request id", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const fetch = lastResort(() => {
      throw new Error("Network connection lost. at entry.worker.js:42");
    });
    const res = await fetch(new Request(`${ORIGIN}/api/anything`), env, createExecutionContext());
    const body = (await res.json()) as any;
    expectClean(res, body, 500, "internal_error");
    expect(res.headers.get("Content-Type")).toMatch(/^application\/json/);
  });

  it("the deployed Worker's fetch goes through it and answers normally", async () => {
    const res = await SELF.fetch(`${ORIGIN}/api/openapi.json`);
    expect(res.status).toBe(200);
  });
});
