// The languages guest pages and guest texts ship in (BCP 47). A location picks its default among
// them; web/src/guest/i18n has one catalogue per entry. Pure, so the Worker, the DO and web/ share it.
export const GUEST_LANGUAGES = ["en", "es", "fr", "de", "pt-BR", "it", "zh-Hans"] as const;
export type GuestLanguage = (typeof GUEST_LANGUAGES)[number];
