// The shape every language's catalogue has: exactly English's keys, a plural message where English
// has one (with at least `other`). Typing the catalogues against this is the missing-key check: a
// language without a key, or with a key English does not have, fails `npm run typecheck`.
import type { en } from "./en";

export type MessageKey = keyof typeof en;
export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Catalogue = { [K in MessageKey]: (typeof en)[K] extends string ? string : Plural };
export type PluralKey = { [K in MessageKey]: (typeof en)[K] extends string ? never : K }[MessageKey];
