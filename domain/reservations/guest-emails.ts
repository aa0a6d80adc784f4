// The emails a guest gets about their booking (issue 21: confirmation, change and cancellation "by
// email when given"), in every guest language. Pure: the location's Durable Object fills them in when
// its outbox hands them to the outbound queue (durable-objects/guest-emails.ts), and the existing
// email sender sends them. The date and time come formatted for the guest's language and the
// location's country and zone (whenForText), never concatenated here.
import type { GuestLanguage } from "../languages";

export const BOOKING_EMAIL_KINDS = ["reservation_confirmation", "reservation_changed", "reservation_cancelled"] as const;
export type BookingEmailKind = (typeof BOOKING_EMAIL_KINDS)[number];

export interface BookingEmailValues {
  name: string;
  restaurant: string;
  /** The booking's date and time, already formatted for the guest. */
  time: string;
  partySize: number;
  /** The guest's manage link (the cancelled page offers booking again). */
  link: string;
}

interface Catalogue {
  subject: Record<BookingEmailKind, string>;
  lead: Record<BookingEmailKind, string>;
  /** The booking in one line; {size} is a number, so no plural form is needed. */
  summary: string;
  linkLabel: Record<BookingEmailKind, string>;
  greeting: string;
}

export const BOOKING_EMAILS: Record<GuestLanguage, Catalogue> = {
  en: {
    subject: { reservation_confirmation: "Your table at {restaurant} is booked", reservation_changed: "Your booking at {restaurant} has changed", reservation_cancelled: "Your booking at {restaurant} is cancelled" },
    lead: {
      reservation_confirmation: "Your table at {restaurant} is booked.",
      reservation_changed: "Your booking at {restaurant} has changed. Here it is as it stands now.",
      reservation_cancelled: "Your booking at {restaurant} is cancelled. We hope to see you another time.",
    },
    summary: "{time} · party of {size}",
    linkLabel: { reservation_confirmation: "Change or cancel your booking", reservation_changed: "Change or cancel your booking", reservation_cancelled: "Book again" },
    greeting: "Hi {name},",
  },
  es: {
    subject: { reservation_confirmation: "Tu mesa en {restaurant} está reservada", reservation_changed: "Tu reserva en {restaurant} ha cambiado", reservation_cancelled: "Tu reserva en {restaurant} está cancelada" },
    lead: {
      reservation_confirmation: "Tu mesa en {restaurant} está reservada.",
      reservation_changed: "Tu reserva en {restaurant} ha cambiado. Así queda ahora.",
      reservation_cancelled: "Tu reserva en {restaurant} está cancelada. Esperamos verte en otra ocasión.",
    },
    summary: "{time} · grupo de {size}",
    linkLabel: { reservation_confirmation: "Cambiar o cancelar la reserva", reservation_changed: "Cambiar o cancelar la reserva", reservation_cancelled: "Reservar de nuevo" },
    greeting: "Hola, {name}:",
  },
  fr: {
    subject: { reservation_confirmation: "Votre table chez {restaurant} est réservée", reservation_changed: "Votre réservation chez {restaurant} a changé", reservation_cancelled: "Votre réservation chez {restaurant} est annulée" },
    lead: {
      reservation_confirmation: "Votre table chez {restaurant} est réservée.",
      reservation_changed: "Votre réservation chez {restaurant} a changé. La voici telle qu’elle est maintenant.",
      reservation_cancelled: "Votre réservation chez {restaurant} est annulée. Au plaisir de vous accueillir une autre fois.",
    },
    summary: "{time} · table pour {size}",
    linkLabel: { reservation_confirmation: "Modifier ou annuler la réservation", reservation_changed: "Modifier ou annuler la réservation", reservation_cancelled: "Réserver à nouveau" },
    greeting: "Bonjour {name},",
  },
  de: {
    subject: { reservation_confirmation: "Ihr Tisch bei {restaurant} ist reserviert", reservation_changed: "Ihre Reservierung bei {restaurant} wurde geändert", reservation_cancelled: "Ihre Reservierung bei {restaurant} ist storniert" },
    lead: {
      reservation_confirmation: "Ihr Tisch bei {restaurant} ist reserviert.",
      reservation_changed: "Ihre Reservierung bei {restaurant} wurde geändert. So sieht sie jetzt aus.",
      reservation_cancelled: "Ihre Reservierung bei {restaurant} ist storniert. Wir freuen uns auf ein anderes Mal.",
    },
    summary: "{time} · Tisch für {size}",
    linkLabel: { reservation_confirmation: "Reservierung ändern oder stornieren", reservation_changed: "Reservierung ändern oder stornieren", reservation_cancelled: "Neu reservieren" },
    greeting: "Hallo {name},",
  },
  "pt-BR": {
    subject: { reservation_confirmation: "Sua mesa no {restaurant} está reservada", reservation_changed: "Sua reserva no {restaurant} mudou", reservation_cancelled: "Sua reserva no {restaurant} foi cancelada" },
    lead: {
      reservation_confirmation: "Sua mesa no {restaurant} está reservada.",
      reservation_changed: "Sua reserva no {restaurant} mudou. Veja como ela ficou.",
      reservation_cancelled: "Sua reserva no {restaurant} foi cancelada. Esperamos ver você outra vez.",
    },
    summary: "{time} · mesa para {size}",
    linkLabel: { reservation_confirmation: "Alterar ou cancelar a reserva", reservation_changed: "Alterar ou cancelar a reserva", reservation_cancelled: "Reservar de novo" },
    greeting: "Oi, {name},",
  },
  it: {
    subject: { reservation_confirmation: "Il tuo tavolo da {restaurant} è prenotato", reservation_changed: "La tua prenotazione da {restaurant} è cambiata", reservation_cancelled: "La tua prenotazione da {restaurant} è annullata" },
    lead: {
      reservation_confirmation: "Il tuo tavolo da {restaurant} è prenotato.",
      reservation_changed: "La tua prenotazione da {restaurant} è cambiata. Eccola com’è ora.",
      reservation_cancelled: "La tua prenotazione da {restaurant} è annullata. Speriamo di vederti un’altra volta.",
    },
    summary: "{time} · tavolo per {size}",
    linkLabel: { reservation_confirmation: "Modifica o annulla la prenotazione", reservation_changed: "Modifica o annulla la prenotazione", reservation_cancelled: "Prenota di nuovo" },
    greeting: "Ciao {name},",
  },
  "zh-Hans": {
    subject: { reservation_confirmation: "您已预订{restaurant}的餐桌", reservation_changed: "您在{restaurant}的预订已更改", reservation_cancelled: "您在{restaurant}的预订已取消" },
    lead: {
      reservation_confirmation: "您已成功预订{restaurant}的餐桌。",
      reservation_changed: "您在{restaurant}的预订已更改，以下是最新信息。",
      reservation_cancelled: "您在{restaurant}的预订已取消，期待下次光临。",
    },
    summary: "{time} · {size} 位",
    linkLabel: { reservation_confirmation: "更改或取消预订", reservation_changed: "更改或取消预订", reservation_cancelled: "重新预订" },
    greeting: "{name}，您好：",
  },
};

function fill(s: string, v: Record<string, string | number>): string {
  return s.replace(/\{(\w+)\}/g, (m, k: string) => (k in v ? String(v[k]) : m));
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);
}

/** Subject, plain text and HTML of one booking email, in the guest's language. */
export function bookingEmail(kind: BookingEmailKind, language: GuestLanguage, v: BookingEmailValues): { subject: string; text: string; html: string } {
  const c = BOOKING_EMAILS[language] ?? BOOKING_EMAILS.en;
  const values = { name: v.name, restaurant: v.restaurant, time: v.time, size: v.partySize };
  const greeting = fill(c.greeting, values);
  const lead = fill(c.lead[kind], values);
  const summary = fill(c.summary, values);
  const label = c.linkLabel[kind];
  const text = [greeting, lead, summary, `${label}: ${v.link}`, `— ${v.restaurant}`].join("\n\n");
  const html =
    `<p>${escapeHtml(greeting)}</p><p>${escapeHtml(lead)}</p><p><strong>${escapeHtml(summary)}</strong></p>` +
    `<p><a href="${escapeHtml(v.link)}">${escapeHtml(label)}</a></p><p>— ${escapeHtml(v.restaurant)}</p>`;
  return { subject: fill(c.subject[kind], values), text, html };
}
