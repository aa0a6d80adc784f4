// What the add and edit forms offer: quick quotes, tags, and the hold before a notified party is late.
export const TAGS = ["High chair", "Booth", "Patio", "Bar", "Accessible", "Birthday"];
/** Minutes after a notify before the row says "Late" (client-side; the server keeps no hold timer yet). */
export const HOLD_MINUTES = 10;

/** A party size typed into a field: the number, or the reason it cannot be one. */
export function parseSize(text: string, max: number): { size: number } | { error: string } {
  const t = text.trim();
  const n = Number(t);
  if (!/^\d+$/.test(t) || n < 1 || n > max) return { error: `Enter 1 to ${max} guests.` };
  return { size: n };
}
