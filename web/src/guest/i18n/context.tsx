// The page's language: a ?lang= link first, then the guest's own choice on this device, then the
// location's default. Catalogues other than English load on first use; until one arrives the page
// stays in the language it had, so nothing flashes half-translated. On a kiosk (one tablet, guest
// after guest) a choice is never remembered on the device, and `forget` returns to the default.
import { createContext, type ComponentChildren } from "preact";
import { useCallback, useContext, useEffect, useMemo, useState } from "preact/hooks";
import type { Catalogue } from "./catalogue";
import { en } from "./en";
import { closestLanguage, direction, isPseudo, LANGUAGES, type Language, type PageLanguage } from "./languages";
import { loadCatalogue } from "./load";
import { pseudoCatalogue, Translator } from "./translate";

const STORED = "seatline.guest.language";
const english: Catalogue = en;

function fromUrl(): PageLanguage | null {
  const asked = new URLSearchParams(location.search).get("lang");
  if (asked && isPseudo(asked)) return asked;
  return closestLanguage(asked);
}

function stored(): Language | null {
  try {
    return closestLanguage(localStorage.getItem(STORED));
  } catch {
    return null;
  }
}

export interface I18n {
  lang: PageLanguage;
  tr: Translator;
  /** The guest picks a language (remembered on this device). */
  choose(lang: Language): void;
  /** A page tells which language its location uses by default. */
  setDefault(lang: string | null | undefined): void;
  /** Drops the guest's choice (the kiosk, for the next guest): back to the link's or the location's language. */
  forget(): void;
}

const Ctx = createContext<I18n | null>(null);

export function useI18n(): I18n {
  const i = useContext(Ctx);
  if (!i) throw new Error("useI18n outside <I18nProvider>");
  return i;
}

export function I18nProvider({ children, ephemeral = false }: { children: ComponentChildren; ephemeral?: boolean }) {
  const [explicit, setExplicit] = useState<PageLanguage | null>(() => fromUrl() ?? (ephemeral ? null : stored()));
  const [fallbackDefault, setFallbackDefault] = useState<Language>("en");
  const wanted: PageLanguage = explicit ?? fallbackDefault;
  const [loaded, setLoaded] = useState<{ lang: PageLanguage; catalogue: Catalogue }>({ lang: "en", catalogue: english });

  useEffect(() => {
    if (wanted === loaded.lang) return;
    if (wanted === "en") return setLoaded({ lang: "en", catalogue: english });
    if (isPseudo(wanted)) return setLoaded({ lang: wanted, catalogue: pseudoCatalogue(english) });
    let current = true;
    loadCatalogue(wanted).then(
      (catalogue) => current && setLoaded({ lang: wanted, catalogue }),
      () => current && setLoaded({ lang: "en", catalogue: english }),
    );
    return () => {
      current = false;
    };
  }, [wanted]);

  useEffect(() => {
    document.documentElement.lang = isPseudo(loaded.lang) ? "en" : loaded.lang;
    document.documentElement.dir = direction(loaded.lang);
  }, [loaded.lang]);

  const choose = useCallback((lang: Language) => {
    try {
      if (!ephemeral) localStorage.setItem(STORED, lang);
    } catch {
      // private mode: the choice lasts for this page only
    }
    setExplicit(lang);
  }, [ephemeral]);
  const forget = useCallback(() => setExplicit(fromUrl()), []);
  const setDefault = useCallback((lang: string | null | undefined) => setFallbackDefault(closestLanguage(lang) ?? "en"), []);
  const value = useMemo<I18n>(
    () => ({ lang: loaded.lang, tr: new Translator(isPseudo(loaded.lang) ? "en" : loaded.lang, loaded.catalogue, english), choose, setDefault, forget }),
    [loaded, choose, setDefault, forget],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

/** Each language named in itself ("español", "中文（简体）"), so a guest finds their own. */
export function LanguageSwitcher() {
  const { lang, tr, choose } = useI18n();
  const names = useMemo(() => LANGUAGES.map((l) => [l, new Intl.DisplayNames([l], { type: "language" }).of(l) ?? l] as const), []);
  return (
    <label class="lang">
      <span class="sr-only">{tr.t("common.language")}</span>
      <select value={isPseudo(lang) ? "" : lang} onChange={(e) => choose(e.currentTarget.value as Language)} aria-label={tr.t("common.language")}>
        {isPseudo(lang) ? <option value="">{lang}</option> : null}
        {names.map(([l, name]) => (
          <option value={l} lang={l} key={l}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}
