// Tables and combinations as the setup page edits them: the checks made before sending (the API's
// bounds; its "minSeats cannot be more than maxSeats" answer names no field, so the form catches it
// first), grouping by area, and what a delete or a deactivation takes with it.
import type { Combination, Table } from "../../shared/types";
import { checkInt, type FieldErrors } from "./field-errors";

export interface TableDraft {
  name: string;
  minSeats: number | null;
  maxSeats: number | null;
  area: string;
  active: boolean;
}
export interface CombinationDraft {
  name: string;
  tableIds: string[];
  minSeats: number | null;
  maxSeats: number | null;
}

function seatErrors(d: { minSeats: number | null; maxSeats: number | null }, out: FieldErrors) {
  const min = checkInt(d.minSeats, 1, 100);
  const max = checkInt(d.maxSeats, 1, 100);
  if (min) out.minSeats = min;
  if (max) out.maxSeats = max;
  if (!min && !max && d.minSeats! > d.maxSeats!) out.maxSeats = `At least the smallest party (${d.minSeats}).`;
}

export function tableErrors(d: TableDraft, others: Table[]): FieldErrors {
  const out: FieldErrors = {};
  const name = d.name.trim();
  if (!name) out.name = "Give the table a name, e.g. T1 or Window 2.";
  else if (name.length > 40) out.name = "At most 40 characters.";
  else if (others.some((t) => t.name.trim().toLowerCase() === name.toLowerCase())) out.name = `There is already a table called ${name}.`;
  if (d.area.trim().length > 40) out.area = "At most 40 characters.";
  seatErrors(d, out);
  return out;
}

export function combinationErrors(d: CombinationDraft): FieldErrors {
  const out: FieldErrors = {};
  const name = d.name.trim();
  if (!name) out.name = "Give the combination a name, e.g. T1+T2.";
  else if (name.length > 40) out.name = "At most 40 characters.";
  if (d.tableIds.length < 2) out.tableIds = "Choose at least two tables.";
  else if (d.tableIds.length > 10) out.tableIds = "At most 10 tables.";
  seatErrors(d, out);
  return out;
}

/** The body the API takes: trimmed, and only what changed for an edit. */
export function tableBody(d: TableDraft, was?: Table): Partial<Omit<Table, "id">> {
  const next = { name: d.name.trim(), minSeats: d.minSeats!, maxSeats: d.maxSeats!, area: d.area.trim(), active: d.active };
  if (!was) return next;
  return Object.fromEntries(Object.entries(next).filter(([k, v]) => was[k as keyof Table] !== v));
}

export function combinationBody(d: CombinationDraft, was?: Combination): Partial<Omit<Combination, "id">> {
  const next = { name: d.name.trim(), tableIds: d.tableIds, minSeats: d.minSeats!, maxSeats: d.maxSeats! };
  if (!was) return next;
  const same = (k: keyof typeof next) => JSON.stringify(was[k]) === JSON.stringify(next[k]);
  return Object.fromEntries(Object.entries(next).filter(([k]) => !same(k as keyof typeof next)));
}

/** Tables by area, areas in name order, tables without an area last. */
export function byArea(tables: Table[]): [string, Table[]][] {
  const groups = new Map<string, Table[]>();
  for (const t of tables) groups.set(t.area, [...(groups.get(t.area) ?? []), t]);
  return [...groups.entries()].sort(([a], [b]) => (a === "" ? 1 : b === "" ? -1 : a.localeCompare(b)));
}

/** Combinations that deleting this table deletes too (the API removes them with it). */
export const combinationsWith = (tableId: string, combinations: Combination[]) => combinations.filter((c) => c.tableIds.includes(tableId));

/** Why a combination is not offered for bookings now (a member inactive or gone), or null. */
export function combinationUnavailable(c: Combination, tables: Table[]): string | null {
  const names = c.tableIds.map((id) => tables.find((t) => t.id === id));
  const off = names.filter((t) => t && !t.active).map((t) => t!.name);
  if (names.some((t) => !t)) return "A table in it no longer exists.";
  return off.length ? `Not offered while ${off.join(" and ")} ${off.length === 1 ? "is" : "are"} inactive.` : null;
}

/** A starting seat range for a new combination: up to the seats of its tables together. */
export function suggestedSeats(tableIds: string[], tables: Table[]): { minSeats: number; maxSeats: number } {
  const chosen = tables.filter((t) => tableIds.includes(t.id));
  const max = Math.min(100, chosen.reduce((n, t) => n + t.maxSeats, 0));
  const biggest = Math.max(0, ...chosen.map((t) => t.maxSeats));
  return { minSeats: Math.min(max, biggest + 1) || 1, maxSeats: max || 1 };
}
