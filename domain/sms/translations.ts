// Guest texts in the guest's language. English is DEFAULT_TEMPLATES; these are the same texts in the
// other guest languages, with the same placeholders. The keywords a guest replies with (1, 9, STOP)
// stay as they are: the inbound parser and the carriers read those. Owners may write their own text
// per language (SmsSettings.translations); templateFor picks the one a guest gets.
import type { GuestLanguage } from "../languages";
import { DEFAULT_TEMPLATES, type Template, type TemplateKind } from "./templates";

export type TranslatedBodies = Record<Exclude<GuestLanguage, "en">, Record<TemplateKind, string>>;

export const BUILT_IN_TRANSLATIONS: TranslatedBodies = {
  es: {
    joined: "Hola {name}, ya estás en la lista de {restaurant}. Eres el n.º {position}, unos {wait} min. Sigue tu turno: {link} Responde STOP para no recibir más SMS.",
    almost_up: "{name}, ya casi es tu turno en {restaurant} (n.º {position}). Vuelve pronto, por favor.",
    table_ready: "{name}, ¡tu mesa en {restaurant} está lista! Acércate a la entrada. Responde 1 si vas de camino, 9 para salir de la lista.",
    cancelled: "{name}, tu turno en la lista de {restaurant} se ha cancelado. ¿Dudas? Responde a este SMS.",
    reservation_confirmation: "{name}, tu mesa en {restaurant} está reservada para el {time}. Gestiónala: {link}",
    reservation_changed: "{name}, tu reserva en {restaurant} ha cambiado: ahora es para el {time}. Tu enlace para gestionarla sigue valiendo.",
    reservation_cancelled: "{name}, tu reserva en {restaurant} para el {time} está cancelada. Puedes volver a reservar en la página de reservas del restaurante.",
    reservation_reminder: "{name}, te recordamos tu mesa en {restaurant} el {time}. Responde 1 para confirmar, 9 para cancelar. {link}",
    feedback: "{name}, ¡gracias por visitar {restaurant}! ¿Qué tal fue? Valora tu visita con un toque: {link}",
  },
  fr: {
    joined: "Bonjour {name}, vous êtes sur la liste de {restaurant}. Vous êtes n° {position}, environ {wait} min. Suivez votre place : {link} Répondez STOP pour ne plus recevoir de SMS.",
    almost_up: "{name}, c’est bientôt à vous chez {restaurant} (n° {position}). Merci de revenir rapidement.",
    table_ready: "{name}, votre table chez {restaurant} est prête ! Présentez-vous à l’accueil. Répondez 1 si vous arrivez, 9 pour quitter la file.",
    cancelled: "{name}, votre place sur la liste de {restaurant} a été annulée. Une question ? Répondez à ce SMS.",
    reservation_confirmation: "{name}, votre table chez {restaurant} est réservée pour le {time}. Gérer la réservation : {link}",
    reservation_changed: "{name}, votre réservation chez {restaurant} a changé : elle est maintenant pour le {time}. Votre lien de gestion reste valable.",
    reservation_cancelled: "{name}, votre réservation chez {restaurant} pour le {time} est annulée. Vous pouvez réserver à nouveau sur la page de réservation du restaurant.",
    reservation_reminder: "{name}, rappel : votre table chez {restaurant} le {time}. Répondez 1 pour confirmer, 9 pour annuler. {link}",
    feedback: "{name}, merci de votre visite chez {restaurant} ! Comment était-ce ? Notez votre visite en un geste : {link}",
  },
  de: {
    joined: "Hallo {name}, Sie stehen bei {restaurant} auf der Warteliste: Nummer {position}, etwa {wait} Min. Ihr Platz: {link} Antworten Sie STOP, um keine SMS mehr zu erhalten.",
    almost_up: "{name}, bei {restaurant} sind Sie gleich dran (Nummer {position}). Bitte kommen Sie bald zurück.",
    table_ready: "{name}, Ihr Tisch bei {restaurant} ist bereit! Bitte kommen Sie zum Empfang. Antworten Sie 1, wenn Sie unterwegs sind, 9, um die Warteliste zu verlassen.",
    cancelled: "{name}, Ihr Platz auf der Warteliste von {restaurant} wurde storniert. Fragen? Antworten Sie auf diese SMS.",
    reservation_confirmation: "{name}, Ihr Tisch bei {restaurant} ist reserviert: {time}. Verwalten: {link}",
    reservation_changed: "{name}, Ihre Reservierung bei {restaurant} wurde geändert: jetzt {time}. Ihr Verwaltungslink gilt weiter.",
    reservation_cancelled: "{name}, Ihre Reservierung bei {restaurant} für {time} ist storniert. Sie können jederzeit über die Reservierungsseite des Restaurants neu buchen.",
    reservation_reminder: "{name}, zur Erinnerung: Ihr Tisch bei {restaurant} am {time}. Antworten Sie 1 zum Bestätigen, 9 zum Stornieren. {link}",
    feedback: "{name}, danke für Ihren Besuch bei {restaurant}! Wie war es? Bewerten Sie Ihren Besuch mit einem Tipp: {link}",
  },
  "pt-BR": {
    joined: "Oi {name}, você está na fila do {restaurant}. Você é o nº {position}, cerca de {wait} min. Acompanhe sua vez: {link} Responda STOP para não receber mais SMS.",
    almost_up: "{name}, está quase na sua vez no {restaurant} (nº {position}). Volte logo, por favor.",
    table_ready: "{name}, sua mesa no {restaurant} está pronta! Venha até a recepção. Responda 1 se estiver a caminho, 9 para sair da fila.",
    cancelled: "{name}, seu lugar na fila do {restaurant} foi cancelado. Dúvidas? Responda este SMS.",
    reservation_confirmation: "{name}, sua mesa no {restaurant} está reservada para {time}. Gerencie: {link}",
    reservation_changed: "{name}, sua reserva no {restaurant} mudou: agora é para {time}. Seu link para gerenciá-la continua valendo.",
    reservation_cancelled: "{name}, sua reserva no {restaurant} para {time} foi cancelada. Você pode reservar de novo na página de reservas do restaurante.",
    reservation_reminder: "{name}, lembrete da sua mesa no {restaurant} em {time}. Responda 1 para confirmar, 9 para cancelar. {link}",
    feedback: "{name}, obrigado por vir ao {restaurant}! Como foi? Avalie sua visita com um toque: {link}",
  },
  it: {
    joined: "Ciao {name}, sei in lista da {restaurant}. Sei il n. {position}, circa {wait} min. Segui il tuo turno: {link} Rispondi STOP per non ricevere più SMS.",
    almost_up: "{name}, tra poco tocca a te da {restaurant} (n. {position}). Torna presto, per favore.",
    table_ready: "{name}, il tuo tavolo da {restaurant} è pronto! Vieni all’accoglienza. Rispondi 1 se stai arrivando, 9 per lasciare la lista.",
    cancelled: "{name}, il tuo turno nella lista di {restaurant} è stato annullato. Domande? Rispondi a questo SMS.",
    reservation_confirmation: "{name}, il tuo tavolo da {restaurant} è prenotato per {time}. Gestisci la prenotazione: {link}",
    reservation_changed: "{name}, la tua prenotazione da {restaurant} è cambiata: ora è per {time}. Il tuo link per gestirla resta valido.",
    reservation_cancelled: "{name}, la tua prenotazione da {restaurant} per {time} è annullata. Puoi prenotare di nuovo dalla pagina delle prenotazioni del ristorante.",
    reservation_reminder: "{name}, ti ricordiamo il tavolo da {restaurant} per {time}. Rispondi 1 per confermare, 9 per annullare. {link}",
    feedback: "{name}, grazie per essere stato da {restaurant}! Com’è andata? Valuta la tua visita con un tocco: {link}",
  },
  "zh-Hans": {
    joined: "{name}您好，您已在{restaurant}排队，排在第 {position} 位，约需 {wait} 分钟。查看排队进度：{link} 回复 STOP 退订。",
    almost_up: "{name}，{restaurant}快轮到您了（第 {position} 位），请尽快回来。",
    table_ready: "{name}，您在{restaurant}的餐桌已准备好！请到前台。在路上请回复 1，离开队列请回复 9。",
    cancelled: "{name}，您在{restaurant}的排号已取消。如有疑问，请回复此短信。",
    reservation_confirmation: "{name}，您已预订{restaurant}的餐桌，时间：{time}。管理预订：{link}",
    reservation_changed: "{name}，您在{restaurant}的预订已更改，现为：{time}。原管理链接仍然有效。",
    reservation_cancelled: "{name}，您在{restaurant}的预订（{time}）已取消。您可以在餐厅的预订页面重新预订。",
    reservation_reminder: "{name}，提醒您在{restaurant}的预订：{time}。确认请回复 1，取消请回复 9。{link}",
    feedback: "{name}，感谢您光临{restaurant}！用餐体验如何？轻点一下为本次用餐评分：{link}",
  },
};

export type TemplateTranslations = Partial<Record<GuestLanguage, Partial<Record<TemplateKind, Template>>>>;

/**
 * The text a guest gets: the owner's own text in the guest's language; else, in the location's own
 * language, the location's templates as the owner edited them; else the built-in text in the guest's
 * language. The owner's on/off switch for a kind holds in every language.
 */
export function templateFor(
  templates: Record<TemplateKind, Template>,
  translations: TemplateTranslations,
  kind: TemplateKind,
  guestLanguage: GuestLanguage,
  locationLanguage: GuestLanguage,
): Template {
  const base = templates[kind];
  const own = translations[guestLanguage]?.[kind];
  if (own) return { enabled: base.enabled && own.enabled, body: own.body };
  const edited = base.body !== DEFAULT_TEMPLATES[kind].body;
  if (guestLanguage === locationLanguage && edited) return base;
  if (guestLanguage === "en") return edited && locationLanguage === "en" ? base : { enabled: base.enabled, body: DEFAULT_TEMPLATES[kind].body };
  return { enabled: base.enabled, body: BUILT_IN_TRANSLATIONS[guestLanguage][kind] };
}

/** A booking's date and time for a text, in the guest's language and the location's country and zone. */
export function whenForText(at: number, timeZone: string, language: GuestLanguage, country: string | null): string {
  let locale: string = language;
  try {
    if (country) locale = new Intl.Locale(language, { region: country }).toString();
  } catch {
    // an unknown region: the language alone
  }
  return new Intl.DateTimeFormat(locale, { timeZone, weekday: "short", day: "numeric", month: "short", hour: "numeric", minute: "2-digit" }).format(at);
}
