import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, ORIGIN } from "../helpers/api";
import { expectError } from "./error-shape";

const LIMIT = 64 * 1024;

/** A login body of exactly `bytes` bytes (the password is padded; it is far over its own limit). */
function loginBodyOfSize(bytes: number) {
  const shell = JSON.stringify({ email: "ana@example.com", password: "" });
  return JSON.stringify({ email: "ana@example.com", password: "x".repeat(bytes - shell.length) });
}

describe("request body size", () => {
  it("refuses a body over 64 KiB with 413", async () => {
    const raw = loginBodyOfSize(LIMIT + 1);
    expect(new TextEncoder().encode(raw).length).toBe(LIMIT + 1);
    const res = await call("POST", "/api/auth/login", { raw, headers: { "Content-Type": "application/json" } });
    expectError(res, 413, "payload_too_large");
  });

  it("reads a body of exactly 64 KiB (refused for its content, not its size)", async () => {
    const res = await call("POST", "/api/auth/login", { raw: loginBodyOfSize(LIMIT), headers: { "Content-Type": "application/json" } });
    expectError(res, 400, "validation_failed");
  });

  it("refuses an oversized body sent without Content-Length (streamed)", async () => {
    const chunk = new TextEncoder().encode("x".repeat(16 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 6) return controller.close();
        sent++;
        controller.enqueue(chunk);
      },
    });
    const res = await SELF.fetch(`${ORIGIN}/api/auth/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "CF-Connecting-IP": "203.0.113.9" },
      body,
    });
    expectError({ status: res.status, headers: res.headers, json: await res.json() }, 413, "payload_too_large");
  });

  it("applies the limit to authenticated routes before authentication", async () => {
    const res = await call("POST", "/api/locations", { raw: "x".repeat(LIMIT + 10), headers: { "Content-Type": "application/json" } });
    expectError(res, 413, "payload_too_large");
  });
});
