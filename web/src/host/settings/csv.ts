// The history download as CSV, built in the browser from the rows on screen, with the cells of the
// server's own export (domain/csv.ts).
import { csvCell } from "../../../../domain/csv";
import type { RestParty } from "../../shared/types";

const waited = (p: RestParty) => (p.seatedAt ? Math.round((Date.parse(p.seatedAt) - Date.parse(p.createdAt)) / 60_000) : null);

export const HISTORY_COLUMNS: [string, (p: RestParty, local: (iso: string | null) => string) => unknown][] = [
  ["closed (local)", (p, local) => local(p.closedAt)],
  ["name", (p) => p.name],
  ["phone", (p) => p.phone],
  ["size", (p) => p.partySize],
  ["outcome", (p) => p.status],
  ["waited minutes", waited],
  ["quoted minutes", (p) => p.quotedWaitMinutes],
  ["closed by", (p) => p.closedBy],
  ["source", (p) => p.source],
  ["tags", (p) => p.tags],
  ["notes", (p) => p.notes],
  ["joined (UTC)", (p) => p.createdAt],
  ["notified (UTC)", (p) => p.notifiedAt],
  ["seated (UTC)", (p) => p.seatedAt],
  ["closed (UTC)", (p) => p.closedAt],
  ["id", (p) => p.id],
];

/** A CSV (RFC 4180, CRLF) with a byte-order mark so spreadsheet apps read non-ASCII names right. */
export function historyCsv(rows: RestParty[], timeZone: string): string {
  const fmt = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const local = (iso: string | null) => (iso ? fmt.format(Date.parse(iso)).replace(",", "") : "");
  const lines = [HISTORY_COLUMNS.map(([h]) => csvCell(h)).join(",")];
  for (const p of rows) lines.push(HISTORY_COLUMNS.map(([, get]) => csvCell(get(p, local))).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
