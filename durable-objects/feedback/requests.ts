// Feedback after the meal (issue 22), in the location's DO: a seated party or booking gets one
// feedback row and one entry in the one alarm's schedule (kind "feedback"), both in the same SQLite
// turn as the seating; an Undo (Restore) before it is due cancels both. When it is due the alarm
// re-checks the party is still seated, then queues the text through the SMS outbox (so opt-outs
// and the SMS allowance apply at send time, like any text) and, for a booking with an address, an
// email — in the same turn that marks the row sent, so a repeated alarm or an eviction sends nothing
// twice. The guest answers by an unguessable link (its SHA-256 stored); a low answer is an event to
// the host screens, a webhook event, and an email to the owner(s) carried by the alarm's flush.
import { DEFAULT_FEEDBACK_SETTINGS, FEEDBACK_ANSWER_WINDOW_MS, isLow, MAX_FEEDBACK_COMMENT, MAX_FEEDBACK_DELAY_MINUTES, emptyPart, type FeedbackPart, type FeedbackSettings, type FeedbackStatus, type FeedbackView, type GuestFeedback } from "../../domain/feedback";
import { guestFeedbackEmail, ownerLowScoreEmail } from "../../domain/feedback-emails";
import type { GuestLanguage } from "../../domain/languages";
import type { OutboundMessage } from "../../domain/outbound";
import type { CustomerDataScope } from "../../domain/customer-data";
import { localDayBounds } from "../../domain/insights/local-time";
import type { HostServerMessage, LocationRef } from "../../domain/waitlist/protocol";
import type { Party } from "../../domain/waitlist/model";
import type { Reservation } from "../../domain/reservations/model";
import { sha256Hex } from "../../lib/crypto";
import type { DoResult } from "../../domain/waitlist/protocol";
import { fail, ok } from "../results";
import { guestLanguageOf } from "../guest-languages";
import type { LiveHub } from "../live/hub";
import type { Meta } from "../storage/meta";
import type { Texts } from "../sms/texts";
import type { WebhookOutbox } from "../webhooks/outbox";

/** Its own table, created where missing (storage/migrations.ts, like webhook_outbox), so it needs no schema version step. */
export const FEEDBACK_SCHEMA = `
  CREATE TABLE IF NOT EXISTS feedback (
    id TEXT PRIMARY KEY, ref TEXT NOT NULL UNIQUE, ref_kind TEXT NOT NULL, name TEXT NOT NULL, party_size INTEGER NOT NULL,
    status TEXT NOT NULL, token_hash TEXT UNIQUE, created_at INTEGER NOT NULL, due_at INTEGER NOT NULL, sent_at INTEGER,
    rating INTEGER, comment TEXT, low INTEGER NOT NULL DEFAULT 0, answered_at INTEGER, updated_at INTEGER NOT NULL,
    email TEXT, email_pending INTEGER NOT NULL DEFAULT 0, owner_alert INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX IF NOT EXISTS feedback_answered ON feedback (answered_at);
`;

const KIND = "feedback";
const SETTINGS_KEY = "feedback_settings";
/** owner_alert: none yet, waiting for the flush, handed to the queue. */
const ALERT = { none: 0, pending: 1, queued: 2 } as const;

type Row = Record<string, SqlStorageValue>;

export type FeedbackSettingsPatch = Partial<FeedbackSettings>;


export interface FeedbackDeps {
  sql: SqlStorage;
  meta: Meta;
  hub: LiveHub;
  texts: Texts;
  webhooks: WebhookOutbox;
  readParty: (id: string) => Party | null;
  readReservation: (id: string) => Reservation | null;
  /** The guest's link for a feedback id (derived, never stored in clear). */
  link: (id: string) => Promise<{ token: string; url: string }>;
  restaurantName: () => string;
  /** The location's own guest language (waitlist settings), for a guest who chose none. */
  language: () => GuestLanguage;
  /** The app's origin, for the owner's link to Insights. */
  appUrl: () => string;
  wake: (at: number) => void;
}

/** Whether a guest can be texted at all (the opt-out ledger is checked again at send time). */
const textable = (g: { phone: string | null; smsConsent: boolean }) => !!g.phone && g.smsConsent;

export class Feedback {
  constructor(private readonly d: FeedbackDeps) {}

  get settings(): FeedbackSettings {
    return { ...DEFAULT_FEEDBACK_SETTINGS, ...(this.d.meta.json<Partial<FeedbackSettings>>(SETTINGS_KEY) ?? {}) };
  }

  updateSettings(patch: FeedbackSettingsPatch): DoResult<FeedbackSettings> {
    const next = { ...this.settings, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as FeedbackSettings;
    // The route validates; this guards the DO's own invariants for any other caller.
    if (!Number.isInteger(next.delayMinutes) || next.delayMinutes < 0 || next.delayMinutes > MAX_FEEDBACK_DELAY_MINUTES) {
      return fail(400, "validation_failed", `delayMinutes must be a whole number from 0 to ${MAX_FEEDBACK_DELAY_MINUTES}.`);
    }
    if (!Number.isInteger(next.alertAtOrBelow) || next.alertAtOrBelow < 0 || next.alertAtOrBelow > 5) {
      return fail(400, "validation_failed", "alertAtOrBelow must be a whole number from 0 to 5.");
    }
    this.d.meta.setJson(SETTINGS_KEY, next);
    return ok(next);
  }

  // ---- scheduling, from the one commit path ---------------------------------------------------------

  /** Sees every committed host event (live/commit.ts): a seating schedules, an Undo cancels. */
  committed(message: HostServerMessage, at: number): void {
    if (message.type !== "event") return;
    if (message.event === "party.status_changed") {
      const p = this.d.readParty(message.party.id);
      if (!p) return;
      if (p.status === "seated" && p.seatedAt === at) this.schedule(p.id, "party", p.name, p.partySize, null, textable(p), at);
      // Only a Restore takes a seated party back into line (a closed party must be restored first).
      else if (p.status === "waiting" || p.status === "notified") this.cancel(p.id);
    } else if (message.event === "reservation.updated") {
      const r = this.d.readReservation(message.reservation.id);
      if (!r) return;
      if (r.status === "seated" && r.seatedAt === at) this.schedule(r.id, "reservation", r.name, r.partySize, r.email, textable(r), at);
      // Completed before the delay ran out: the meal is over, ask now.
      else if (r.status === "completed") this.bringForward(r.id, at);
      else if (r.status !== "seated") this.cancel(r.id);
    }
  }

  private schedule(ref: string, kind: "party" | "reservation", name: string, partySize: number, email: string | null, texts: boolean, at: number): void {
    const s = this.settings;
    // Nobody to ask: no phone with consent to texts, and (bookings only) no email address.
    if (!s.enabled || (!texts && !email)) return;
    const existing = this.d.sql.exec("SELECT id, status FROM feedback WHERE ref = ?", ref).toArray()[0];
    // Asked once per visit: a party seated again after an Undo is scheduled again only if nothing went out.
    if (existing && existing.status !== "cancelled") return;
    const id = (existing?.id as string | undefined) ?? crypto.randomUUID();
    const dueAt = at + s.delayMinutes * 60_000;
    this.d.sql.exec(
      `INSERT INTO feedback (id, ref, ref_kind, name, party_size, status, created_at, due_at, updated_at, email)
       VALUES (?, ?, ?, ?, ?, 'scheduled', ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET status = 'scheduled', due_at = excluded.due_at, updated_at = excluded.updated_at, name = excluded.name, party_size = excluded.party_size, email = excluded.email`,
      id, ref, kind, name, partySize, at, dueAt, at, email,
    );
    this.d.sql.exec("INSERT OR REPLACE INTO schedule (kind, ref, due_at) VALUES (?, ?, ?)", KIND, id, dueAt);
    this.d.wake(dueAt);
  }

  /** An Undo (Restore) of the seating: what was not sent yet never will be. */
  private cancel(ref: string): void {
    const row = this.d.sql.exec("SELECT id FROM feedback WHERE ref = ? AND status = 'scheduled'", ref).toArray()[0];
    if (!row) return;
    this.d.sql.exec("UPDATE feedback SET status = 'cancelled' WHERE id = ?", row.id);
    this.d.sql.exec("DELETE FROM schedule WHERE kind = ? AND ref = ?", KIND, row.id);
  }

  private bringForward(ref: string, at: number): void {
    const row = this.d.sql.exec("SELECT id, due_at FROM feedback WHERE ref = ? AND status = 'scheduled'", ref).toArray()[0];
    if (!row || (row.due_at as number) <= at) return;
    this.d.sql.exec("UPDATE feedback SET due_at = ? WHERE id = ?", at, row.id);
    this.d.sql.exec("UPDATE schedule SET due_at = ? WHERE kind = ? AND ref = ?", at, KIND, row.id);
    this.d.wake(at);
  }

  // ---- sending, from the one alarm ------------------------------------------------------------------

  /**
   * Sends what is due. The links are derived first (the only await); from the re-check to the
   * queued text and the row marked sent, each entry is one synchronous turn, so it happens once.
   */
  async runDue(at: number, located: boolean): Promise<void> {
    if (!located) return;
    const due = this.d.sql.exec("SELECT ref FROM schedule WHERE kind = ? AND due_at <= ? ORDER BY due_at LIMIT 100", KIND, at).toArray();
    const links = new Map<string, { token: string; url: string }>();
    for (const e of due) links.set(e.ref as string, await this.d.link(e.ref as string));
    const tokenHashes = new Map<string, string>();
    for (const [id, l] of links) tokenHashes.set(id, await sha256Hex(l.token));
    for (const [id, link] of links) {
      this.d.sql.exec("DELETE FROM schedule WHERE kind = ? AND ref = ?", KIND, id);
      const row = this.d.sql.exec("SELECT * FROM feedback WHERE id = ?", id).toArray()[0];
      if (!row || row.status !== "scheduled") continue;
      const ref = row.ref as string;
      const recipient = row.ref_kind === "party" ? this.d.readParty(ref) : this.d.readReservation(ref);
      const stillSeated = !!recipient && (row.ref_kind === "party" ? (recipient as Party).status === "seated" : ["seated", "completed"].includes((recipient as Reservation).status));
      if (!stillSeated) {
        this.d.sql.exec("UPDATE feedback SET status = 'cancelled', updated_at = ? WHERE id = ?", at, id);
        continue;
      }
      this.d.sql.exec("UPDATE feedback SET status = 'sent', sent_at = ?, token_hash = ?, updated_at = ?, email_pending = ? WHERE id = ?", at, tokenHashes.get(id)!, at, row.email ? 1 : 0, id);
      // The text needs a phone number and consent (Texts.queue); an opted-out number is refused at send time.
      this.d.texts.queue(recipient, "feedback", { link: link.url }, at);
      if (row.email) this.d.wake(at);
    }
  }

  /** When the next feedback text is due (the schedule's MIN covers it too; kept for tests and clarity). */
  nextDue(): number | null {
    return (this.d.sql.exec("SELECT MIN(due_at) AS d FROM schedule WHERE kind = ?", KIND).toArray()[0]?.d as number | null) ?? null;
  }

  // ---- the guest's answer ---------------------------------------------------------------------------

  private async byToken(token: string, at: number): Promise<DoResult<Row>> {
    const row = this.d.sql.exec("SELECT * FROM feedback WHERE token_hash = ?", await sha256Hex(token)).toArray()[0];
    // A row not sent yet has no token; a cancelled one was never sent.
    if (!row || row.status === "scheduled" || row.status === "cancelled") return fail(404, "not_found", "This link is not valid.");
    if (at - (row.sent_at as number) > FEEDBACK_ANSWER_WINDOW_MS) return fail(410, "gone", "This feedback link has expired.");
    return ok(row);
  }

  async guestGet(token: string, at: number): Promise<DoResult<GuestFeedback>> {
    const found = await this.byToken(token, at);
    if (!found.ok) return found;
    const r = found.value;
    return ok({
      name: r.name as string,
      language: guestLanguageOf(this.d.sql, r.ref as string) ?? this.d.language(),
      rating: (r.rating as number | null) ?? null,
      comment: (r.comment as string | null) ?? null,
      answeredAt: (r.answered_at as number | null) ?? null,
    });
  }

  /**
   * Records the guest's answer. A second submit changes it (the page sends the rating on the tap,
   * then again with the comment): the first is `feedback.received`, a change `feedback.updated`, a
   * repeat of the same answer nothing. A comment left out keeps the one given; "" removes it.
   */
  async answer(token: string, input: { rating: number; comment?: string | null }, at: number): Promise<DoResult<GuestFeedback>> {
    if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5) {
      return fail(400, "validation_failed", "rating must be a whole number from 1 to 5.");
    }
    if (typeof input.comment === "string" && input.comment.length > MAX_FEEDBACK_COMMENT) {
      return fail(400, "validation_failed", `comment can be at most ${MAX_FEEDBACK_COMMENT} characters.`);
    }
    const found = await this.byToken(token, at);
    if (!found.ok) return found;
    // Read again with no await before the write: two answers at once are applied one after the other.
    const r = this.d.sql.exec("SELECT * FROM feedback WHERE id = ?", found.value.id).one();
    const comment = input.comment === undefined ? ((r.comment as string | null) ?? null) : input.comment === null || input.comment.trim() === "" ? null : input.comment.trim();
    const first = r.status !== "answered";
    if (!first && r.rating === input.rating && r.comment === comment) return this.guestGet(token, at);
    const language = guestLanguageOf(this.d.sql, r.ref as string) ?? this.d.language();
    const low = isLow(input.rating, this.settings);
    // The owner hears of a visit once, the first time its answer is low.
    const alert = low && r.owner_alert === ALERT.none ? ALERT.pending : (r.owner_alert as number);
    const answeredAt = first ? at : (r.answered_at as number);
    this.d.sql.exec(
      "UPDATE feedback SET status = 'answered', rating = ?, comment = ?, low = ?, answered_at = ?, updated_at = ?, owner_alert = ? WHERE id = ?",
      input.rating, comment, low ? 1 : 0, answeredAt, at, alert, r.id,
    );
    const view = this.view({ ...r, rating: input.rating, comment, low: low ? 1 : 0, answered_at: answeredAt, updated_at: at });
    const event = first ? "feedback.received" : "feedback.updated";
    const version = this.d.hub.nextVersion();
    this.d.hub.publish(version, JSON.stringify({ type: "event", version, event, feedback: view } satisfies HostServerMessage));
    this.d.webhooks.feedback(event, view, at);
    this.d.wake(at);
    return ok({ name: view.name, language, rating: view.rating, comment: view.comment, answeredAt: view.answeredAt });
  }

  private view(r: Row): FeedbackView {
    const party = r.ref_kind === "party";
    return {
      id: r.id as string,
      partyId: party ? (r.ref as string) : null,
      reservationId: party ? null : (r.ref as string),
      name: r.name as string,
      partySize: r.party_size as number,
      rating: r.rating as number,
      comment: (r.comment as string | null) ?? null,
      low: r.low === 1,
      sentAt: r.sent_at as number,
      answeredAt: r.answered_at as number,
      updatedAt: r.updated_at as number,
    };
  }

  // ---- what hosts and Insights read -----------------------------------------------------------------

  /** The low answers of the last day, newest first: the host screen's badge after a reload. */
  recentLow(at: number): FeedbackView[] {
    return this.d.sql
      .exec("SELECT * FROM feedback WHERE status = 'answered' AND low = 1 AND answered_at >= ? ORDER BY answered_at DESC LIMIT 50", at - 24 * 3600_000)
      .toArray()
      .map((r) => this.view(r));
  }

  /** Counts per rating, the low ones and the comments answered on local dates from..to (inclusive). */
  report(from: string, to: string, timeZone: string, locationId: string): FeedbackPart {
    const start = localDayBounds(from, timeZone)[0];
    const end = localDayBounds(to, timeZone)[1];
    const part = emptyPart();
    for (const r of this.d.sql.exec("SELECT rating, COUNT(*) AS n, SUM(low) AS low FROM feedback WHERE status = 'answered' AND answered_at >= ? AND answered_at < ? GROUP BY rating", start, end)) {
      part.counts[(r.rating as number) - 1] = r.n as number;
      part.low += (r.low as number) ?? 0;
    }
    part.comments = this.d.sql
      .exec("SELECT id, rating, comment, answered_at FROM feedback WHERE status = 'answered' AND comment IS NOT NULL AND answered_at >= ? AND answered_at < ? ORDER BY answered_at DESC LIMIT 100", start, end)
      .toArray()
      .map((r) => ({ id: r.id as string, locationId, rating: r.rating as number, comment: r.comment as string, answeredAt: r.answered_at as number }));
    return part;
  }

  // ---- the alarm's flush: guest emails and the owner's alerts ---------------------------------------

  /** Hands pending emails to the queue; returns how many remain (0 when all are queued). */
  async flush(queue: Queue<OutboundMessage>, d1: D1Database, loc: LocationRef): Promise<number> {
    // Rows another flush is handing to the queue right now (an alarm and a retry can overlap across the
    // awaits below) are left to it, so no email goes to the queue twice. Kept in memory: after an
    // eviction nothing is in flight, and a row still pending is sent again.
    const free = (r: Row) => !this.flushing.has(r.id as string);
    const guests = this.d.sql.exec("SELECT id, ref, name, email FROM feedback WHERE email_pending = 1 LIMIT 50").toArray().filter(free);
    const owners = this.d.sql.exec("SELECT * FROM feedback WHERE owner_alert = ? LIMIT 50", ALERT.pending).toArray().filter(free);
    if (guests.length === 0 && owners.length === 0) return this.pendingMail();
    const claimed = [...guests, ...owners].map((r) => r.id as string);
    for (const id of claimed) this.flushing.add(id);
    try {
      await this.handOver(queue, d1, loc, guests, owners);
    } finally {
      for (const id of claimed) this.flushing.delete(id);
    }
    return this.pendingMail();
  }

  /** Rows being handed to the queue by a flush that has not finished. */
  private readonly flushing = new Set<string>();

  private pendingMail(): number {
    return this.d.sql.exec("SELECT COUNT(*) AS n FROM feedback WHERE email_pending = 1 OR owner_alert = ?", ALERT.pending).one().n as number;
  }

  private async handOver(queue: Queue<OutboundMessage>, d1: D1Database, loc: LocationRef, guests: Row[], owners: Row[]): Promise<void> {
    const messages: MessageSendRequest<OutboundMessage>[] = [];
    for (const g of guests) {
      const language = guestLanguageOf(this.d.sql, g.ref as string) ?? this.d.language();
      const { url } = await this.d.link(g.id as string);
      const email = guestFeedbackEmail(g.email as string, language, { name: g.name as string, restaurant: this.d.restaurantName(), link: url });
      messages.push({ body: { kind: "email", ref: `feedback:${g.id as string}`, email } });
    }
    if (owners.length > 0) {
      const { results } = await d1.prepare("SELECT id, email FROM users WHERE account_id = ? AND role = 'owner'").bind(loc.accountId).all<{ id: string; email: string }>();
      for (const o of owners) {
        for (const u of results) {
          const email = ownerLowScoreEmail(u.email, {
            restaurant: loc.name,
            guest: o.name as string,
            rating: o.rating as number,
            comment: (o.comment as string | null) ?? null,
            insightsUrl: `${this.d.appUrl()}/app/insights`,
          });
          messages.push({ body: { kind: "email", ref: `feedback-alert:${o.id as string}:${u.id}`, email } });
        }
      }
    }
    if (messages.length > 0) await queue.sendBatch(messages);
    for (const g of guests) this.d.sql.exec("UPDATE feedback SET email_pending = 0 WHERE id = ?", g.id);
    for (const o of owners) this.d.sql.exec("UPDATE feedback SET owner_alert = ? WHERE id = ? AND owner_alert = ?", ALERT.queued, o.id, ALERT.pending);
  }

  // ---- retention -------------------------------------------------------------------------------------

  /**
   * The account's retention policy (answers about visits seated before an instant go with them) and a
   * guest's erasure (answers about any visit of that phone). Runs before the parties and bookings
   * themselves are deleted, since an answer knows its visit only by id.
   */
  purge(scope: CustomerDataScope): void {
    if (scope.kind === "created_before") {
      this.d.sql.exec("DELETE FROM schedule WHERE kind = ? AND ref IN (SELECT id FROM feedback WHERE created_at < ?)", KIND, scope.before);
      this.d.sql.exec("DELETE FROM feedback WHERE created_at < ?", scope.before);
      return;
    }
    const visits = "SELECT id FROM parties WHERE phone = ?1 UNION SELECT id FROM reservations WHERE phone = ?1";
    this.d.sql.exec(`DELETE FROM schedule WHERE kind = ?2 AND ref IN (SELECT id FROM feedback WHERE ref IN (${visits}))`, scope.phone, KIND);
    this.d.sql.exec(`DELETE FROM feedback WHERE ref IN (${visits})`, scope.phone);
  }

  status(ref: string): FeedbackStatus | null {
    return (this.d.sql.exec("SELECT status FROM feedback WHERE ref = ?", ref).toArray()[0]?.status as FeedbackStatus | undefined) ?? null;
  }
}
