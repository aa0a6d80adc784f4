// The one error shape (DESIGN.md rule 5), asserted the same way by every test:
// {"error": {"code", "message", "details"}} and nothing else, as JSON, with a message a person can read.
import { expect } from "vitest";

export interface ErrorResponse {
  status: number;
  json: any;
  text?: string;
  headers?: Headers;
}

/** Asserts `res` is the one error shape with this status (and code, when given); `what` names the case. */
export function expectError(res: ErrorResponse, status: number, code?: string, what = "") {
  const label = [what, res.text].filter(Boolean).join(": ");
  expect(res.status, label).toBe(status);
  if (res.headers) expect(res.headers.get("Content-Type"), label).toMatch(/^application\/json/);
  expect(res.json, label).toEqual({ error: { code: code ?? expect.any(String), message: expect.any(String), details: expect.any(Array) } });
  expect(res.json.error.message.length, label).toBeGreaterThan(0);
}
