// Texts to guests: the location's SMS settings (templates, "almost up" position, provider) and the
// SMS outbox (`sms_outbox`). A text is written with the change that caused it and carried to D1
// and the queue by the alarm (waitlist/outbox.ts), so it is never lost and never sent without it.
import type { GuestLanguage } from "../../domain/languages";
import { countryForCallingCode } from "../../domain/phone";
import type { MessageView } from "../../domain/sms/message-view";
import { templateFor, whenForText } from "../../domain/sms/translations";
import { DEFAULT_TEMPLATES, renderTemplate, type Template, type TemplateKind, type TemplateValues } from "../../domain/sms/templates";
import { DEFAULT_ALMOST_UP_POSITION } from "../../domain/waitlist/on-my-way";
import type { SmsSettings } from "../../domain/waitlist/protocol";
import type { LiveHub } from "../live/hub";
import type { Meta } from "../storage/meta";
import { guestLanguageOf, setGuestLanguage } from "../guest-languages";

export interface Recipient {
  id: string;
  name: string;
  phone: string | null;
  smsConsent: boolean;
}

export type SmsSettingsPatch = {
  almostUpPosition?: number;
  primaryProvider?: SmsSettings["primaryProvider"];
  templates?: Partial<Record<TemplateKind, Partial<Template>>>;
  /** Per language and kind: a text replaces the owner's own one, null removes it (the built-in returns). */
  translations?: Partial<Record<GuestLanguage, Partial<Record<TemplateKind, { enabled?: boolean; body: string } | null>>>>;
};

/** The location's own language and phone country (waitlist settings), for texts in a guest's language. */
export type TextLocale = () => { language: GuestLanguage; phoneCountryCode: string };

export class Texts {
  constructor(
    private readonly sql: SqlStorage,
    private readonly meta: Meta,
    private readonly hub: LiveHub,
    private readonly defaultProvider: SmsSettings["primaryProvider"],
    private readonly restaurantName: () => string,
    private readonly wake: (at: number) => void,
    private readonly locale: TextLocale = () => ({ language: "en", phoneCountryCode: "1" }),
  ) {}

  /** The language a guest chose at check-in or booking: all their texts follow it. */
  remember(ref: string, language: GuestLanguage | undefined) {
    if (language) setGuestLanguage(this.sql, ref, language);
  }

  /** A booking's time for a text in the guest's chosen language and the location's country, or null if they chose none. */
  when(at: number, timeZone: string, ref: string): string | null {
    const language = guestLanguageOf(this.sql, ref);
    return language ? whenForText(at, timeZone, language, countryForCallingCode(this.locale().phoneCountryCode)) : null;
  }

  settings(): SmsSettings {
    const saved = this.meta.json<Partial<SmsSettings>>("sms") ?? {};
    return {
      almostUpPosition: saved.almostUpPosition ?? DEFAULT_ALMOST_UP_POSITION,
      primaryProvider: saved.primaryProvider ?? this.defaultProvider,
      templates: { ...DEFAULT_TEMPLATES, ...saved.templates },
      translations: saved.translations ?? {},
    };
  }

  updateSettings(patch: SmsSettingsPatch): SmsSettings {
    const current = this.settings();
    const templates = { ...current.templates };
    for (const [kind, t] of Object.entries(patch.templates ?? {}) as [TemplateKind, Partial<Template>][]) {
      templates[kind] = { ...templates[kind], ...stripUndefined(t) };
    }
    const translations = structuredClone(current.translations ?? {});
    for (const [lang, kinds] of Object.entries(patch.translations ?? {}) as [GuestLanguage, Partial<Record<TemplateKind, { enabled?: boolean; body: string } | null>>][]) {
      const own = { ...translations[lang] };
      for (const [kind, t] of Object.entries(kinds) as [TemplateKind, { enabled?: boolean; body: string } | null][]) {
        if (t === null) delete own[kind];
        else own[kind] = { enabled: t.enabled ?? own[kind]?.enabled ?? true, body: t.body };
      }
      if (Object.keys(own).length) translations[lang] = own;
      else delete translations[lang];
    }
    const next: SmsSettings = {
      almostUpPosition: patch.almostUpPosition ?? current.almostUpPosition,
      primaryProvider: patch.primaryProvider ?? current.primaryProvider,
      templates,
      translations,
    };
    this.meta.setJson("sms", next);
    return next;
  }

  /**
   * Queues a text, only with a phone number and the guest's consent, and only when its template is
   * enabled (a host's own text has no template). Returns the message id, or null when nothing is sent.
   */
  queue(to: Recipient, kind: TemplateKind | "custom", values: TemplateValues | { body: string }, at: number): string | null {
    if (!to.phone || !to.smsConsent) return null;
    let body: string;
    if (kind === "custom") body = (values as { body: string }).body;
    else {
      const sms = this.settings();
      const own = this.locale().language;
      const template = templateFor(sms.templates, sms.translations ?? {}, kind, guestLanguageOf(this.sql, to.id) ?? own, own);
      if (!template.enabled) return null;
      body = renderTemplate(template.body, { name: to.name, restaurant: this.restaurantName(), ...(values as TemplateValues) });
    }
    const id = crypto.randomUUID();
    this.sql.exec("INSERT INTO sms_outbox (id, party_id, kind, to_phone, body, created_at) VALUES (?, ?, ?, ?, ?, ?)", id, to.id, kind, to.phone, body, at);
    this.wake(at);
    const message: MessageView = { id, partyId: to.id, direction: "outbound", kind, body, status: "queued", provider: null, errorCode: null, errorMessage: null, createdAt: at, updatedAt: at };
    // Queued, not yet with a provider: the webhooks' "message.sent" waits for the provider's word.
    this.hub.emit({ event: "message.status_changed", message });
    return id;
  }
}

export function stripUndefined<T extends object>(o: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}
