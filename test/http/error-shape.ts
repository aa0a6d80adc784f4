// The one error shape (DESIGN.md rule 5), asserted the same way by every test in this folder.
import { expect } from "vitest";

export function expectError(res: { status: number; headers: Headers; json: any }, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get("Content-Type")).toMatch(/^application\/json/);
  expect(res.json).toEqual({ error: { code, message: expect.any(String), details: expect.any(Array) } });
  expect(res.json.error.message.length).toBeGreaterThan(0);
}
