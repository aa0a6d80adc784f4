// The languages guest pages ship in, how a page picks one, and the pseudo-locales for layout tests.
import { GUEST_LANGUAGES, type GuestLanguage } from "../../../../domain/languages";

/** BCP 47 tags, the same list the location's language setting accepts; the first is the fallback. */
export const LANGUAGES = GUEST_LANGUAGES;
export type Language = GuestLanguage;

/**
 * Pseudo-locales, reachable only by ?lang= (never in the switcher): English accented and made ~40%
 * longer, and the same laid out right to left, so truncation and mirroring bugs show up before a
 * real long or RTL language ships.
 */
export const PSEUDO = { "qps-ploc": "ltr", "qps-plocm": "rtl" } as const;
export type Pseudo = keyof typeof PSEUDO;
export type PageLanguage = Language | Pseudo;

export const isLanguage = (s: string): s is Language => (LANGUAGES as readonly string[]).includes(s);
export const isPseudo = (s: string): s is Pseudo => s in PSEUDO;

/** The closest shipped language for a tag ("pt" and "pt-PT" → pt-BR, "zh-CN" → zh-Hans), or null. */
export function closestLanguage(tag: string | null | undefined): Language | null {
  if (!tag) return null;
  if (isLanguage(tag)) return tag;
  let base: string;
  try {
    base = new Intl.Locale(tag).language;
  } catch {
    return null;
  }
  return LANGUAGES.find((l) => l === base || l.startsWith(`${base}-`)) ?? null;
}

export const direction = (lang: PageLanguage): "ltr" | "rtl" => (isPseudo(lang) ? PSEUDO[lang] : "ltr");
