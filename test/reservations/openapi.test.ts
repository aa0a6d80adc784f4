// Every reservation route of the contract is in /api/openapi.json, with a summary, a tag, and the
// bearer scheme where it needs one.
import { describe, expect, it } from "vitest";
import { call } from "../helpers/api";

const HOST = [
  "GET /api/locations/{locationId}/reservations",
  "POST /api/locations/{locationId}/reservations",
  "GET /api/locations/{locationId}/reservations/{reservationId}",
  "PATCH /api/locations/{locationId}/reservations/{reservationId}",
  ...["confirm", "arrive", "seat", "complete", "cancel", "no_show"].map((a) => `POST /api/locations/{locationId}/reservations/{reservationId}/${a}`),
  "GET /api/locations/{locationId}/tables",
  "POST /api/locations/{locationId}/tables",
  "PATCH /api/locations/{locationId}/tables/{tableId}",
  "DELETE /api/locations/{locationId}/tables/{tableId}",
  "GET /api/locations/{locationId}/booking-settings",
  "PATCH /api/locations/{locationId}/booking-settings",
];
const PUBLIC = [
  "GET /api/public/locations/{slug}/availability",
  "POST /api/public/locations/{slug}/reservations",
  "GET /api/public/reservations/{token}",
  "PATCH /api/public/reservations/{token}",
  "POST /api/public/reservations/{token}/cancel",
];

let doc: any;
async function op(entry: string) {
  doc ??= (await call("GET", "/api/openapi.json")).json;
  const [method, path] = entry.split(" ");
  return doc.paths[path!]?.[method!.toLowerCase()];
}

describe("reservations in the OpenAPI document", () => {
  it.each(HOST)("%s is documented, needs the bearer token and documents 401 and 404", async (entry) => {
    const o = await op(entry);
    expect(o, entry).toBeDefined();
    expect(o.summary).toBeTruthy();
    expect(o.tags).toEqual(["Reservations"]);
    expect(o.security).toEqual([{ bearerAuth: [] }]);
    expect(o.responses["401"]).toBeDefined();
    expect(o.responses["404"]).toBeDefined();
  });

  it.each(PUBLIC)("%s is documented as public", async (entry) => {
    const o = await op(entry);
    expect(o, entry).toBeDefined();
    expect(o.summary).toBeTruthy();
    // Public operations state it: an empty security list (redocly's security-defined rule).
    expect(o.security).toEqual([]);
  });

  it("names the Reservation, PublicReservation, Table and BookingSettings schemas", async () => {
    await op(HOST[0]!);
    for (const name of ["Reservation", "PublicReservation", "Table", "TableCombination", "BookingSettings", "Availability"]) expect(doc.components.schemas[name], name).toBeDefined();
  });
});
