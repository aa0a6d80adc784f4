// What the add and edit forms need beyond the location's settings (its tags and hold minutes).
import { DEFAULT_SETTINGS } from "../../../domain/waitlist/protocol";
import type { WaitlistSettings } from "../shared/types";

/** The location's tags, and the party's own ones that are no longer on the list (so they can be unticked). */
export function tagChoices(settings: WaitlistSettings | null, own: string[] = []): string[] {
  const list = settings?.tags ?? DEFAULT_SETTINGS.tags;
  return [...list, ...own.filter((t) => !list.includes(t))];
}

/** Minutes after a notify before the row says "Late" (the location's setting; the mark is drawn by the screen). */
export const holdMinutes = (settings: WaitlistSettings | null) => settings?.holdMinutes ?? DEFAULT_SETTINGS.holdMinutes;

/** A party size typed into a field: the number, or the reason it cannot be one. */
export function parseSize(text: string, max: number): { size: number } | { error: string } {
  const t = text.trim();
  const n = Number(t);
  if (!/^\d+$/.test(t) || n < 1 || n > max) return { error: `Enter 1 to ${max} guests.` };
  return { size: n };
}
