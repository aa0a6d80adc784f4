import { describe, expect, it } from "vitest";
import { call } from "../helpers/api";
import { expectError } from "./error-shape";

describe("unknown routes", () => {
  it.each([
    ["GET", "/api/nothing-here"],
    ["GET", "/api"],
    ["POST", "/api/auth/nope"],
    ["DELETE", "/api/locations/0b0c4b58-4b0e-4c55-9a5a-1f7b3f0d2a11/unknown"],
    ["POST", "/webhooks/nope"],
    ["GET", "/webhooks/twilio/unknown"],
  ])("%s %s answers a JSON 404", async (method, path) => {
    const res = await call(method, path);
    expectError(res, 404, "not_found");
    expect(res.json.error.message).toContain(path);
  });

  it("answers 404 whether or not a token is sent", async () => {
    const res = await call("GET", "/api/nothing-here", { headers: { Authorization: "Bearer not.a.token" } });
    expectError(res, 404, "not_found");
  });
});
