import { describe, expect, it } from "vitest";
import { call, signUp } from "../helpers/api";
import { expectError } from "./error-shape";

const SOME_ID = "0b0c4b58-4b0e-4c55-9a5a-1f7b3f0d2a11";

function allowed(res: { headers: Headers }) {
  return (res.headers.get("Allow") ?? "").split(",").map((m) => m.trim()).filter(Boolean).sort();
}

describe("a known path with a method it does not have", () => {
  it("answers 405 with an Allow header listing the path's methods", async () => {
    const res = await call("PUT", "/api/auth/login", { body: {} });
    expectError(res, 405, "method_not_allowed");
    expect(allowed(res)).toEqual(["POST"]);
  });

  it("lists GET and HEAD for a read-only path", async () => {
    const res = await call("DELETE", "/api/me");
    expectError(res, 405, "method_not_allowed");
    expect(allowed(res)).toEqual(["GET", "HEAD"]);
  });

  // The method is checked before authentication, so a signed-out client learns the method is wrong
  // rather than that it should sign in to use a method that will never work.
  it.each([
    ["PUT", "/api/locations", ["GET", "HEAD", "POST"]],
    ["POST", `/api/locations/${SOME_ID}`, ["DELETE", "GET", "HEAD", "PATCH"]],
    ["PUT", "/api/team/members", ["GET", "HEAD"]],
    ["GET", `/api/team/invites/${SOME_ID}`, ["DELETE"]],
  ])("answers 405 before asking for a token: %s %s", async (method, path, methods) => {
    const res = await call(method, path);
    expectError(res, 405, "method_not_allowed");
    expect(allowed(res)).toEqual(methods);
  });

  it("answers 405 to a signed-in user as well", async () => {
    const owner = await signUp();
    const res = await call("PUT", `/api/locations/${owner.locationId}`, { token: owner.token, body: { name: "X" } });
    expectError(res, 405, "method_not_allowed");
    expect(allowed(res)).toContain("PATCH");
  });

  it("still routes the allowed methods", async () => {
    const res = await call("GET", "/api/locations");
    expectError(res, 401, "unauthorized");
  });
});
