// CSV (RFC 4180, CRLF) for every download: the account export, insights reports, the history page.
// Text cells a spreadsheet would run as a formula are prefixed with ' (CSV injection); numbers and
// booleans are written as they are; a list is one cell, its items joined by "; ".
export type Cell = string | number | boolean | null;

/** What a spreadsheet would run: =, +, -, @, tab, carriage return first. */
const FORMULA = /^[=+\-@\t\r]/;
const QUOTE = "'";

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  let s = Array.isArray(value) ? value.join("; ") : String(value);
  if (FORMULA.test(s)) s = QUOTE + s;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV line of cells, with its CRLF. */
export const csvLine = (cells: unknown[]): string => cells.map(csvCell).join(",") + "\r\n";

/** Rows of one shape; the columns are the first row's keys (a table with no rows has only `columns`). */
export function toCsv(rows: Record<string, Cell>[], columns: string[] = Object.keys(rows[0] ?? {})): string {
  return [columns.join(","), ...rows.map((r) => columns.map((c) => csvCell(r[c] ?? null)).join(","))].join("\r\n") + "\r\n";
}
