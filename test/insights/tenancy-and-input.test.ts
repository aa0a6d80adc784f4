// Insights never show another account's figures, and bad input is a 4xx in the one error shape.
import { describe, expect, it } from "vitest";
import { addMember, call } from "../helpers/api";
import { expectError } from "../helpers/errors";
import { mirrorParty, placeIn, rebuild, report } from "./support";

const Z = (local: string) => Date.parse(`${local}:00-04:00`);

describe("insights tenancy", () => {
  it("another account's location answers 404 and its figures never appear in an all-locations report", async () => {
    const a = await placeIn();
    const b = await placeIn();
    await mirrorParty(a, { createdAt: Z("2026-05-05T12:00"), seatedAt: Z("2026-05-05T12:10"), partySize: 6 });
    await rebuild(a, "2026-05-05", "2026-05-05");
    expect((await report(a, "covers", "2026-05-05", "2026-05-05")).totals.guests).toBe(6);

    for (const name of ["covers", "waits", "quote_accuracy", "drop_off", "messages", "bookings"]) {
      const res = await call("GET", `/api/insights/${name}?from=2026-05-05&to=2026-05-05&locationId=${a.locationId}`, { token: b.token });
      expectError(res, 404, "not_found", name);
    }
    const all = await call("GET", "/api/insights/covers?from=2026-05-05&to=2026-05-05", { token: b.token });
    expect(all.status).toBe(200);
    expect(all.json.locations.map((l: any) => l.id)).toEqual([b.locationId]);
    expect(all.json.totals.parties).toBe(0);
    const waits = await call("GET", "/api/insights/waits?from=2026-05-05&to=2026-05-05", { token: b.token });
    expect(waits.json.overall.parties).toBe(0);

    expectError(await call("POST", `/api/locations/${a.locationId}/insights/rebuild`, { token: b.token, body: { from: "2026-05-05", to: "2026-05-05" } }), 404, "not_found");
  });

  it("an all-locations report adds the account's locations, each in its own zone", async () => {
    const a = await placeIn();
    const second = await call("POST", "/api/locations", { token: a.token, body: { name: "Second", timezone: "Asia/Tokyo" } });
    expect(second.status, second.text).toBe(201);
    const tokyo = { ...a, locationId: second.json.id ?? second.json.location?.id };
    // 2026-05-06 00:30 in Tokyo is 2026-05-05 in New York: the report is by each location's own date.
    await mirrorParty(tokyo, { createdAt: Date.parse("2026-05-06T00:30:00+09:00"), seatedAt: Date.parse("2026-05-06T00:40:00+09:00") });
    await mirrorParty(a, { createdAt: Z("2026-05-06T12:00"), seatedAt: Z("2026-05-06T12:10"), partySize: 3 });
    await rebuild(tokyo, "2026-05-05", "2026-05-06");
    await rebuild(a, "2026-05-05", "2026-05-06");
    const all = await call("GET", "/api/insights/covers?from=2026-05-06&to=2026-05-06", { token: a.token });
    expect(all.status, all.text).toBe(200);
    expect(all.json.locations).toHaveLength(2);
    expect(all.json.byDay).toEqual([expect.objectContaining({ date: "2026-05-06", parties: 2, guests: 5 })]);
    expect(all.json.byHour[0]).toMatchObject({ parties: 1 }); // Tokyo's 00:40
    expect(all.json.byHour[12]).toMatchObject({ parties: 1 });
  });

  it("hosts read insights; only admins and owners rebuild", async () => {
    const a = await placeIn();
    const host = await addMember(a, "host");
    expect((await call("GET", "/api/insights/covers?from=2026-05-05&to=2026-05-05", { token: host.token })).status).toBe(200);
    expectError(await call("POST", `/api/locations/${a.locationId}/insights/rebuild`, { token: host.token, body: { from: "2026-05-05", to: "2026-05-05" } }), 403);
  });
});

describe("insights bad input", () => {
  it("answers 400 validation_failed naming the field, and 401 without a session", async () => {
    const a = await placeIn();
    const get = (q: string) => call("GET", `/api/insights/covers?${q}`, { token: a.token });
    const cases: [string, string][] = [
      ["to=2026-05-05", "from"],
      ["from=2026-05-05", "to"],
      ["from=2026-02-30&to=2026-03-01", "from"],
      ["from=05/05/2026&to=2026-05-06", "from"],
      ["from=2026-05-06&to=2026-05-05", "to"],
      ["from=2025-01-01&to=2026-05-05", "to"],
      ["from=2026-05-05&to=2026-05-05&locationId=nope", "locationId"],
      ["from=2026-05-05&to=2026-05-05&format=xml", "format"],
      ["from=2026-05-05&to=2026-05-05&format=csv&table=nope", "table"],
    ];
    for (const [q, path] of cases) {
      const res = await get(q);
      expectError(res, 400, "validation_failed", q);
      expect(res.json.error.details.map((d: any) => d.path), q).toContain(path);
    }
    expectError(await call("GET", "/api/insights/covers?from=2026-05-05&to=2026-05-05"), 401);
    expectError(await call("GET", "/api/insights/nothing?from=2026-05-05&to=2026-05-05", { token: a.token }), 404);
    for (const body of [{ from: "2026-05-05" }, { from: "2026-05-05", to: "2026-05-05", extra: 1 }, { from: "2026-05-06", to: "2026-05-05" }]) {
      expectError(await call("POST", `/api/locations/${a.locationId}/insights/rebuild`, { token: a.token, body }), 400, "validation_failed", JSON.stringify(body));
    }
  });

  it("the reports are in the OpenAPI document with their CSV", async () => {
    const doc = (await call("GET", "/api/openapi.json")).json;
    for (const name of ["covers", "waits", "quote_accuracy", "drop_off", "messages", "bookings"]) {
      const op = doc.paths[`/api/insights/${name}`]?.get;
      expect(op, name).toBeDefined();
      expect(Object.keys(op.responses["200"].content)).toEqual(["application/json", "text/csv"]);
      expect(op.parameters.map((x: any) => x.name)).toEqual(expect.arrayContaining(["from", "to", "locationId", "format", "table"]));
    }
    expect(doc.paths["/api/locations/{locationId}/insights/rebuild"]?.post).toBeDefined();
  });
});
