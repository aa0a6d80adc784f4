// Date-range presets for the Insights page, in local calendar dates (YYYY-MM-DD).
export function isoDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

export function shift(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export const PRESETS: { id: string; label: string; days: number }[] = [
  { id: "7", label: "Last 7 days", days: 7 },
  { id: "30", label: "Last 30 days", days: 30 },
  { id: "90", label: "Last 90 days", days: 90 },
  { id: "365", label: "Last 12 months", days: 365 },
];

/** [from, to] of a preset ending on `today`. */
export function presetRange(days: number, today: string): [string, string] {
  return [shift(today, -(days - 1)), today];
}

/** A range is askable when both ends are dates, in order, and at most 400 days apart (the API's limit). */
export function rangeProblem(from: string, to: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to)) return "Choose both dates.";
  if (from > to) return "The range ends before it starts.";
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  if (days > 400) return "Choose at most 400 days.";
  return null;
}
