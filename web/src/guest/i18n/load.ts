// Loading a language's catalogue on first use (English is in the page itself). Apart from
// languages.ts, so a page that only needs the list of languages (the display board) bundles none
// of the guest pages' catalogues.
import type { Catalogue } from "./catalogue";
import type { Language } from "./languages";

const loaders: Record<Exclude<Language, "en">, () => Promise<Catalogue>> = {
  es: () => import("./es").then((m) => m.es),
  fr: () => import("./fr").then((m) => m.fr),
  de: () => import("./de").then((m) => m.de),
  "pt-BR": () => import("./pt-BR").then((m) => m.ptBR),
  it: () => import("./it").then((m) => m.it),
  "zh-Hans": () => import("./zh-Hans").then((m) => m.zhHans),
};

/** A language's catalogue, fetched on first use (English is in the page itself). */
export function loadCatalogue(lang: Exclude<Language, "en">): Promise<Catalogue> {
  return loaders[lang]();
}
