// Texts to guests: the location's SMS settings (templates, "almost up" position, provider) and the
// SMS outbox (`sms_outbox`). A text is written with the change that caused it and carried to D1
// and the queue by the alarm (waitlist/outbox.ts), so it is never lost and never sent without it.
import type { MessageView } from "../../domain/sms/message-view";
import { DEFAULT_TEMPLATES, renderTemplate, type Template, type TemplateKind, type TemplateValues } from "../../domain/sms/templates";
import type { SmsSettings } from "../../domain/waitlist/protocol";
import type { LiveHub } from "../live/hub";
import type { Meta } from "../storage/meta";

export interface Recipient {
  id: string;
  name: string;
  phone: string | null;
  smsConsent: boolean;
}

export type SmsSettingsPatch = { almostUpPosition?: number; primaryProvider?: SmsSettings["primaryProvider"]; templates?: Partial<Record<TemplateKind, Partial<Template>>> };

export class Texts {
  constructor(
    private readonly sql: SqlStorage,
    private readonly meta: Meta,
    private readonly hub: LiveHub,
    private readonly defaultProvider: SmsSettings["primaryProvider"],
    private readonly restaurantName: () => string,
    private readonly wake: (at: number) => void,
  ) {}

  settings(): SmsSettings {
    const saved = this.meta.json<Partial<SmsSettings>>("sms") ?? {};
    return {
      almostUpPosition: saved.almostUpPosition ?? 3,
      primaryProvider: saved.primaryProvider ?? this.defaultProvider,
      templates: { ...DEFAULT_TEMPLATES, ...saved.templates },
    };
  }

  updateSettings(patch: SmsSettingsPatch): SmsSettings {
    const current = this.settings();
    const templates = { ...current.templates };
    for (const [kind, t] of Object.entries(patch.templates ?? {}) as [TemplateKind, Partial<Template>][]) {
      templates[kind] = { ...templates[kind], ...stripUndefined(t) };
    }
    const next: SmsSettings = {
      almostUpPosition: patch.almostUpPosition ?? current.almostUpPosition,
      primaryProvider: patch.primaryProvider ?? current.primaryProvider,
      templates,
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
      const template = this.settings().templates[kind];
      if (!template.enabled) return null;
      body = renderTemplate(template.body, { name: to.name, restaurant: this.restaurantName(), ...(values as TemplateValues) });
    }
    const id = crypto.randomUUID();
    this.sql.exec("INSERT INTO sms_outbox (id, party_id, kind, to_phone, body, created_at) VALUES (?, ?, ?, ?, ?, ?)", id, to.id, kind, to.phone, body, at);
    this.wake(at);
    const message: MessageView = { id, partyId: to.id, direction: "outbound", kind, body, status: "queued", provider: null, errorCode: null, errorMessage: null, createdAt: at, updatedAt: at };
    this.hub.emit({ event: "message.updated", message });
    return id;
  }
}

export function stripUndefined<T extends object>(o: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}
