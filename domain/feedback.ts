// Feedback after the meal (issue 22): a text (and, for bookings, an email) some minutes after a party
// is seated, with a link to a one-tap 1–5 rating page and an optional comment. Pure: the settings,
// what counts as a low score, the resource as hosts, REST and webhooks see it, and the Insights
// summary. The location's DO schedules, sends and records (durable-objects/feedback/).
import type { GuestLanguage } from "./languages";

export interface FeedbackSettings {
  /** Whether seated parties and bookings are asked for feedback at all (off by default). */
  enabled: boolean;
  /** Minutes after seating the text goes out (0: with the next alarm, within seconds). */
  delayMinutes: number;
  /** A rating at or below this alerts the host screens and the owner (1–5; default 2). */
  alertAtOrBelow: number;
}

export const DEFAULT_FEEDBACK_SETTINGS: FeedbackSettings = { enabled: false, delayMinutes: 60, alertAtOrBelow: 2 };

/**
 * The longest delay: a closed party stays in the DO (with its phone number) for a day after it
 * closes (GUEST_TOKEN_GRACE_MS), and the text must go out while it is there.
 */
export const MAX_FEEDBACK_DELAY_MINUTES = 12 * 60;
export const MAX_FEEDBACK_COMMENT = 1000;
/** A guest may answer, and change the answer, this long after the text was sent; then the link is gone (410). */
export const FEEDBACK_ANSWER_WINDOW_MS = 7 * 24 * 3600_000;
/** Most comments an Insights answer lists (newest first); the counts cover every answer. */
export const FEEDBACK_COMMENTS_LIMIT = 100;

export const FEEDBACK_STATUSES = ["scheduled", "sent", "answered", "cancelled"] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export const RATINGS = [1, 2, 3, 4, 5] as const;

export function isLow(rating: number, settings: Pick<FeedbackSettings, "alertAtOrBelow">): boolean {
  return rating <= settings.alertAtOrBelow;
}

/** One answer as host sockets carry it (epoch ms); REST and webhooks take restFeedback's ISO form. */
export interface FeedbackView {
  id: string;
  /** The waitlist party that was asked, or null for a booking. */
  partyId: string | null;
  /** The booking that was asked, or null for a walk-in. */
  reservationId: string | null;
  name: string;
  partySize: number;
  rating: number;
  comment: string | null;
  /** At or below the location's alert threshold when it was given. */
  low: boolean;
  sentAt: number;
  /** When the guest first answered. */
  answeredAt: number;
  /** When the answer last changed (a second submit changes it). */
  updatedAt: number;
}

/** What the guest's page reads: their name and their answer so far. */
export interface GuestFeedback {
  name: string;
  /** The guest's language (chosen at check-in or booking), else the location's: the page opens in it. */
  language: GuestLanguage;
  rating: number | null;
  comment: string | null;
  answeredAt: number | null;
}

export type FeedbackRest = Omit<FeedbackView, "sentAt" | "answeredAt" | "updatedAt"> & { sentAt: string; answeredAt: string; updatedAt: string };

export function restFeedback(f: FeedbackView): FeedbackRest {
  const iso = (ms: number) => new Date(ms).toISOString();
  return { ...f, sentAt: iso(f.sentAt), answeredAt: iso(f.answeredAt), updatedAt: iso(f.updatedAt) };
}

export interface FeedbackSummary {
  responses: number;
  /** Mean rating to two decimals, null with no answers. */
  averageRating: number | null;
  /** How many answers gave each rating, 1 to 5. */
  distribution: { rating: number; count: number }[];
  low: number;
  /** The answers with a comment, newest first, at most FEEDBACK_COMMENTS_LIMIT. */
  comments: { id: string; locationId: string; rating: number; comment: string; answeredAt: number }[];
}

/** What one location's DO reports for a range: counts per rating, the low ones, its comments. */
export interface FeedbackPart {
  counts: number[];
  low: number;
  comments: FeedbackSummary["comments"];
}

export function emptyPart(): FeedbackPart {
  return { counts: [0, 0, 0, 0, 0], low: 0, comments: [] };
}

/** Merges the locations' parts into the Insights answer. */
export function summarize(parts: FeedbackPart[]): FeedbackSummary {
  const counts = [0, 0, 0, 0, 0];
  let low = 0;
  const comments: FeedbackSummary["comments"] = [];
  for (const p of parts) {
    p.counts.forEach((n, i) => (counts[i]! += n));
    low += p.low;
    comments.push(...p.comments);
  }
  const responses = counts.reduce((s, n) => s + n, 0);
  const total = counts.reduce((s, n, i) => s + n * (i + 1), 0);
  comments.sort((a, b) => b.answeredAt - a.answeredAt || (a.id < b.id ? -1 : 1));
  return {
    responses,
    averageRating: responses === 0 ? null : Math.round((total / responses) * 100) / 100,
    distribution: RATINGS.map((rating) => ({ rating, count: counts[rating - 1]! })),
    low,
    comments: comments.slice(0, FEEDBACK_COMMENTS_LIMIT),
  };
}
