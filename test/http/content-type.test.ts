import { describe, expect, it } from "vitest";
import { call, GOOD_PASSWORD, signUp } from "../helpers/api";
import { expectError } from "./error-shape";

// A JSON body labelled as something else must not reach a handler as valid (or as empty) input:
// HTML forms can send text/plain cross-site without a CORS preflight.
describe("a JSON body sent with another Content-Type", () => {
  it.each(["text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonp"])(
    "is refused with a 4xx when labelled %s",
    async (contentType) => {
      const res = await call("POST", "/api/auth/signup", {
        raw: JSON.stringify({ accountName: "Cafe", name: "Ana", email: "ana.ct@example.com", password: GOOD_PASSWORD }),
        headers: { "Content-Type": contentType },
      });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expectError(res, 415, "unsupported_media_type");
    },
  );

  it("is refused with a 4xx when the Content-Type is missing", async () => {
    const res = await call("POST", "/api/auth/login", { raw: JSON.stringify({ email: "ana@example.com", password: GOOD_PASSWORD }) });
    expectError(res, 415, "unsupported_media_type");
  });

  it("does not change anything for a signed-in user", async () => {
    const owner = await signUp();
    const res = await call("POST", "/api/locations", {
      token: owner.token,
      raw: JSON.stringify({ name: "Smuggled", timezone: "UTC" }),
      headers: { "Content-Type": "text/plain" },
    });
    expectError(res, 415, "unsupported_media_type");
    const list = await call("GET", "/api/locations", { token: owner.token });
    expect(list.json.locations.map((l: { name: string }) => l.name)).not.toContain("Smuggled");
  });

  it("accepts application/json with a charset parameter", async () => {
    const res = await call("POST", "/api/auth/login", {
      raw: JSON.stringify({ email: "not-an-email", password: "x" }),
      headers: { "Content-Type": "application/json; charset=utf-8" },
    });
    // Read and validated: the complaint is about the email, not the media type.
    expectError(res, 400, "validation_failed");
    expect(res.json.error.details.map((d: { path: string }) => d.path)).toContain("email");
  });
});
