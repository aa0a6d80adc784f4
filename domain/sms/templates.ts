// Per-location SMS templates: each message kind has an on/off switch and an editable text with
// placeholders. Unknown placeholders are refused when a template is saved.

export const TEMPLATE_KINDS = [
  "joined",
  "almost_up",
  "table_ready",
  "cancelled",
  "reservation_confirmation",
  "reservation_changed",
  "reservation_cancelled",
  "reservation_reminder",
  "feedback",
] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export const PLACEHOLDERS = ["name", "restaurant", "position", "wait", "link", "time"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export interface Template {
  enabled: boolean;
  body: string;
}

export type Templates = Record<TemplateKind, Template>;

export const DEFAULT_TEMPLATES: Templates = {
  joined: { enabled: true, body: "Hi {name}, you're on the list at {restaurant}. You're #{position}, about {wait} min. See your place in line: {link} Reply STOP to opt out." },
  almost_up: { enabled: true, body: "{name}, you're almost up at {restaurant} (#{position}). Please head back soon." },
  table_ready: { enabled: true, body: "{name}, your table at {restaurant} is ready! Please come to the host stand. Reply 1 if you're on your way, 9 to leave the line." },
  cancelled: { enabled: true, body: "{name}, your spot on the {restaurant} waitlist was cancelled. Questions? Reply to this text." },
  reservation_confirmation: { enabled: true, body: "{name}, your table at {restaurant} is booked for {time}. Manage it: {link}" },
  reservation_changed: { enabled: true, body: "{name}, your booking at {restaurant} has changed: it is now for {time}. Your manage link still works." },
  reservation_cancelled: { enabled: true, body: "{name}, your booking at {restaurant} for {time} is cancelled. You can book again from the restaurant's booking page." },
  reservation_reminder: { enabled: true, body: "{name}, a reminder of your table at {restaurant} at {time}. Reply 1 to confirm, 9 to cancel. {link}" },
  // Sent only where the location has feedback after the meal switched on (domain/feedback.ts).
  feedback: { enabled: true, body: "{name}, thank you for coming to {restaurant}! How was it? One tap to rate your visit: {link}" },
};

export const MAX_TEMPLATE_LENGTH = 640;

// The guest's link exists in clear only when the party or booking is created (it is stored hashed),
// so {link} is offered where the message is sent at that moment.
const LINK_KINDS: TemplateKind[] = ["joined", "reservation_confirmation", "reservation_reminder", "feedback"];

// {time} is the reservation's local date and time ("Sat 5 Dec, 19:30"); only bookings have one.
const TIME_KINDS: TemplateKind[] = ["reservation_confirmation", "reservation_changed", "reservation_cancelled", "reservation_reminder"];

export function allowedPlaceholders(kind: TemplateKind): Placeholder[] {
  return PLACEHOLDERS.filter((p) => (p !== "link" || LINK_KINDS.includes(kind)) && (p !== "time" || TIME_KINDS.includes(kind)));
}

/** Placeholders in `body` that this kind of message cannot fill, e.g. ["{table}"]. */
export function unknownPlaceholders(body: string, kind: TemplateKind): string[] {
  const allowed = allowedPlaceholders(kind) as string[];
  const found = body.match(/\{[^{}]*\}/g) ?? [];
  return found.filter((p) => !allowed.includes(p.slice(1, -1)));
}

export type TemplateValues = Partial<Record<Placeholder, string | number | null>>;

export function renderTemplate(body: string, values: TemplateValues): string {
  return body.replace(/\{(name|restaurant|position|wait|link|time)\}/g, (_m, key: Placeholder) => {
    const v = values[key];
    return v === null || v === undefined ? "" : String(v);
  });
}
