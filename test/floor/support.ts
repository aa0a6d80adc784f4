// Helpers for the floor tests (issue 17): a location open all day with tables, walk-ins, seating at
// tables, the floor read and clearing.
import { expect } from "vitest";
import { call } from "../helpers/api";
import { bookPlace, type BookPlace } from "../reservations/support";

export const ALL_DAY = Object.fromEntries(["0", "1", "2", "3", "4", "5", "6"].map((d) => [d, [{ start: "00:00", end: "23:59" }]]));

export async function floorPlace(tables: [string, number, number][] = [["T2", 1, 2], ["T4", 3, 4], ["T6", 5, 6]]): Promise<BookPlace> {
  return bookPlace({ tables, settings: { hours: ALL_DAY } });
}

export async function walkIn(p: BookPlace, name: string, size = 2): Promise<string> {
  const res = await call("POST", `${p.base}/waitlist`, { token: p.token, body: { name, partySize: size } });
  expect(res.status, res.text).toBe(201);
  return res.json.id as string;
}

export function seat(p: BookPlace, partyId: string, body?: Record<string, unknown>) {
  return call("POST", `${p.base}/waitlist/${partyId}/seat`, { token: p.token, body });
}

export async function floor(p: BookPlace): Promise<any[]> {
  const res = await call("GET", `${p.base}/floor`, { token: p.token });
  expect(res.status, res.text).toBe(200);
  return res.json.tables;
}

export function clear(p: BookPlace, tableId: string) {
  return call("POST", `${p.base}/tables/${tableId}/clear`, { token: p.token });
}

export const tableId = (p: BookPlace, name: string) => p.tables.find((t) => t.name === name)!.id;

/** Status of each table by name. */
export async function statuses(p: BookPlace): Promise<Record<string, string>> {
  return Object.fromEntries((await floor(p)).map((t) => [t.name, t.status]));
}
