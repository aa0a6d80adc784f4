// The display board's messages (issue 22): one catalogue per guest page language, each with English's
// keys and placeholders and every plural form its language selects; the board reads the location's
// default language, the closest shipped one for a regional tag, English otherwise.
import { describe, expect, it } from "vitest";
import { GUEST_LANGUAGES } from "../../domain/languages";
import { BOARD_CATALOGUES, boardTranslator } from "../../web/src/board/messages";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const texts = (m: string | Record<string, string>) => (typeof m === "string" ? [m] : Object.values(m));

describe("display board messages", () => {
  it("ship one catalogue per guest page language", () => {
    expect(Object.keys(BOARD_CATALOGUES).sort()).toEqual([...GUEST_LANGUAGES].sort());
  });

  for (const [lang, cat] of Object.entries(BOARD_CATALOGUES)) {
    it(`${lang}: English's keys and placeholders, its plural forms, nothing empty`, () => {
      const en = BOARD_CATALOGUES.en as Record<string, string | Record<string, string>>;
      expect(Object.keys(cat).sort()).toEqual(Object.keys(en).sort());
      const rules = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      for (const [key, m] of Object.entries(cat) as [string, string | Record<string, string>][]) {
        const want = placeholders(texts(en[key]!)[0]!);
        for (const t of texts(m)) {
          expect(t.trim().length, `${lang} ${key}`).toBeGreaterThan(0);
          expect(placeholders(t), `${lang} ${key}: ${t}`).toEqual(want);
        }
        if (typeof m !== "string") for (const r of rules) expect(m[r] ?? m.other, `${lang} ${key} ${r}`).toBeTruthy();
      }
    });
  }

  it("reads the location's language, the closest for a regional tag, and English for an unknown one", () => {
    expect(boardTranslator("es").t("calling")).toBe("Llamando ahora");
    expect(boardTranslator("pt-PT").t("guests", { count: 2 })).toBe("2 pessoas");
    expect(boardTranslator("de").t("guests", { count: 1 })).toBe("1 Person");
    expect(boardTranslator("xx").t("calling")).toBe("Now calling");
    expect(boardTranslator(null).t("sizeRange", { from: 1, count: 2 })).toBe("1–2 guests");
  });
});
