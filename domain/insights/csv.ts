// One report table as CSV (RFC 4180, CRLF). Numbers are written as they are; text cells a
// spreadsheet would run as a formula are prefixed with ' (CSV injection).
export type Cell = string | number | boolean | null;

function cell(v: Cell): string {
  if (v === null) return "";
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows of one shape; the columns are the first row's keys (a table with no rows has only `columns`). */
export function toCsv(rows: Record<string, Cell>[], columns: string[] = Object.keys(rows[0] ?? {})): string {
  return [columns.join(","), ...rows.map((r) => columns.map((c) => cell(r[c] ?? null)).join(","))].join("\r\n") + "\r\n";
}
