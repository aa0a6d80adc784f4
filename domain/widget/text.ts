// The embeddable widget's words (issue 22), in every guest language, kept here rather than in the
// guest pages' catalogues because the widget is its own small script: it takes only these. The
// location's language picks the set; "{n}" and "{name}" are filled in by the widget.
import type { GuestLanguage } from "../languages";

export interface WidgetText {
  /** The widget's accessible name (and the frame page's title). */
  region: string;
  open: string;
  closed: string;
  full: string;
  /** The current wait, in minutes. */
  wait: string;
  noWait: string;
  partySize: string;
  forSize: string;
  join: string;
  book: string;
  unavailable: string;
}

export const WIDGET_TEXT: Record<GuestLanguage, WidgetText> = {
  en: {
    region: "Live wait at {name}",
    open: "Open now",
    closed: "The waitlist is closed",
    full: "The waitlist is full right now",
    wait: "About {n} min",
    noWait: "No wait",
    partySize: "Party size",
    forSize: "Wait for {n}",
    join: "Join the line",
    book: "Book a table",
    unavailable: "The live wait is not available right now.",
  },
  es: {
    region: "Espera en directo en {name}",
    open: "Abierto ahora",
    closed: "La lista de espera está cerrada",
    full: "La lista de espera está llena",
    wait: "Unos {n} min",
    noWait: "Sin espera",
    partySize: "Personas",
    forSize: "Espera para {n}",
    join: "Apuntarse a la lista",
    book: "Reservar mesa",
    unavailable: "La espera en directo no está disponible ahora.",
  },
  fr: {
    region: "Attente en direct chez {name}",
    open: "Ouvert",
    closed: "La liste d'attente est fermée",
    full: "La liste d'attente est complète",
    wait: "Environ {n} min",
    noWait: "Pas d'attente",
    partySize: "Personnes",
    forSize: "Attente pour {n}",
    join: "Rejoindre la file",
    book: "Réserver une table",
    unavailable: "L'attente en direct n'est pas disponible pour le moment.",
  },
  de: {
    region: "Aktuelle Wartezeit bei {name}",
    open: "Jetzt geöffnet",
    closed: "Die Warteliste ist geschlossen",
    full: "Die Warteliste ist gerade voll",
    wait: "Etwa {n} Min.",
    noWait: "Keine Wartezeit",
    partySize: "Personen",
    forSize: "Wartezeit für {n}",
    join: "In die Warteliste",
    book: "Tisch reservieren",
    unavailable: "Die aktuelle Wartezeit ist gerade nicht verfügbar.",
  },
  "pt-BR": {
    region: "Espera ao vivo em {name}",
    open: "Aberto agora",
    closed: "A lista de espera está fechada",
    full: "A lista de espera está cheia",
    wait: "Cerca de {n} min",
    noWait: "Sem espera",
    partySize: "Pessoas",
    forSize: "Espera para {n}",
    join: "Entrar na fila",
    book: "Reservar mesa",
    unavailable: "A espera ao vivo não está disponível agora.",
  },
  it: {
    region: "Attesa in tempo reale da {name}",
    open: "Aperto ora",
    closed: "La lista d'attesa è chiusa",
    full: "La lista d'attesa è piena",
    wait: "Circa {n} min",
    noWait: "Nessuna attesa",
    partySize: "Persone",
    forSize: "Attesa per {n}",
    join: "Mettiti in lista",
    book: "Prenota un tavolo",
    unavailable: "L'attesa in tempo reale non è disponibile ora.",
  },
  "zh-Hans": {
    region: "{name} 实时等位",
    open: "正在营业",
    closed: "候位已关闭",
    full: "候位已满",
    wait: "约 {n} 分钟",
    noWait: "无需等位",
    partySize: "人数",
    forSize: "{n} 位的等候时间",
    join: "加入候位",
    book: "预订餐桌",
    unavailable: "暂时无法显示实时等位。",
  },
};
