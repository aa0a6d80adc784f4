// README's typed client (openapi-fetch over clients/typescript/seatline-api.d.ts) against the real
// Worker: the calls of clients/typescript/example.ts answer what the generated types say they do.
import { SELF } from "cloudflare:test";
import createClient from "openapi-fetch";
import { beforeAll, describe, expect, it } from "vitest";
import type { paths } from "../../clients/typescript/seatline-api";
import { ORIGIN, signUp, type SignedUp } from "../helpers/api";

const client = (token: string) =>
  createClient<paths>({
    baseUrl: ORIGIN,
    headers: { Authorization: `Bearer ${token}`, "CF-Connecting-IP": "203.0.113.15" },
    fetch: (request) => SELF.fetch(request),
  });

let owner: SignedUp;
let other: SignedUp;
let secret: string;

beforeAll(async () => {
  owner = await signUp({ accountName: "Typed client A" });
  other = await signUp({ accountName: "Typed client B" });
  const { data: key, response } = await client(owner.token).POST("/api/api-keys", { body: { name: "Kiosk", scopes: ["read", "waitlist_write"] } });
  expect(response.status).toBe(201);
  secret = key!.secret!;
});

describe("the typed client of README", () => {
  it("creates a key, adds a party and lists the waitlist with it", async () => {
    expect(secret).toMatch(/^sl_live_/);
    const seatline = client(secret);
    const path = { locationId: owner.locationId };
    const { data: added, error } = await seatline.POST("/api/locations/{locationId}/waitlist", {
      params: { path },
      body: { name: "Garcia", partySize: 4, phone: "+12125550100", smsConsent: true },
    });
    expect(error).toBeUndefined();
    expect(added!).toMatchObject({ name: "Garcia", partySize: 4, status: "waiting" });
    expect(added!.guestUrl).toMatch(/^https:\/\/seatline\.test\//);
    const { data: line } = await seatline.GET("/api/locations/{locationId}/waitlist", { params: { path } });
    expect(line!.parties.map((p) => p.id)).toEqual([added!.id]);
  });

  it("gives a refusal as the typed error shape, and changes nothing", async () => {
    const seatline = client(secret);
    const path = { locationId: owner.locationId };
    const before = (await seatline.GET("/api/locations/{locationId}/waitlist", { params: { path } })).data!.parties.length;
    const { data, error, response } = await seatline.POST("/api/locations/{locationId}/waitlist", { params: { path }, body: { name: "Nobody", partySize: 0 } });
    expect(data).toBeUndefined();
    expect(response.status).toBe(400);
    expect(error!.error.code).toBe("validation_failed");
    expect(error!.error.details.map((d) => d.path)).toContain("partySize");
    expect((await seatline.GET("/api/locations/{locationId}/waitlist", { params: { path } })).data!.parties.length).toBe(before);

    // Another account's location is not found, in the same shape.
    const elsewhere = await seatline.GET("/api/locations/{locationId}/waitlist", { params: { path: { locationId: other.locationId } } });
    expect(elsewhere.response.status).toBe(404);
    expect(elsewhere.error!.error.code).toBe("not_found");
  });
});
