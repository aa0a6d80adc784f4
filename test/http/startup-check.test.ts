// The startup check in the running Worker (issue 20, item 2): unsafe settings answer 503 with the one
// error shape and the reasons, on every route; a production Worker has no dev routes; the dev routes
// that change data need an owner's token even in development.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { addMember, call, signUp } from "../helpers/api";

const app = createApp();
const get = (path: string, over: Record<string, unknown>, init: RequestInit = {}) =>
  app.fetch(new Request(`https://seatline.test${path}`, init), { ...env, ...over } as never);

describe("the startup check", () => {
  it("refuses production with the dev outbox: 503 misconfigured, the reason, on every route", async () => {
    for (const path of ["/api/openapi.json", "/api/dev/outbox", "/api/me", "/webhooks/twilio/inbound"]) {
      const res = await get(path, { ENVIRONMENT: "production", EMAIL_PROVIDER: "dev-outbox" });
      expect(res.status).toBe(503);
      const body = (await res.json()) as any;
      expect(body.error.code).toBe("misconfigured");
      expect(body.error.message).toMatch(/dev-outbox/);
      expect(body.error.details).toEqual([{ message: expect.stringMatching(/EMAIL_PROVIDER is "dev-outbox"/) }]);
    }
  });

  it("refuses a short JWT_SECRET and an http APP_URL, naming both", async () => {
    const res = await get("/api/openapi.json", { ENVIRONMENT: "production", EMAIL_PROVIDER: "resend", JWT_SECRET: "short", APP_URL: "http://seatline.example" });
    expect(res.status).toBe(503);
    const body = (await res.json()) as any;
    expect(body.error.details.map((d: any) => d.message)).toEqual([expect.stringMatching(/JWT_SECRET/), expect.stringMatching(/APP_URL must use https/)]);
    expect(JSON.stringify(body)).not.toContain("short\"");
  });

  it("serves a safe production configuration, where the dev routes do not exist", async () => {
    const safe = { ENVIRONMENT: "production", EMAIL_PROVIDER: "resend", APP_URL: "https://seatline.test" };
    expect((await get("/api/openapi.json", safe)).status).toBe(200);
    for (const [method, path] of [["GET", "/api/dev/outbox"], ["GET", "/api/dev/backups"], ["POST", "/api/dev/backups"], ["POST", "/api/dev/backups/2026-01-01/restore"]]) {
      const res = await get(path!, safe, { method });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
  });
});

describe("dev backup routes need an owner's token", () => {
  it("without a token: 401; as an admin: 403; as an owner: served", async () => {
    const o = await signUp();
    const admin = await addMember(o, "admin");
    for (const [method, path, body] of [["GET", "/api/dev/backups"], ["POST", "/api/dev/backups"], ["POST", "/api/dev/backups/2026-01-01/restore", {}]] as const) {
      expect((await call(method, path, { body })).status, `${method} ${path}`).toBe(401);
      expect((await call(method, path, { token: admin.token, body })).status, `${method} ${path}`).toBe(403);
    }
    expect((await call("GET", "/api/dev/backups", { token: o.token })).status).toBe(200);
    const made = await call("POST", "/api/dev/backups", { token: o.token });
    expect(made.status).toBe(201);
    expect(made.json.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
