import { describe, it } from "vitest";
import { call } from "../helpers/api";
import { expectError } from "./error-shape";

describe("malformed JSON", () => {
  it.each([
    ["a broken object", '{"email": "ana@example.com",'],
    ["a bare word", "hello"],
    ["an empty body", ""],
  ])("answers 400 validation_failed for %s", async (_what, raw) => {
    const res = await call("POST", "/api/auth/login", { raw, headers: { "Content-Type": "application/json" } });
    expectError(res, 400, "validation_failed");
  });

  it.each([
    ["an array", "[]"],
    ["a string", '"ana@example.com"'],
    ["null", "null"],
  ])("answers 400 validation_failed for valid JSON that is %s, not an object", async (_what, raw) => {
    const res = await call("POST", "/api/auth/signup", { raw, headers: { "Content-Type": "application/json" } });
    expectError(res, 400, "validation_failed");
  });
});
