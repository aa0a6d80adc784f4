// The emails of feedback after the meal (issue 22): the guest's invitation to rate a booked visit,
// in every guest language, and the owner's alert on a low score (owner-facing, in English like the
// other account emails). Pure: the DO fills them in when its outbox hands them to the queue.
import type { EmailMessage } from "./outbound";
import type { GuestLanguage } from "./languages";

interface Catalogue {
  subject: string;
  greeting: string;
  lead: string;
  linkLabel: string;
}

export const FEEDBACK_EMAILS: Record<GuestLanguage, Catalogue> = {
  en: { subject: "How was your visit to {restaurant}?", greeting: "Hi {name},", lead: "Thank you for coming to {restaurant}. How was it? One tap tells us.", linkLabel: "Rate your visit" },
  es: { subject: "¿Qué tal tu visita a {restaurant}?", greeting: "Hola, {name}:", lead: "Gracias por visitar {restaurant}. ¿Qué tal fue? Cuéntanoslo con un toque.", linkLabel: "Valora tu visita" },
  fr: { subject: "Comment s’est passée votre visite chez {restaurant} ?", greeting: "Bonjour {name},", lead: "Merci de votre visite chez {restaurant}. Comment était-ce ? Dites-le-nous en un geste.", linkLabel: "Notez votre visite" },
  de: { subject: "Wie war Ihr Besuch bei {restaurant}?", greeting: "Hallo {name},", lead: "Danke für Ihren Besuch bei {restaurant}. Wie war es? Ein Tipp genügt.", linkLabel: "Besuch bewerten" },
  "pt-BR": { subject: "Como foi sua visita ao {restaurant}?", greeting: "Oi {name},", lead: "Obrigado por vir ao {restaurant}. Como foi? Conte para nós com um toque.", linkLabel: "Avalie sua visita" },
  it: { subject: "Com’è andata da {restaurant}?", greeting: "Ciao {name},", lead: "Grazie per essere stato da {restaurant}. Com’è andata? Basta un tocco.", linkLabel: "Valuta la tua visita" },
  "zh-Hans": { subject: "您在{restaurant}的用餐体验如何？", greeting: "{name}您好：", lead: "感谢您光临{restaurant}。用餐体验如何？轻点一下告诉我们。", linkLabel: "为本次用餐评分" },
};

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);
}

const fill = (s: string, v: Record<string, string>) => s.replace(/\{(\w+)\}/g, (m, k: string) => v[k] ?? m);

export function guestFeedbackEmail(to: string, language: GuestLanguage, v: { name: string; restaurant: string; link: string }): EmailMessage {
  const c = FEEDBACK_EMAILS[language];
  const greeting = fill(c.greeting, v);
  const lead = fill(c.lead, v);
  return {
    to,
    subject: fill(c.subject, v),
    text: [greeting, lead, `${c.linkLabel}: ${v.link}`, v.restaurant].join("\n\n"),
    html: `<p>${escapeHtml(greeting)}</p><p>${escapeHtml(lead)}</p><p><a href="${escapeHtml(v.link)}">${escapeHtml(c.linkLabel)}</a></p><p>${escapeHtml(v.restaurant)}</p>`,
  };
}

export function ownerLowScoreEmail(to: string, v: { restaurant: string; guest: string; rating: number; comment: string | null; insightsUrl: string }): EmailMessage {
  const lines = [
    `${v.guest} rated their visit to ${v.restaurant} ${v.rating} out of 5.`,
    v.comment ? `They wrote: “${v.comment}”` : "They left no comment (yet); a comment added later shows in Insights and on the host screen.",
  ];
  return {
    to,
    subject: `Low rating at ${v.restaurant}: ${v.rating}/5 from ${v.guest}`,
    text: [...lines, `See all feedback in Insights: ${v.insightsUrl}`, "— Seatline"].join("\n\n"),
    html: lines.map((l) => `<p>${escapeHtml(l)}</p>`).join("") + `<p><a href="${escapeHtml(v.insightsUrl)}">See all feedback in Insights</a></p><p>— Seatline</p>`,
  };
}
