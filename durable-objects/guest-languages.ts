// The language each guest chose at check-in or booking (party or reservation id → BCP 47), so every
// text to them follows it. Its own table, so the parties and reservations tables stay as they are; a
// row goes when its party or booking is gone.
import type { GuestLanguage } from "../domain/languages";

export const GUEST_LANGUAGES_SCHEMA = "CREATE TABLE IF NOT EXISTS guest_languages (ref TEXT PRIMARY KEY, language TEXT NOT NULL)";

export function setGuestLanguage(sql: SqlStorage, ref: string, language: GuestLanguage) {
  sql.exec("INSERT OR REPLACE INTO guest_languages (ref, language) VALUES (?, ?)", ref, language);
}

export function guestLanguageOf(sql: SqlStorage, ref: string): GuestLanguage | null {
  const row = sql.exec("SELECT language FROM guest_languages WHERE ref = ?", ref).toArray()[0];
  return row ? (row.language as GuestLanguage) : null;
}

/** Drops the choices of parties and bookings that no longer exist (after a purge or retention). */
export function forgetDepartedGuests(sql: SqlStorage) {
  sql.exec("DELETE FROM guest_languages WHERE ref NOT IN (SELECT id FROM parties) AND ref NOT IN (SELECT id FROM reservations)");
}
