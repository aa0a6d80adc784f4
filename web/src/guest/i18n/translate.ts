// Filling messages: {name} placeholders and plural forms through Intl.PluralRules, never by gluing
// strings together. `parts` keeps placeholders as values so a page can render one of them big or bold
// inside a translated sentence whatever the word order of the language.
import type { Catalogue, MessageKey, Plural } from "./catalogue";

export type Params = Record<string, string | number>;

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * Messages of one catalogue shape: the guest pages' by default; the display board has its own small
 * one (web/src/board/messages.ts), so a TV loads none of the guest pages' text and they none of its.
 */
export class Translator<C extends { [k: string]: string | Plural } = Catalogue, K extends keyof C & string = keyof C & MessageKey> {
  private readonly plurals: Intl.PluralRules;
  private readonly numbers: Intl.NumberFormat;

  constructor(
    readonly locale: string,
    private readonly catalogue: C,
    private readonly fallback: C,
  ) {
    this.plurals = new Intl.PluralRules(locale);
    this.numbers = new Intl.NumberFormat(locale);
  }

  private template(key: K, params: Params): string {
    const m = (this.catalogue[key] ?? this.fallback[key]) as string | Plural;
    if (typeof m === "string") return m;
    const count = Number(params.count ?? 0);
    return m[this.plurals.select(count)] ?? m.other;
  }

  /** The message with its placeholders filled (numbers in the language's digits). */
  t(key: K, params: Params = {}): string {
    return this.parts(key, params).map((p) => (typeof p === "string" ? p : this.value(p.value))).join("");
  }

  /** The message split at its placeholders: strings, and { name, value } for each placeholder. */
  parts(key: K, params: Params = {}): (string | { name: string; value: string | number })[] {
    const text = this.template(key, params);
    const out: (string | { name: string; value: string | number })[] = [];
    let last = 0;
    for (const m of text.matchAll(PLACEHOLDER)) {
      if (m.index > last) out.push(text.slice(last, m.index));
      const name = m[1]!;
      out.push(name in params ? { name, value: params[name]! } : `{${name}}`);
      last = m.index + m[0].length;
    }
    if (last < text.length) out.push(text.slice(last));
    return out;
  }

  value(v: string | number): string {
    return typeof v === "number" ? this.numbers.format(v) : v;
  }
}

const ACCENTS: Record<string, string> = {
  a: "á", b: "ƀ", c: "ç", d: "đ", e: "é", f: "ƒ", g: "ĝ", h: "ĥ", i: "í", j: "ĵ", k: "ķ", l: "ĺ", m: "ɱ",
  n: "ñ", o: "ó", p: "þ", r: "ŕ", s: "š", t: "ţ", u: "ú", w: "ŵ", y: "ý", z: "ž",
  A: "Á", C: "Ç", D: "Đ", E: "É", G: "Ĝ", H: "Ĥ", I: "Í", L: "Ĺ", N: "Ñ", O: "Ó", S: "Š", T: "Ţ", U: "Ú", Y: "Ý", Z: "Ž",
};

function pseudoText(s: string): string {
  let out = "";
  let inPlaceholder = false;
  for (const ch of s) {
    if (ch === "{") inPlaceholder = true;
    out += inPlaceholder ? ch : (ACCENTS[ch] ?? ch);
    if (ch === "}") inPlaceholder = false;
  }
  // ~40% longer, like German or Finnish often are, and bracketed so a cut-off shows.
  const pad = "·".repeat(Math.ceil(s.length * 0.4));
  return `⟦${out}${pad ? ` ${pad}` : ""}⟧`;
}

/** The pseudo-locale's catalogue: every English message accented, lengthened and bracketed. */
export function pseudoCatalogue(source: Catalogue): Catalogue {
  const out: Record<string, string | Plural> = {};
  for (const [k, m] of Object.entries(source) as [MessageKey, string | Plural][]) {
    out[k] = typeof m === "string" ? pseudoText(m) : (Object.fromEntries(Object.entries(m).map(([form, text]) => [form, pseudoText(text)])) as Plural);
  }
  return out as Catalogue;
}
