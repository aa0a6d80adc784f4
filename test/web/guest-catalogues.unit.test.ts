// Guest catalogues: every language has English's keys (the typecheck enforces it; this proves it at
// run time too), the same placeholders in every message, plural forms the language needs, and
// nothing left empty. The pseudo-locale keeps placeholders intact.
import { describe, expect, it } from "vitest";
import type { Catalogue, Plural } from "../../web/src/guest/i18n/catalogue";
import { de } from "../../web/src/guest/i18n/de";
import { en } from "../../web/src/guest/i18n/en";
import { es } from "../../web/src/guest/i18n/es";
import { fr } from "../../web/src/guest/i18n/fr";
import { it as italian } from "../../web/src/guest/i18n/it";
import { LANGUAGES } from "../../web/src/guest/i18n/languages";
import { ptBR } from "../../web/src/guest/i18n/pt-BR";
import { pseudoCatalogue, Translator } from "../../web/src/guest/i18n/translate";
import { zhHans } from "../../web/src/guest/i18n/zh-Hans";
import { GUEST_LANGUAGES } from "../../domain/languages";

const english: Catalogue = en;
const CATALOGUES: Record<(typeof LANGUAGES)[number], Catalogue> = { en: english, es, fr, de, "pt-BR": ptBR, it: italian, "zh-Hans": zhHans };
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const texts = (m: string | Plural) => (typeof m === "string" ? [m] : Object.values(m) as string[]);

describe("guest catalogues", () => {
  it("ship one per language the location setting accepts", () => {
    expect(Object.keys(CATALOGUES).sort()).toEqual([...GUEST_LANGUAGES].sort());
  });

  for (const [lang, cat] of Object.entries(CATALOGUES)) {
    describe(lang, () => {
      it("has exactly English's keys", () => {
        expect(Object.keys(cat).sort()).toEqual(Object.keys(english).sort());
      });

      it("uses the same placeholders as English in every message and form", () => {
        for (const [key, m] of Object.entries(cat) as [keyof Catalogue, string | Plural][]) {
          const want = placeholders(texts(english[key])[0]!);
          for (const t of texts(m)) expect(placeholders(t), `${lang} ${key}: ${t}`).toEqual(want);
        }
      });

      it("has every plural form the language's rules select, and no empty text", () => {
        const forms = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
        for (const [key, m] of Object.entries(cat) as [keyof Catalogue, string | Plural][]) {
          for (const t of texts(m)) expect(t.trim().length, `${lang} ${key}`).toBeGreaterThan(0);
          if (typeof m === "string") continue;
          // "many" in French/Italian/Portuguese is for millions ("1 000 000 de personnes"): other covers it here.
          for (const f of forms.filter((x) => x !== "many")) expect(m[f], `${lang} ${key} needs "${f}"`).toBeDefined();
        }
      });
    });
  }

  it("differ from English where a guest reads them (no untranslated copies)", () => {
    for (const [lang, cat] of Object.entries(CATALOGUES)) {
      if (lang === "en") continue;
      const same = (Object.keys(english) as (keyof Catalogue)[]).filter((k) => JSON.stringify(cat[k]) === JSON.stringify(english[k]));
      // Placeholder-only strings ("{from}–{to}") and words that are the same ("Live", "Name", "Date") may match.
      expect(same.filter((k) => !["book.serviceTimes", "status.live", "form.name", "book.date", "place.address"].includes(k)), lang).toEqual([]);
    }
  });
});

describe("translate", () => {
  it("picks plural forms with Intl.PluralRules and fills placeholders with the language's digits", () => {
    const t = new Translator("en", english, english);
    expect(t.t("status.ahead", { count: 1 })).toBe("1 party ahead");
    expect(t.t("status.ahead", { count: 3 })).toBe("3 parties ahead");
    const fr1 = new Translator("fr", fr, english);
    // French "one" covers 0 and 1.
    expect(fr1.t("common.guests", { count: 0 })).toBe("0 personne");
    expect(new Translator("de", de, english).t("common.guests", { count: 1200 })).toBe("1.200 Personen");
  });

  it("splits a message at its placeholders whatever the word order", () => {
    const zh = new Translator("zh-Hans", zhHans, english);
    expect(zh.parts("status.position", { position: 3 })).toEqual(["您排在第 ", { name: "position", value: 3 }, " 位"]);
  });

  it("builds a pseudo-locale that is longer, accented and keeps its placeholders", () => {
    const pseudo = pseudoCatalogue(english);
    const t = new Translator("en", pseudo, english);
    const out = t.t("status.seatedBody", { name: "Luigi" });
    expect(out).toContain("Luigi");
    expect(out.length).toBeGreaterThan("Enjoy your meal at Luigi.".length * 1.3);
    expect(out).toMatch(/^⟦Éñĵóý/);
    expect(placeholders((pseudo["status.ahead"] as Plural).other)).toEqual(["count"]);
  });
});
