import { describe, expect, it } from "vitest";
import { call } from "../helpers/api";

type Operation = { tags?: string[]; summary?: string; security?: Record<string, string[]>[]; requestBody?: unknown; responses: Record<string, any> };
type Doc = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, any>; schemas: Record<string, any> };
};

// The public contract present so far (DESIGN.md plus the foundation issue), as METHOD path.
const PUBLIC = [
  "POST /api/auth/signup",
  "POST /api/auth/signup/confirm",
  "POST /api/auth/login",
  "POST /api/auth/password-reset",
  "POST /api/auth/password-reset/{token}",
  "GET /api/invites/{token}",
  "POST /api/invites/{token}/accept",
];
const SIGNED_IN = [
  "POST /api/auth/logout",
  "POST /api/auth/password",
  "GET /api/me",
  "GET /api/team/members",
  "PATCH /api/team/members/{userId}",
  "DELETE /api/team/members/{userId}",
  "GET /api/team/invites",
  "POST /api/team/invites",
  "POST /api/team/invites/{inviteId}/resend",
  "DELETE /api/team/invites/{inviteId}",
  "GET /api/locations",
  "POST /api/locations",
  "GET /api/locations/{locationId}",
  "PATCH /api/locations/{locationId}",
  "DELETE /api/locations/{locationId}",
];

async function load(): Promise<Doc> {
  const res = await call("GET", "/api/openapi.json");
  expect(res.status).toBe(200);
  expect(res.headers.get("Content-Type")).toMatch(/^application\/json/);
  return res.json as Doc;
}

function operation(doc: Doc, entry: string): Operation | undefined {
  const [method, path] = entry.split(" ");
  return doc.paths[path!]?.[method!.toLowerCase()];
}

function operations(doc: Doc) {
  return Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })));
}

describe("/api/openapi.json", () => {
  it("is an OpenAPI 3.1 document for the Seatline API", async () => {
    const doc = await load();
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.info.title).toBe("Seatline API");
    expect(doc.info.version).toBeTruthy();
  });

  it.each([...PUBLIC, ...SIGNED_IN])("lists %s", async (entry) => {
    const op = operation(await load(), entry);
    expect(op, entry).toBeDefined();
    expect(op!.summary, `${entry} has a summary`).toBeTruthy();
    expect(op!.tags?.length, `${entry} has a tag`).toBeGreaterThan(0);
  });

  it("declares the bearer scheme", async () => {
    const doc = await load();
    expect(doc.components.securitySchemes.bearerAuth).toEqual({ type: "http", scheme: "bearer", bearerFormat: "JWT" });
  });

  it.each(SIGNED_IN)("marks %s as needing the bearer token, and documents its 401", async (entry) => {
    const op = operation(await load(), entry)!;
    expect(op.security).toEqual([{ bearerAuth: [] }]);
    expect(op.responses["401"]).toBeDefined();
  });

  it.each(PUBLIC)("marks %s as public", async (entry) => {
    const op = operation(await load(), entry)!;
    expect(op.security ?? []).toEqual([]);
  });

  it("documents 400, 413 and 415 on every operation that takes a JSON body", async () => {
    const withBody = operations(await load()).filter(({ op }) => op.requestBody);
    expect(withBody.length).toBeGreaterThan(5);
    for (const { path, method, op } of withBody) {
      for (const status of ["400", "413", "415"]) expect(op.responses[status], `${method} ${path} ${status}`).toBeDefined();
    }
  });

  it("gives every error response the one error shape", async () => {
    const doc = await load();
    const error = doc.components.schemas.Error;
    expect(error.required).toEqual(["error"]);
    expect(error.properties.error.required).toEqual(["code", "message", "details"]);
    for (const { path, method, op } of operations(doc)) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) < 400) continue;
        expect(response.content?.["application/json"]?.schema, `${method} ${path} ${status}`).toEqual({ $ref: "#/components/schemas/Error" });
      }
    }
  });

  it("hides the development outbox", async () => {
    const doc = await load();
    expect(Object.keys(doc.paths).filter((p) => p.startsWith("/api/dev"))).toEqual([]);
    expect(JSON.stringify(doc)).not.toContain("outbox");
  });

  it("only lists paths the app routes, and none of them fails with a 5xx on an empty request", async () => {
    const doc = await load();
    for (const { path, method } of operations(doc)) {
      const concrete = path.replace(/\{[^}]+\}/g, "0b0c4b58-4b0e-4c55-9a5a-1f7b3f0d2a11");
      const res = await call(method.toUpperCase(), concrete, method === "get" || method === "delete" ? {} : { body: {} });
      const unrouted = res.status === 405 || (res.status === 404 && /^No route/.test(res.json?.error?.message ?? ""));
      expect(unrouted, `${method} ${path} is not routed`).toBe(false);
      expect(res.status, `${method} ${path}`).toBeLessThan(500);
    }
  });
});
