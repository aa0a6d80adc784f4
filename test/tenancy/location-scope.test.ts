// One location scope for every route under /api/locations/{locationId}: another account's member,
// whatever their role, gets 404 not_found before any role check or validation of the body, and the
// location changes nothing. The routes are taken from the OpenAPI document, so a new location route
// is covered the day it is added.
import { beforeAll, describe, expect, it } from "vitest";
import { addMember, call, signUp, type SignedUp } from "../helpers/api";
import { expectError } from "../helpers/errors";
import { createApp } from "../../src/app";

let a: SignedUp;
let partyId: string;
const b: Record<"owner" | "admin" | "host", { token: string }> = {} as never;

interface Operation {
  method: string;
  path: string;
}

const SOME_ID = "0b9a4c3e-8f1d-4e2a-9c7b-5d6e7f8a9b0c";

/** The live socket takes a one-use ticket, not a bearer; its tenancy is the ticket's (test/live/). */
const NOT_BEARER = new Set(["/api/locations/{locationId}/live"]);

function locationOperations(doc: { paths: Record<string, Record<string, unknown>> }): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!path.startsWith("/api/locations/{locationId}") || NOT_BEARER.has(path)) continue;
    for (const method of Object.keys(item)) if (["get", "post", "patch", "put", "delete"].includes(method)) out.push({ method: method.toUpperCase(), path });
  }
  return out;
}

function concrete(path: string): string {
  return path.replace("{locationId}", a.locationId).replace("{partyId}", partyId).replace(/\{[A-Za-z]+\}/g, SOME_ID);
}

// The routes as the app declares them (the same document /api/openapi.json serves), known when the
// tests are collected so that each route gets a test of its own.
const operations = locationOperations(
  createApp().getOpenAPI31Document({ openapi: "3.1.0", info: { title: "Seatline API", version: "0.1.0" } }) as unknown as { paths: Record<string, Record<string, unknown>> },
);

beforeAll(async () => {
  a = await signUp({ accountName: "Scope A" });
  const party = await call("POST", `/api/locations/${a.locationId}/waitlist`, { token: a.token, body: { name: "Rossi", partySize: 2 } });
  partyId = party.json.id;
  const bOwner = await signUp({ accountName: "Scope B" });
  b.owner = bOwner;
  b.admin = await addMember(bOwner, "admin");
  b.host = await addMember(bOwner, "host");
});

describe("the location scope", () => {
  it("finds the location routes in the OpenAPI document (waitlist, texts, bookings, tables, settings)", () => {
    const paths = new Set(operations.map((o) => o.path));
    for (const p of ["/api/locations/{locationId}", "/api/locations/{locationId}/waitlist", "/api/locations/{locationId}/sms-settings", "/api/locations/{locationId}/waitlist-settings", "/api/locations/{locationId}/reservations", "/api/locations/{locationId}/tables"]) {
      expect(paths, p).toContain(p);
    }
  });

  for (const op of operations) {
    it(`${op.method} ${op.path}: another account's host, admin and owner get 404 not_found, and nothing changes`, async () => {
      const before = await call("GET", `/api/locations/${a.locationId}/waitlist`, { token: a.token });
      for (const role of ["host", "admin", "owner"] as const) {
        const res = await call(op.method, concrete(op.path), { token: b[role].token, body: op.method === "GET" || op.method === "DELETE" ? undefined : {} });
        expectError(res, 404, "not_found", `as B's ${role}`);
      }
      const after = await call("GET", `/api/locations/${a.locationId}/waitlist`, { token: a.token });
      expect(after.json).toEqual(before.json);
    });
  }

  it("still answers 401 before anything when there is no session", async () => {
    for (const op of operations.slice(0, 5)) expectError(await call(op.method, concrete(op.path)), 401, "unauthorized", `${op.method} ${op.path}`);
  });

  it("answers a malformed location id with the one validation error", async () => {
    expectError(await call("GET", "/api/locations/not-a-uuid/waitlist", { token: a.token }), 400, "validation_failed");
  });
});
