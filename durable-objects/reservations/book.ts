// The reservation book: bookings made, changed and closed by hosts, by guests through their manage
// link, and by the schedule (reminders, automatic no-shows). Writes go through the one commit path.
import { availableSlots, checkBooking, nearestSlots, type Book, type Slot } from "../../domain/reservations/availability";
import {
  canReschedule,
  durationFor,
  reservationTransition,
  ReservationTransitionError,
  mergeBookingSettings,
  MAX_SPECIAL_DATES,
  type BookingSettings,
  type BookingSettingsPatch,
  type Reservation,
  type ReservationAction,
  type ReservationSource,
} from "../../domain/reservations/model";
import { entriesFor, stillDue } from "../../domain/reservations/schedule";
import { reservationView, type ReservationView } from "../../domain/reservations/reservation";
import { addDays, localDate, localParts, startOfLocalDay } from "../../domain/time";
import type { DoResult } from "../../domain/waitlist/protocol";
import { sha256Hex } from "../../lib/crypto";
import type { Commits } from "../live/commit";
import { fail, ok } from "../results";
import type { GuestEmails } from "../guest-emails";
import type { Texts } from "../sms/texts";
import type { GuestLanguage } from "../../domain/languages";
import type { Estimates } from "../waitlist/estimates";
import {
  dueEntries,
  nextScheduled,
  parseBookingSettings,
  readCombinations,
  readReservation,
  readTables,
  reservationsBetween,
  rowToReservation,
  writeReservation,
  writeSchedule,
} from "./store";
import type { Meta } from "../storage/meta";

export interface NewReservation {
  name: string;
  phone?: string | null;
  email?: string | null;
  partySize: number;
  /** Epoch ms. */
  start: number;
  durationMinutes?: number;
  tableIds?: string[];
  notes?: string;
  tags?: string[];
  smsConsent?: boolean;
  source: ReservationSource;
  /** The language the guest chose when booking; their texts follow it. */
  language?: GuestLanguage;
}

export type ReservationPatch = Partial<Omit<NewReservation, "source" | "language">>;

export interface GuestReservation {
  reservation: Reservation;
  canChange: boolean;
  changeCutoffAt: number | null;
}

const DAY_MS = 86_400_000;

export class ReservationBook {
  settings: BookingSettings;
  private formats = new Map<string, Intl.DateTimeFormat>();

  constructor(
    private readonly sql: SqlStorage,
    private readonly meta: Meta,
    private readonly changes: Commits,
    private readonly estimates: Estimates,
    private readonly texts: Texts,
    private readonly timezone: () => string,
    private readonly manageUrl: (reservationId: string) => Promise<string>,
    private readonly checkPhone: (phone: string | null | undefined) => DoResult<string | null>,
    private readonly wake: (at: number) => void,
    private readonly emails?: GuestEmails,
  ) {
    this.settings = parseBookingSettings(meta.get("booking"));
  }

  reload(): void {
    this.settings = parseBookingSettings(this.meta.get("booking"));
  }

  list(date: string | undefined, at: number): { date: string; timezone: string; reservations: ReservationView[] } {
    const tz = this.timezone();
    const day = date ?? localDate(at, tz);
    const from = startOfLocalDay(day, tz);
    const to = startOfLocalDay(addDays(day, 1), tz);
    const list = this.sql.exec("SELECT * FROM reservations WHERE start_at >= ? AND start_at < ? ORDER BY start_at, id", from, to).toArray().map(rowToReservation);
    return { date: day, timezone: tz, reservations: list.map(reservationView) };
  }

  get(id: string): DoResult<ReservationView> {
    const r = readReservation(this.sql, id);
    return r ? ok(reservationView(r)) : fail(404, "not_found", "Reservation not found.");
  }

  async create(input: NewReservation): Promise<DoResult<{ reservation: ReservationView; token: string; manageUrl: string }>> {
    const phone = this.checkPhone(input.phone);
    if (!phone.ok) return phone;
    const id = crypto.randomUUID();
    const manageUrl = await this.manageUrl(id);
    const token = manageUrl.split("/book/")[1]!;
    const tokenHash = await sha256Hex(token);
    // From here to the write, nothing awaits: the check and the booking happen in one turn of the
    // DO, so concurrent bookings are serialized and a table is never sold twice.
    const at = Date.now();
    const book = this.around(input.start, input.start);
    const online = input.source === "online";
    const check = checkBooking(book, { start: input.start, partySize: input.partySize, source: input.source, durationMinutes: input.durationMinutes, tableIds: input.tableIds }, at);
    if (!check.ok) {
      const details = check.code === "slot_unavailable" ? this.slotDetails(book, input.start, input.partySize, at, online) : check.path ? [{ path: check.path, message: check.message }] : [];
      return { ok: false, status: check.status, code: check.code, message: check.message, details };
    }
    const r: Reservation = {
      id,
      name: input.name,
      phone: phone.value,
      email: input.email ?? null,
      partySize: input.partySize,
      notes: input.notes ?? "",
      tags: input.tags ?? [],
      start: input.start,
      end: check.end,
      tableIds: check.tableIds,
      status: "booked",
      source: input.source,
      smsConsent: input.smsConsent ?? false,
      createdAt: at,
      updatedAt: at,
      version: 0,
      confirmedAt: null,
      arrivedAt: null,
      seatedAt: null,
      closedAt: null,
      reminderSentAt: null,
    };
    this.commit(at, r, "reservation.created", tokenHash);
    this.texts.remember(r.id, input.language);
    this.texts.queue(r, "reservation_confirmation", { link: manageUrl, time: this.timeFor(r) }, at);
    this.emails?.queue(r, "reservation_confirmation", at);
    return ok({ reservation: reservationView(r), token, manageUrl });
  }

  update(id: string, patch: ReservationPatch, at: number): DoResult<ReservationView> {
    const current = readReservation(this.sql, id);
    if (!current) return fail(404, "not_found", "Reservation not found.");
    const result = this.change(current, patch, "host", at);
    return result.ok ? ok(reservationView(result.value)) : result;
  }

  /** `tableIds`: the tables a seated party takes (reservations/floor.ts checked them). */
  actOn(id: string, action: ReservationAction, at: number, tableIds?: string[]): DoResult<ReservationView> {
    const current = readReservation(this.sql, id);
    if (!current) return fail(404, "not_found", "Reservation not found.");
    const result = this.apply(current, action, at, tableIds);
    return result.ok ? ok(reservationView(result.value)) : result;
  }

  availability(date: string, partySize: number, at: number): { slots: Slot[]; maxPartySize: number } {
    const from = startOfLocalDay(date, this.timezone());
    const book = this.around(from, from + DAY_MS);
    return { slots: availableSlots(book, date, partySize, at, { online: true }), maxPartySize: this.settings.maxOnlinePartySize };
  }

  /** A guest's reply about their booking: "1" confirms it, "9" cancels it. */
  reply(reservationId: string, intent: "on_my_way" | "leave", at: number): boolean {
    const r = readReservation(this.sql, reservationId);
    if (!r) return false;
    if (intent === "on_my_way" && r.status === "booked") this.apply(r, "confirm", at);
    if (intent === "leave" && (r.status === "booked" || r.status === "confirmed")) this.apply(r, "cancel", at);
    return true;
  }

  /** Merges a change into the rules inside this one call (no read-then-write from the Worker to race). */
  updateSettings(patch: BookingSettingsPatch, at: number): DoResult<BookingSettings> {
    const next = mergeBookingSettings(this.settings, patch);
    if (Object.keys(next.specialDates).length > MAX_SPECIAL_DATES) {
      return fail(400, "validation_failed", `At most ${MAX_SPECIAL_DATES} special dates; remove some (null) first.`);
    }
    this.settings = next;
    this.meta.setJson("booking", next);
    // Reminder hours and the no-show grace apply to bookings already made.
    for (const r of reservationsBetween(this.sql, at - DAY_MS, Number.MAX_SAFE_INTEGER)) writeSchedule(this.sql, r.id, entriesFor(r, next));
    this.wakeForSchedule();
    return ok(next);
  }

  // ---- guests by their manage link ---------------------------------------------------------------

  private async byToken(token: string): Promise<DoResult<Reservation>> {
    const row = this.sql.exec("SELECT * FROM reservations WHERE token_hash = ?", await sha256Hex(token)).toArray()[0];
    return row ? ok(rowToReservation(row)) : fail(404, "not_found", "This link is not valid.");
  }

  private guestView(r: Reservation, at: number): GuestReservation {
    const cutoff = r.start - this.settings.cutoffMinutes * 60_000;
    const open = canReschedule(r.status);
    return { reservation: r, canChange: open && at < cutoff, changeCutoffAt: open ? cutoff : null };
  }

  async guestGet(token: string): Promise<DoResult<GuestReservation>> {
    const found = await this.byToken(token);
    return found.ok ? ok(this.guestView(found.value, Date.now())) : found;
  }

  async guestChange(token: string, patch: { start?: number; partySize?: number }): Promise<DoResult<Reservation>> {
    const found = await this.byToken(token);
    if (!found.ok) return found;
    const at = Date.now();
    if (!this.guestView(found.value, at).canChange) return fail(409, "invalid_transition", "This reservation can no longer be changed online; please call the restaurant.");
    return this.change(found.value, { start: patch.start, partySize: patch.partySize }, "online", at);
  }

  async guestCancel(token: string): Promise<DoResult<Reservation>> {
    const found = await this.byToken(token);
    if (!found.ok) return found;
    const at = Date.now();
    if (found.value.status === "cancelled") return ok(found.value);
    if (!this.guestView(found.value, at).canChange) return fail(409, "invalid_transition", "This reservation can no longer be cancelled online; please call the restaurant.");
    return this.apply(found.value, "cancel", at);
  }

  // ---- the schedule --------------------------------------------------------------------------------

  /**
   * Runs the schedule entries due at `at`. Each entry is deleted in the same synchronous turn as the
   * change it makes, and re-checked against the reservation first, so a repeated alarm does nothing twice.
   */
  async runDue(at: number, located: boolean): Promise<void> {
    for (const entry of dueEntries(this.sql, at)) {
      // The link is derived (never stored in clear); derive it before the synchronous part.
      const link = entry.kind === "reminder" && located ? await this.manageUrl(entry.reservationId) : null;
      const r = readReservation(this.sql, entry.reservationId);
      this.sql.exec("DELETE FROM schedule WHERE kind = ? AND ref = ?", entry.kind, entry.reservationId);
      if (!r || !stillDue(entry, r, this.settings, at)) {
        if (r) writeSchedule(this.sql, r.id, entriesFor(r, this.settings));
        continue;
      }
      if (entry.kind === "no_show") {
        this.apply(r, "no_show", at);
      } else {
        const next: Reservation = { ...r, reminderSentAt: at, updatedAt: at };
        this.commit(at, next, "reservation.updated");
        this.texts.queue(next, "reservation_reminder", { link, time: this.texts.when(next.start, this.timezone(), next.id) ?? this.whenText(next.start) }, at);
      }
    }
  }

  /** The earliest end of a booking still held (for the purge), or null. */
  oldestEnd(): number | null {
    return (this.sql.exec("SELECT MIN(end_at) AS e FROM reservations").toArray()[0]?.e as number | null) ?? null;
  }

  // ---- inside ------------------------------------------------------------------------------------

  /** The booking's time for a text: in the guest's language when they chose one, else "Sat 5 Dec, 19:30". */
  private timeFor(r: Reservation): string {
    return this.texts.when(r.start, this.timezone(), r.id) ?? this.whenText(r.start);
  }

  /**
   * Tells the guest, by text (with consent; an opted-out number is refused at send time) and by email
   * (when given), that their booking changed time or size, or was cancelled — whoever did it.
   */
  private tellGuest(r: Reservation, kind: "reservation_changed" | "reservation_cancelled", at: number): void {
    this.texts.queue(r, kind, { time: this.timeFor(r) }, at);
    this.emails?.queue(r, kind, at);
  }

  /** "Sat 5 Dec, 19:30" in the location's zone, for texts. */
  private whenText(at: number): string {
    const tz = this.timezone();
    let day = this.formats.get(tz);
    if (!day) {
      day = new Intl.DateTimeFormat("en-GB", { timeZone: tz, weekday: "short", day: "numeric", month: "short" });
      this.formats.set(tz, day);
    }
    const p = localParts(at, tz);
    return `${day.format(at)}, ${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")}`;
  }

  /** The book around `from`..`to` (a day either side is more than any dining duration). */
  private around(from: number, to: number): Book {
    return {
      settings: this.settings,
      timeZone: this.timezone(),
      tables: readTables(this.sql),
      combinations: readCombinations(this.sql),
      reservations: reservationsBetween(this.sql, from - DAY_MS, to + DAY_MS),
    };
  }

  /** Writes a reservation change through the one commit path (versioned event, outbox, schedule). */
  private commit(at: number, r: Reservation, event: "reservation.created" | "reservation.updated", tokenHash?: string): void {
    this.changes.commit(at, (version) => {
      r.version = version;
      writeReservation(this.sql, r, tokenHash);
      writeSchedule(this.sql, r.id, entriesFor(r, this.settings));
      // A seated booking counts as a seating for the walk-in estimates, like a seated party.
      if (r.status === "seated" && r.seatedAt === at) this.estimates.recordSeating(at, r.partySize);
      return { message: (v) => ({ type: "event", version: v, event, reservation: reservationView(r) }) };
    });
    this.wakeForSchedule();
  }

  private wakeForSchedule(): void {
    const due = nextScheduled(this.sql);
    if (due !== null) this.wake(due);
  }

  private apply(r: Reservation, action: ReservationAction, at: number, tableIds?: string[]): DoResult<Reservation> {
    let next: Reservation;
    try {
      next = reservationTransition(r, action, at);
    } catch (err) {
      if (err instanceof ReservationTransitionError) return fail(409, "invalid_transition", err.message);
      throw err;
    }
    if (action === "seat" && tableIds !== undefined) next = { ...next, tableIds };
    this.commit(at, next, "reservation.updated");
    if (action === "cancel") this.tellGuest(next, "reservation_cancelled", at);
    return ok(next);
  }

  private slotDetails(book: Book, start: number, partySize: number, at: number, online: boolean, exceptId?: string) {
    const date = localDate(start, book.timeZone);
    const free = availableSlots(book, date, partySize, at, { online, exceptId });
    return nearestSlots(free, start).map((s) => ({ start: new Date(s.start).toISOString(), localTime: s.localTime, message: `Free at ${s.localTime}.` }));
  }

  /** A change to a reservation; time, size, duration and tables are checked again like a new booking. */
  private change(current: Reservation, patch: ReservationPatch, source: ReservationSource, at: number): DoResult<Reservation> {
    if (current.status === "completed" || current.status === "cancelled" || current.status === "no_show") {
      return fail(409, "invalid_transition", `A ${current.status.replace("_", "-")} reservation cannot be changed.`);
    }
    const phone = patch.phone !== undefined ? this.checkPhone(patch.phone) : ok(current.phone);
    if (!phone.ok) return phone;
    const start = patch.start ?? current.start;
    const partySize = patch.partySize ?? current.partySize;
    const currentMinutes = Math.round((current.end - current.start) / 60_000);
    const durationMinutes = patch.durationMinutes ?? (patch.partySize !== undefined && patch.partySize !== current.partySize ? durationFor(this.settings, partySize) : currentMinutes);
    const rebook = start !== current.start || partySize !== current.partySize || durationMinutes !== currentMinutes || patch.tableIds !== undefined;
    let end = current.end;
    let tableIds = current.tableIds;
    if (rebook) {
      if ((start !== current.start || partySize !== current.partySize) && !canReschedule(current.status)) {
        return fail(409, "invalid_transition", `The time and size of a ${current.status} reservation can no longer be changed.`);
      }
      const book = this.around(start, start);
      const req = { start, partySize, source, durationMinutes, exceptId: current.id };
      // Keep the current tables when they still seat the party and are free; else assign again.
      const tables = new Map(book.tables.map((t) => [t.id, t]));
      const seats = current.tableIds.reduce((s, id) => s + (tables.get(id)?.maxSeats ?? 0), 0);
      let check =
        patch.tableIds !== undefined
          ? checkBooking(book, { ...req, tableIds: patch.tableIds }, at)
          : current.tableIds.length > 0 && seats >= partySize && source !== "online"
            ? checkBooking(book, { ...req, tableIds: current.tableIds }, at)
            : checkBooking(book, req, at);
      if (!check.ok && check.code === "table_conflict" && patch.tableIds === undefined) check = checkBooking(book, req, at);
      if (!check.ok) {
        const details = check.code === "slot_unavailable" ? this.slotDetails(book, start, partySize, at, source === "online", current.id) : check.path ? [{ path: check.path, message: check.message }] : [];
        return { ok: false, status: check.status, code: check.code, message: check.message, details };
      }
      end = check.end;
      tableIds = check.tableIds;
    }
    const next: Reservation = {
      ...current,
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.email !== undefined && { email: patch.email }),
      ...(patch.notes !== undefined && { notes: patch.notes }),
      ...(patch.tags !== undefined && { tags: patch.tags }),
      ...(patch.smsConsent !== undefined && { smsConsent: patch.smsConsent }),
      phone: phone.value,
      partySize,
      start,
      end,
      tableIds,
      // A new time deserves a new reminder.
      reminderSentAt: start !== current.start ? null : current.reminderSentAt,
      updatedAt: at,
    };
    this.commit(at, next, "reservation.updated");
    if (start !== current.start || partySize !== current.partySize) this.tellGuest(next, "reservation_changed", at);
    return ok(next);
  }
}
