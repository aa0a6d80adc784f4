// The OpenAPI document as tools need it (issue 15, item 2): every operation has a unique, stable
// operationId, a summary, its security stated ([] for public ones), a 2xx answer and examples that are
// not placeholders; the licence is named; the WebSocket channels are described apart from the HTTP
// paths; every outgoing webhook event is in the OpenAPI 3.1 `webhooks` section. `npm run
// lint:openapi` runs redocly's recommended rules over the same document (README, "API").
import { beforeAll, describe, expect, it } from "vitest";
import { WEBHOOK_EVENT_TYPES } from "../../domain/webhook-events";
import { operationIdFor } from "../../src/routes/openapi-finish";
import { call } from "../helpers/api";

type Op = { operationId?: string; summary?: string; security?: unknown[]; parameters?: any[]; requestBody?: any; responses: Record<string, any> };
let doc: any;
const METHODS = ["get", "put", "post", "delete", "patch"];
const ops = (section: Record<string, Record<string, Op>>) =>
  Object.entries(section).flatMap(([path, item]) => METHODS.filter((m) => item[m]).map((m) => ({ path, method: m, op: item[m]! })));

/** Every string anywhere in an example. */
function strings(x: unknown): string[] {
  if (typeof x === "string") return [x];
  if (Array.isArray(x)) return x.flatMap(strings);
  if (x && typeof x === "object") return Object.values(x).flatMap(strings);
  return [];
}

beforeAll(async () => {
  doc = (await call("GET", "/api/openapi.json")).json;
});

describe("/api/openapi.json for tools", () => {
  it("names its licence", () => {
    expect(doc.info.license).toEqual({ name: "AGPL-3.0-or-later", identifier: "AGPL-3.0-or-later" });
  });

  it("gives every operation (paths and webhooks) a unique operationId, a summary, security and a 2xx", () => {
    const all = [...ops(doc.paths), ...ops(doc.webhooks)];
    expect(all.length).toBeGreaterThan(90);
    const ids = all.map((o) => o.op.operationId);
    expect(ids.every((id) => typeof id === "string" && /^[a-z][A-Za-z0-9]+$/.test(id)), String(ids.filter((id) => !/^[a-z][A-Za-z0-9]+$/.test(id ?? "")))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path, method, op } of all) {
      const what = `${method.toUpperCase()} ${path}`;
      expect(op.summary, what).toBeTruthy();
      expect(Array.isArray(op.security), `${what} states its security`).toBe(true);
      expect(Object.keys(op.responses).some((c) => /^2/.test(c)), `${what} has a 2xx`).toBe(true);
    }
  });

  it("marks public operations with security [] and signed-in ones with the bearer scheme", () => {
    const byPath = (m: string, p: string) => doc.paths[p][m] as Op;
    expect(byPath("post", "/api/auth/login").security).toEqual([]);
    expect(byPath("get", "/api/public/parties/{token}").security).toEqual([]);
    expect(byPath("post", "/api/locations/{locationId}/waitlist").security).toEqual([{ bearerAuth: [] }]);
  });

  it("keeps operationIds derived from the path, so they only change when the path does", () => {
    expect(operationIdFor("post", "/api/locations/{locationId}/waitlist/{partyId}/notify")).toBe("postLocationWaitlistPartyNotify");
    expect(operationIdFor("get", "/api/locations/{locationId}/reservations")).toBe("getLocationReservations");
    expect(operationIdFor("get", "/api/locations/{locationId}/reservations/{reservationId}")).toBe("getLocationReservation");
    expect(operationIdFor("post", "/api/auth/password-reset/{token}")).toBe("postAuthPasswordResetToken");
    expect(doc.paths["/api/locations/{locationId}/waitlist/{partyId}/notify"].post.operationId).toBe("postLocationWaitlistPartyNotify");
  });

  it("has examples for every parameter, JSON body and JSON answer, none of them placeholders", () => {
    for (const { path, method, op } of ops(doc.paths)) {
      const what = `${method.toUpperCase()} ${path}`;
      const examples: unknown[] = [];
      for (const p of op.parameters ?? []) {
        const ex = p.example ?? p.schema?.example;
        expect(ex, `${what} parameter ${p.name}`).toBeDefined();
        examples.push(ex);
      }
      const body = op.requestBody?.content?.["application/json"];
      if (body) {
        expect(body.example, `${what} body`).toBeDefined();
        examples.push(body.example);
      }
      for (const [code, res] of Object.entries(op.responses)) {
        const json = res.content?.["application/json"];
        if (!json) continue;
        expect(json.example, `${what} ${code}`).toBeDefined();
        examples.push(json.example);
      }
      for (const s of strings(examples)) expect(s, what).not.toMatch(/^(string|value example)$/i);
    }
  });

  it("describes every outgoing webhook event with its payload, headers and an example", () => {
    expect(Object.keys(doc.webhooks).sort()).toEqual([...WEBHOOK_EVENT_TYPES].sort());
    for (const type of WEBHOOK_EVENT_TYPES) {
      const op = doc.webhooks[type].post;
      const json = op.requestBody.content["application/json"];
      expect(json.schema.required).toEqual(["id", "type", "createdAt", "locationId", "sequence", "data"]);
      expect(json.schema.properties.type.const).toBe(type);
      expect(json.example).toMatchObject({ type, sequence: expect.any(Number), data: expect.any(Object) });
      expect(op.parameters.map((p: any) => p.name)).toEqual(["webhook-id", "webhook-timestamp", "webhook-signature"]);
    }
    expect(doc.webhooks["party.created"].post.requestBody.content["application/json"].example.data.party).toMatchObject({ position: 3, partiesAhead: 2 });
  });

  it("describes the WebSocket channels outside the HTTP paths, with their frames", () => {
    const sockets = doc["x-websockets"];
    expect(Object.keys(sockets).sort()).toEqual(["/api/locations/{locationId}/live", "/api/public/locations/{slug}/board/live", "/api/public/parties/{token}/live"]);
    for (const item of Object.values<any>(sockets)) {
      expect(item.get.responses["101"]).toBeDefined();
      expect(item.get["x-protocol"].serverMessages.length).toBeGreaterThan(0);
    }
    expect(doc.paths["/api/locations/{locationId}/live"]).toBeUndefined();
  });
});
