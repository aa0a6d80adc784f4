// A party and a reservation are declared once (domain/waitlist/party.ts, domain/reservations/
// reservation.ts). These tests hold every place that stores or shows them against the declaration:
// the DO's SQLite row, the D1 mirror (drizzle's table and the migrated database), the REST answer
// and the export. A field declared but missing from one of them, or a column nobody declared, fails.
import { env, runInDurableObject } from "cloudflare:test";
import { getTableConfig, type SQLiteColumn } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import { keysIn, type Column } from "../../domain/entity";
import { PARTY_EXPORT_COLUMNS, PARTY_FIELDS, PARTY_MIRROR_COLUMNS, PARTY_ROW_COLUMNS } from "../../domain/waitlist/party";
import { RESERVATION_EXPORT_COLUMNS, RESERVATION_FIELDS, RESERVATION_MIRROR_COLUMNS, RESERVATION_ROW_COLUMNS } from "../../domain/reservations/reservation";
import { parties, reservations } from "../../src/db/schema";
import { PartySchema } from "../../src/routes/waitlist";
import { ReservationSchema } from "../../src/routes/reservation-schemas";
import { call, signUp } from "../helpers/api";
import { addParty } from "../live/socket";
import { booked, bookPlace, dayFromNow, localIso } from "../reservations/support";

const names = (cols: Column[]) => cols.map((c) => c.name);
const sorted = (xs: Iterable<string>) => [...xs].sort();

async function doColumns(locationId: string, table: string): Promise<string[]> {
  const stub = env.RESTAURANT.get(env.RESTAURANT.idFromName(locationId));
  return runInDurableObject(stub, (_i, state) => state.storage.sql.exec(`PRAGMA table_info(${table})`).toArray().map((r) => r.name as string));
}

async function d1Columns(table: string): Promise<string[]> {
  return (await env.DB.prepare(`PRAGMA table_info(${table})`).all<{ name: string }>()).results.map((r) => r.name);
}

/** drizzle's columns by their property key: the key the code reads and the column it maps to. */
function drizzleColumns(table: typeof parties | typeof reservations): Map<string, SQLiteColumn> {
  const byName = new Map(getTableConfig(table).columns.map((c) => [c.name, c]));
  return new Map(Object.entries(table).flatMap(([key, col]) => (byName.get((col as SQLiteColumn)?.name) === col ? [[key, col as SQLiteColumn]] : [])));
}

/** The drizzle column type a declared field's codec needs in D1. */
function expectSameEncoding(col: Column, d: SQLiteColumn) {
  const want = col.codec === "bool" ? "SQLiteBoolean" : col.codec === "json" ? "SQLiteTextJson" : undefined;
  if (want) expect(d.columnType, `${col.key} is stored as ${col.codec}`).toBe(want);
  else expect(["SQLiteText", "SQLiteInteger", "SQLiteReal"], col.key).toContain(d.columnType);
}

const ENTITIES = [
  {
    name: "party",
    table: "parties",
    drizzle: parties,
    fields: PARTY_FIELDS,
    row: PARTY_ROW_COLUMNS,
    mirror: PARTY_MIRROR_COLUMNS,
    rowExtra: ["token_hash", "join_estimate_minutes"],
    mirrorExtra: ["account_id", "location_id", "join_estimate_minutes"],
    rest: PartySchema,
    restExtra: ["position", "partiesAhead", "estimatedWaitMinutes", "estimatedWaitRange"],
    exportColumns: PARTY_EXPORT_COLUMNS,
  },
  {
    name: "reservation",
    table: "reservations",
    drizzle: reservations,
    fields: RESERVATION_FIELDS,
    row: RESERVATION_ROW_COLUMNS,
    mirror: RESERVATION_MIRROR_COLUMNS,
    rowExtra: ["token_hash"],
    mirrorExtra: ["account_id", "location_id"],
    rest: ReservationSchema,
    restExtra: ["durationMinutes"],
    exportColumns: RESERVATION_EXPORT_COLUMNS,
  },
] as const;

describe.each(ENTITIES)("the $name declaration", (e) => {
  it("names every column of the DO's row, and the row has a column for every field it sends there", async () => {
    const o = await signUp();
    // The location's object makes its tables when it first serves the location.
    expect((await call("GET", `/api/locations/${o.locationId}/waitlist`, { token: o.token })).status).toBe(200);
    expect(sorted(await doColumns(o.locationId, e.table))).toEqual(sorted([...names(e.row), ...e.rowExtra]));
  });

  it("is the D1 mirror's drizzle table: the same keys, the same columns, the same encoding", () => {
    const cols = drizzleColumns(e.drizzle);
    expect(sorted(getTableConfig(e.drizzle).columns.map((c) => c.name))).toEqual(sorted([...names(e.mirror), ...e.mirrorExtra]));
    for (const col of e.mirror) {
      const d = cols.get(col.key);
      expect(d?.name, `drizzle's ${e.table}.${col.key}`).toBe(col.name);
      expectSameEncoding(col, d!);
    }
  });

  it("is the migrated D1 table (migrations/ follows the drizzle schema)", async () => {
    expect(sorted(await d1Columns(e.table))).toEqual(sorted([...names(e.mirror), ...e.mirrorExtra]));
  });

  it("gives the REST schema its keys", () => {
    expect(sorted(Object.keys(e.rest.shape))).toEqual(sorted([...keysIn(e.fields, "rest"), ...e.restExtra]));
  });

  it("gives the export its columns", () => {
    expect(sorted(e.exportColumns)).toEqual(sorted(["locationId", ...keysIn(e.fields, "export")]));
  });
});

describe("answers carry exactly the declared keys", () => {
  it("a party: the REST answers and the export", async () => {
    const o = await signUp();
    const { party } = await addParty(o, o.locationId, { name: "Keys" });
    // The add answer is the party, bare, with its guest link beside its fields.
    expect(sorted(Object.keys(party))).toEqual(sorted([...Object.keys(PartySchema.shape), "guestUrl"]));
    const one = await call("GET", `/api/locations/${o.locationId}/waitlist/${party.id}`, { token: o.token });
    expect(sorted(Object.keys(one.json))).toEqual(sorted(Object.keys(PartySchema.shape)));
    const csv = await call("GET", "/api/account/export?format=csv", { token: o.token });
    expect(csv.text.split("\r\n")[0]).toBe(PARTY_EXPORT_COLUMNS.join(","));
  });

  it("a reservation: the REST answer", async () => {
    const p = await bookPlace();
    const r = await booked(p, { name: "Keys", partySize: 2, start: localIso(dayFromNow(2, p.timezone), "19:00", p.timezone) });
    expect(sorted(Object.keys(r))).toEqual(sorted(Object.keys(ReservationSchema.shape)));
  });
});
