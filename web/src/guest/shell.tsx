// What every guest page shares: the header with the language switcher, the place's formats, error
// messages from the catalogue (never the API's English), rich messages and the "this didn't work" card.
import type { ComponentChildren, VNode } from "preact";
import { useEffect, useMemo } from "preact/hooks";
import { ApiError } from "../shared/api";
import { Icon } from "../shared/icons";
import type { MessageKey } from "./i18n/catalogue";
import { LanguageSwitcher, useI18n } from "./i18n/context";
import { Formats } from "./i18n/format";
import type { Params, Translator } from "./i18n/translate";
import type { GuestLocale } from "../shared/types";

/** The page's header: the location's own logo when it has one (served from our origin), else ours. */
export function GuestHeader({ name, icon = "logo", logoUrl, children }: { name: string; icon?: "logo" | "calendar"; logoUrl?: string | null; children?: ComponentChildren }) {
  return (
    <header>
      {logoUrl ? <img class="brand-logo" src={logoUrl} alt="" height={40} data-testid="brand-logo" /> : <Icon name={icon} width={28} height={28} />}
      <span class="name">{name}</span>
      <span class="spacer" />
      {children}
      <LanguageSwitcher />
    </header>
  );
}

/** The place's formats in the page's language; the location's default language applies until the guest picks one. */
export function usePlace(locale: GuestLocale | null | undefined): Formats | null {
  const { lang, setDefault } = useI18n();
  useEffect(() => {
    if (locale) setDefault(locale.language);
  }, [locale?.language]);
  // The location's accent colour (the server checked that white text on it reads at 4.5:1). Set
  // through the CSSOM, which the pages' style-src 'self' allows, unlike a style attribute in markup.
  useEffect(() => {
    const root = document.documentElement.style;
    if (locale?.accentColor) root.setProperty("--primary", locale.accentColor);
    else root.removeProperty("--primary");
  }, [locale?.accentColor]);
  return useMemo(() => (locale ? new Formats(lang, locale.country, locale.timeZone) : null), [lang, locale?.country, locale?.timeZone]);
}

export function useTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} · Seatline` : "Seatline";
  }, [title]);
}

const CODES: Record<string, MessageKey> = {
  network: "common.errorNetwork",
  rate_limited: "common.errorRateLimited",
  waitlist_closed: "join.closedNow",
  waitlist_full: "join.fullNow",
  slot_unavailable: "book.slotTaken",
  invalid_transition: "manage.tooLate",
  plan_limit: "book.unavailableBody",
};

/** Field messages by the path the request spelt, in the page's language. */
export function fieldMessages(tr: Translator, err: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(err instanceof ApiError)) return out;
  for (const d of err.details) {
    if (!d.path || out[d.path]) continue;
    if (d.path === "phone") out.phone = tr.t(d.code === "not_mobile" ? "form.phoneNotMobile" : "form.phoneInvalid");
    else if (d.path === "name") out.name = tr.t("form.nameMissing");
    else if (d.path === "email") out.email = tr.t("form.emailInvalid");
  }
  return out;
}

/** The alert for a failed request: the field's own message when there is one, else the code's. */
export function errorMessage(tr: Translator, err: unknown): string {
  if (!(err instanceof ApiError)) return tr.t("common.errorGeneric");
  const fields = Object.values(fieldMessages(tr, err));
  if (fields[0]) return fields[0];
  const key = CODES[err.code];
  return tr.t(key ?? "common.errorGeneric");
}

/** A translated sentence with some placeholders rendered as elements (a big number, a bold wait). */
export function Rich({ k, params, render }: { k: MessageKey; params: Params; render: Record<string, (text: string) => VNode> }) {
  const { tr } = useI18n();
  return (
    <>
      {tr.parts(k, params).map((p) => (typeof p === "string" ? p : render[p.name] ? render[p.name]!(tr.value(p.value)) : tr.value(p.value)))}
    </>
  );
}

/** A dead end turned into a page that says what happened and what to do next. */
export function Notice({ state, icon, title, body, children }: { state: string; icon: "x" | "clock" | "door" | "calendar"; title: string; body: string; children?: ComponentChildren }) {
  return (
    <main class="guest">
      <header>
        <Icon name="logo" width={28} height={28} />
        <span class="name">Seatline</span>
        <span class="spacer" />
        <LanguageSwitcher />
      </header>
      <section class="card hero ended" data-state={state}>
        <Icon name={icon} class="state-icon" />
        <h1>{title}</h1>
        <p>{body}</p>
        {children}
      </section>
    </main>
  );
}

export function Loading({ text }: { text: string }) {
  return (
    <main class="guest" aria-busy="true">
      <p class="row">
        <span class="spinner" /> {text}
      </p>
    </main>
  );
}
