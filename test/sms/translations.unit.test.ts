// Guest texts in the guest's language: built-in translations keep every placeholder and keyword, and
// templateFor picks the owner's own text, the location's edited text or the built-in one.
import { describe, expect, it } from "vitest";
import { GUEST_LANGUAGES } from "../../domain/languages";
import { BUILT_IN_TRANSLATIONS, templateFor, whenForText } from "../../domain/sms/translations";
import { DEFAULT_TEMPLATES, TEMPLATE_KINDS, unknownPlaceholders } from "../../domain/sms/templates";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("built-in guest texts", () => {
  it("exist for every guest language but English (which is DEFAULT_TEMPLATES) and every kind", () => {
    expect(Object.keys(BUILT_IN_TRANSLATIONS).sort()).toEqual(GUEST_LANGUAGES.filter((l) => l !== "en").sort());
    for (const bodies of Object.values(BUILT_IN_TRANSLATIONS)) expect(Object.keys(bodies).sort()).toEqual([...TEMPLATE_KINDS].sort());
  });

  it("carry English's placeholders and reply keywords, and nothing a template may not use", () => {
    for (const [lang, bodies] of Object.entries(BUILT_IN_TRANSLATIONS)) {
      for (const kind of TEMPLATE_KINDS) {
        const body = bodies[kind];
        expect(placeholders(body), `${lang} ${kind}`).toEqual(placeholders(DEFAULT_TEMPLATES[kind].body));
        expect(unknownPlaceholders(body, kind), `${lang} ${kind}`).toEqual([]);
        for (const keyword of ["STOP", " 1 ", " 9 "]) if (DEFAULT_TEMPLATES[kind].body.includes(keyword)) expect(body, `${lang} ${kind} keeps ${keyword}`).toContain(keyword.trim());
      }
    }
  });
});

describe("templateFor", () => {
  const edited = { ...DEFAULT_TEMPLATES, joined: { enabled: true, body: "Hi {name}, park behind {restaurant}. {link}" } };

  it("gives a guest in another language the built-in text in theirs", () => {
    expect(templateFor(DEFAULT_TEMPLATES, {}, "table_ready", "es", "en").body).toBe(BUILT_IN_TRANSLATIONS.es.table_ready);
  });

  it("gives a guest in the location's language the owner's edited text, and English guests English", () => {
    expect(templateFor(edited, {}, "joined", "en", "en")).toEqual(edited.joined);
    expect(templateFor(edited, {}, "joined", "it", "it")).toEqual(edited.joined);
    // An Italian place's guest who reads English gets the English default, not the owner's Italian.
    expect(templateFor(edited, {}, "joined", "en", "it").body).toBe(DEFAULT_TEMPLATES.joined.body);
  });

  it("prefers the owner's own text in the guest's language, and keeps the kind's on/off switch everywhere", () => {
    const own = { fr: { joined: { enabled: true, body: "Bonjour {name} ! {link}" } } };
    expect(templateFor(edited, own, "joined", "fr", "en").body).toBe("Bonjour {name} ! {link}");
    const off = { ...DEFAULT_TEMPLATES, cancelled: { enabled: false, body: DEFAULT_TEMPLATES.cancelled.body } };
    expect(templateFor(off, {}, "cancelled", "de", "en").enabled).toBe(false);
    expect(templateFor(off, { de: { cancelled: { enabled: true, body: "Storniert, {name}." } } }, "cancelled", "de", "en").enabled).toBe(false);
  });

  it("writes a booking's time as the guest's language and the location's country write it", () => {
    const at = Date.parse("2026-12-05T00:30:00Z");
    expect(whenForText(at, "America/New_York", "en", "US").replace(/\u202f/g, " ")).toBe("Fri, Dec 4, 7:30 PM");
    expect(whenForText(at, "America/New_York", "es", "US").replace(/[\u202f\u00a0]/g, " ")).toMatch(/^vie, 4 de dic, 7:30 p\.\s?m\.$/);
    expect(whenForText(Date.parse("2027-03-28T17:30:00Z"), "Europe/Rome", "it", "IT")).toBe("dom 28 mar, 19:30");
  });
});
