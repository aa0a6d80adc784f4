// History filters. The server filters by closing time (from/to) and status; party size and the text
// search are applied here to the pages it returns (GET …/history has no size or search parameter).
import { addDays, startOfLocalDay } from "../../../../domain/time";
import { CLOSED_STATES, SIZE_BANDS, bandOf, type ClosedState, type SizeBand } from "../../../../domain/waitlist/model";
import type { RestParty } from "../../shared/types";

export { CLOSED_STATES, SIZE_BANDS };
export type { ClosedState, SizeBand };

export interface HistoryFilter {
  /** Local calendar dates in the location's zone, both included. */
  from: string;
  to: string;
  states: ClosedState[];
  size: SizeBand | "";
  q: string;
}

export function defaultFilter(today: string): HistoryFilter {
  return { from: addDays(today, -6), to: today, states: [...CLOSED_STATES], size: "", q: "" };
}

/** Errors by field name, as the form shows them; empty when the filter can be asked for. */
export function filterErrors(f: HistoryFilter): Record<string, string> {
  const out: Record<string, string> = {};
  const date = /^\d{4}-\d{2}-\d{2}$/;
  if (!date.test(f.from)) out.from = "Choose the first day.";
  if (!date.test(f.to)) out.to = "Choose the last day.";
  if (!out.from && !out.to && f.to < f.from) out.to = "The last day is before the first day.";
  if (f.states.length === 0) out.states = "Choose at least one outcome.";
  if (f.q.length > 100) out.q = "Search for at most 100 characters.";
  return out;
}

/** The query string for one page of GET /api/locations/:id/history. */
export function historyQuery(f: HistoryFilter, timeZone: string, cursor: string | null, limit = 200): string {
  const q = new URLSearchParams();
  q.set("from", new Date(startOfLocalDay(f.from, timeZone)).toISOString());
  q.set("to", new Date(startOfLocalDay(addDays(f.to, 1), timeZone)).toISOString());
  if (f.states.length < CLOSED_STATES.length) q.set("status", f.states.join(","));
  q.set("limit", String(limit));
  if (cursor) q.set("cursor", cursor);
  return q.toString();
}

const digits = (s: string) => s.replace(/\D/g, "");

/** The filters the server does not apply: party size band and the text search. */
export function matchesHere(p: RestParty, f: HistoryFilter): boolean {
  if (f.size && bandOf(p.partySize) !== f.size) return false;
  const q = f.q.trim().toLowerCase();
  if (!q) return true;
  const text = [p.name, p.notes, ...p.tags].join(" ").toLowerCase();
  if (text.includes(q)) return true;
  // Phones are stored in E.164; a number typed the national way starts with a trunk 0 instead.
  const d = digits(q).replace(/^0+/, "");
  return d.length >= 3 && p.phone !== null && digits(p.phone).includes(d);
}
