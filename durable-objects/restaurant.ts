// The Restaurant Durable Object: one per location (env.RESTAURANT.idFromName(locationId)), the
// single writer of its live waitlist. Its own SQLite is the source of truth; an outbox carries every
// change to D1 from the alarm; host screens and guest pages follow over hibernating WebSockets.
import { DurableObject } from "cloudflare:workers";
import type { RestaurantEnv as Env } from "./env";
import {
  bandIntervals,
  bandOf,
  estimateMinutes,
  GUEST_TOKEN_GRACE_MS,
  RESTORE_WINDOW_MS,
  HISTORY_WINDOW_MS,
  isActive,
  joinEstimates,
  lineOrder,
  localWeekdayHour,
  positions,
  rankForPosition,
  transition,
  TransitionError,
  type Party,
  type PartyAction,
  type PartySource,
  type Seating,
} from "../domain/waitlist/model";
import { normalizePhone } from "../domain/phone";
import {
  DEFAULT_SETTINGS,
  parseClientMessage,
  partyView,
  type DoResult,
  type GuestStatus,
  type GuestStatusAnswer,
  type HostServerMessage,
  type Intervals,
  type LocationRef,
  type PartyView,
  type RankedPartyView,
  type SettingsPatch,
  type SmsSettings,
  type WaitlistSettings,
} from "../domain/waitlist/protocol";
import { flushOutbox, flushSmsOutbox } from "./waitlist/outbox";
import { DEFAULT_TEMPLATES, renderTemplate, type Template, type TemplateKind, type TemplateValues } from "../domain/sms/templates";
import type { MessageView } from "../domain/sms/message-view";
import {
  DEFAULT_BOOKING_SETTINGS,
  canReschedule,
  durationFor,
  isHolding,
  reservationTransition,
  ReservationTransitionError,
  type BookingSettings,
  type Combination,
  type Reservation,
  type ReservationAction,
  type ReservationSource,
  type Table,
} from "../domain/reservations/model";
import { availableSlots, checkBooking, nearestSlots, type Book, type Slot } from "../domain/reservations/availability";
import { addDays, localDate, localParts, startOfLocalDay } from "../domain/time";
import { earliest, entriesFor, stillDue } from "../domain/reservations/schedule";
import {
  RESERVATIONS_SCHEMA_V3,
  dueEntries,
  nextScheduled,
  parseBookingSettings,
  readCombinations,
  readReservation,
  readTables,
  reservationsBetween,
  rowToReservation,
  writeCombination,
  writeReservation,
  writeSchedule,
  writeTable,
} from "./reservations/store";
import { reservationView, type ReservationView } from "../domain/reservations/view";
import { flushReservationOutbox } from "./reservations/outbox";
import { heldTableFactor } from "../domain/reservations/estimates";
import { randomToken, sha256Hex } from "../src/lib/crypto";
import { linkToken } from "./links";

const SCHEMA_VERSION = 3;
/** Events kept for clients that reconnect and resume. */
const EVENT_LOG_SIZE = 1000;
const TICKET_TTL_MS = 60_000;
const IDEMPOTENCY_TTL_MS = 24 * 3600_000;
/** First outbox flush after a change: soon, but late enough to batch a burst of changes. */
const FLUSH_DELAY_MS = 1_000;
const MAX_FLUSH_BACKOFF_MS = 5 * 60_000;

export interface NewParty {
  name: string;
  phone?: string | null;
  size: number;
  notes?: string;
  tags?: string[];
  quotedWait?: number | null;
  smsConsent?: boolean;
  source: PartySource;
}

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
}

export type ReservationPatch = Partial<Omit<NewReservation, "source">>;

/** Reservations stay in the DO (for their manage link and the book) this long after they end. */
const RESERVATION_KEEP_MS = 30 * 24 * 3600_000;

export type PartyPatch = Partial<Pick<NewParty, "name" | "phone" | "size" | "notes" | "tags" | "quotedWait" | "smsConsent">>;

export interface AddedParty {
  party: RankedPartyView;
  /** The guest's link token. Only ever returned here, at creation; stored hashed. */
  guestToken: string;
}

type Attachment = { kind: "host"; userId: string } | { kind: "guest"; partyId: string };

type Row = Record<string, SqlStorageValue>;

function rowToParty(r: Row): Party {
  return {
    id: r.id as string,
    name: r.name as string,
    phone: (r.phone as string | null) ?? null,
    size: r.size as number,
    notes: r.notes as string,
    tags: JSON.parse(r.tags as string) as string[],
    quotedWait: r.quoted_wait as number,
    source: r.source as PartySource,
    smsConsent: r.sms_consent === 1,
    state: r.state as Party["state"],
    restoreState: (r.restore_state as Party["restoreState"]) ?? null,
    rank: r.rank as number,
    createdAt: r.created_at as number,
    notifiedAt: (r.notified_at as number | null) ?? null,
    notifyCount: r.notify_count as number,
    seatedAt: (r.seated_at as number | null) ?? null,
    closedAt: (r.closed_at as number | null) ?? null,
    updatedAt: r.updated_at as number,
    version: r.version as number,
    almostUpAt: (r.almost_up_at as number | null) ?? null,
    onMyWayAt: (r.on_my_way_at as number | null) ?? null,
  };
}

const fail = <T>(status: 400 | 404 | 409 | 410 | 422, code: string, message: string): DoResult<T> => ({ ok: false, status, code, message });
const ok = <T>(value: T): DoResult<T> => ({ ok: true, value });

export class Restaurant extends DurableObject<Env> {
  private sql: SqlStorage;
  private version = 0;
  private settings: WaitlistSettings = DEFAULT_SETTINGS;
  private location: LocationRef | null = null;
  /** Active parties (waiting, notified); closed ones are read from SQLite when needed. */
  private active = new Map<string, Party>();
  private intervalsCache: { hourKey: number; intervals: Intervals } | null = null;
  private alarmAt: number | null = null;
  private flushFailures = 0;
  private bookingSettings: BookingSettings = DEFAULT_BOOKING_SETTINGS;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    // Every entry point (RPC, fetch, webSocket*, alarm) runs after this has finished.
    ctx.blockConcurrencyWhile(async () => {
      this.migrate();
      this.load();
      this.alarmAt = await ctx.storage.getAlarm();
    });
    // Keep-alive pings are answered without waking the object.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair("ping", "pong"));
  }

  // ---- storage ---------------------------------------------------------------------------------

  private migrate() {
    this.sql.exec("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    const row = this.sql.exec("SELECT value FROM meta WHERE key = 'schema_version'").toArray()[0];
    const current = row ? Number(row.value) : 0;
    if (current < 1) {
      this.sql.exec(`
        CREATE TABLE parties (
          id TEXT PRIMARY KEY, name TEXT NOT NULL, phone TEXT, size INTEGER NOT NULL, notes TEXT NOT NULL,
          tags TEXT NOT NULL, quoted_wait INTEGER NOT NULL, source TEXT NOT NULL, sms_consent INTEGER NOT NULL,
          state TEXT NOT NULL, restore_state TEXT, rank REAL NOT NULL, created_at INTEGER NOT NULL,
          notified_at INTEGER, notify_count INTEGER NOT NULL, seated_at INTEGER, closed_at INTEGER,
          updated_at INTEGER NOT NULL, version INTEGER NOT NULL, token_hash TEXT NOT NULL UNIQUE
        );
        CREATE INDEX parties_state ON parties (state, closed_at);
        CREATE TABLE events (version INTEGER PRIMARY KEY, message TEXT NOT NULL);
        CREATE TABLE outbox (party_id TEXT PRIMARY KEY, version INTEGER NOT NULL);
        CREATE TABLE seatings (at INTEGER NOT NULL, band TEXT NOT NULL, weekday INTEGER NOT NULL, hour INTEGER NOT NULL);
        CREATE INDEX seatings_at ON seatings (at);
        CREATE TABLE idempotency (key TEXT PRIMARY KEY, request_hash TEXT NOT NULL, response TEXT NOT NULL, created_at INTEGER NOT NULL);
        CREATE TABLE tickets (hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, expires_at INTEGER NOT NULL);
      `);
    }
    if (current < 2) {
      this.sql.exec(`
        ALTER TABLE parties ADD COLUMN almost_up_at INTEGER;
        ALTER TABLE parties ADD COLUMN on_my_way_at INTEGER;
        CREATE TABLE sms_outbox (id TEXT PRIMARY KEY, party_id TEXT, kind TEXT NOT NULL, to_phone TEXT NOT NULL, body TEXT NOT NULL, created_at INTEGER NOT NULL);
      `);
    }
    if (current < 3) this.sql.exec(RESERVATIONS_SCHEMA_V3);
    this.sql.exec("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)", String(SCHEMA_VERSION));
  }

  private meta(key: string): string | null {
    const row = this.sql.exec("SELECT value FROM meta WHERE key = ?", key).toArray()[0];
    return row ? (row.value as string) : null;
  }

  private setMeta(key: string, value: string) {
    this.sql.exec("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", key, value);
  }

  private load() {
    this.version = Number(this.meta("version") ?? 0);
    const settings = this.meta("settings");
    this.settings = settings ? { ...DEFAULT_SETTINGS, ...(JSON.parse(settings) as Partial<WaitlistSettings>) } : DEFAULT_SETTINGS;
    const location = this.meta("location");
    this.location = location ? (JSON.parse(location) as LocationRef) : null;
    this.bookingSettings = parseBookingSettings(this.meta("booking"));
    this.active.clear();
    for (const r of this.sql.exec("SELECT * FROM parties WHERE state IN ('waiting', 'notified')")) {
      const p = rowToParty(r);
      this.active.set(p.id, p);
    }
  }

  /** The Worker passes the location on every call; keep the latest (name or time zone may change). */
  private useLocation(loc: LocationRef) {
    const current = this.location;
    if (!current || current.id !== loc.id || current.accountId !== loc.accountId || current.name !== loc.name || current.timezone !== loc.timezone) {
      this.location = loc;
      this.setMeta("location", JSON.stringify(loc));
      this.intervalsCache = null;
    }
  }

  private readParty(id: string): Party | null {
    const cached = this.active.get(id);
    if (cached) return cached;
    const row = this.sql.exec("SELECT * FROM parties WHERE id = ?", id).toArray()[0];
    return row ? rowToParty(row) : null;
  }

  private writeParty(p: Party, tokenHash?: string) {
    if (tokenHash !== undefined) {
      this.sql.exec(
        `INSERT INTO parties (id, name, phone, size, notes, tags, quoted_wait, source, sms_consent, state, restore_state, rank,
           created_at, notified_at, notify_count, seated_at, closed_at, updated_at, version, token_hash, almost_up_at, on_my_way_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        p.id, p.name, p.phone, p.size, p.notes, JSON.stringify(p.tags), p.quotedWait, p.source, p.smsConsent ? 1 : 0, p.state,
        p.restoreState, p.rank, p.createdAt, p.notifiedAt, p.notifyCount, p.seatedAt, p.closedAt, p.updatedAt, p.version, tokenHash,
        p.almostUpAt ?? null, p.onMyWayAt ?? null,
      );
    } else {
      this.sql.exec(
        `UPDATE parties SET name = ?, phone = ?, size = ?, notes = ?, tags = ?, quoted_wait = ?, sms_consent = ?, state = ?,
           restore_state = ?, rank = ?, notified_at = ?, notify_count = ?, seated_at = ?, closed_at = ?, updated_at = ?, version = ?,
           almost_up_at = ?, on_my_way_at = ?
         WHERE id = ?`,
        p.name, p.phone, p.size, p.notes, JSON.stringify(p.tags), p.quotedWait, p.smsConsent ? 1 : 0, p.state, p.restoreState,
        p.rank, p.notifiedAt, p.notifyCount, p.seatedAt, p.closedAt, p.updatedAt, p.version, p.almostUpAt ?? null, p.onMyWayAt ?? null, p.id,
      );
    }
    if (isActive(p.state)) this.active.set(p.id, p);
    else this.active.delete(p.id);
    this.sql.exec("INSERT OR REPLACE INTO outbox (party_id, version) VALUES (?, ?)", p.id, p.version);
  }

  private nextVersion(): number {
    this.version += 1;
    this.setMeta("version", String(this.version));
    return this.version;
  }

  // ---- estimates -------------------------------------------------------------------------------

  /** Walk-in intervals: from seatings, stretched where tables are held for bookings soon (see reservations/estimates). */
  private intervals(at: number): Intervals {
    const base = this.baseIntervals(at);
    const tables = readTables(this.sql);
    if (tables.length === 0) return base;
    const horizon = Math.max(...this.bookingSettings.durations.map((d) => d.minutes), 0) * 60_000;
    const held = reservationsBetween(this.sql, at, at + horizon).filter((r) => isHolding(r.status));
    if (held.length === 0) return base;
    const out = { ...base };
    for (const band of Object.keys(base) as (keyof Intervals)[]) {
      const factor = heldTableFactor(tables, held, band, at, (size) => durationFor(this.bookingSettings, size) * 60_000);
      if (factor !== 1) out[band] = { ...base[band], minutes: Math.round(base[band].minutes * factor) };
    }
    return out;
  }

  private baseIntervals(at: number): Intervals {
    const hourKey = Math.floor(at / 3_600_000);
    if (this.intervalsCache && this.intervalsCache.hourKey === hourKey) return this.intervalsCache.intervals;
    const seatings: Seating[] = this.sql
      .exec("SELECT at, band, weekday, hour FROM seatings WHERE at >= ?", at - HISTORY_WINDOW_MS)
      .toArray()
      .map((r) => ({ at: r.at as number, band: r.band as Seating["band"], weekday: r.weekday as number, hour: r.hour as number }));
    const local = localWeekdayHour(at, this.location?.timezone ?? "UTC");
    const intervals = bandIntervals(seatings, { at, ...local }, this.settings.intervalMinutes);
    this.intervalsCache = { hourKey, intervals };
    return intervals;
  }

  private ranked(at: number): RankedPartyView[] {
    const list = lineOrder([...this.active.values()]);
    const pos = positions(list);
    const intervals = this.intervals(at);
    return list.map((p) => {
      const x = pos.get(p.id)!;
      return { ...partyView(p), position: x.position, ahead: x.ahead, estimateMinutes: estimateMinutes(intervals[bandOf(p.size)].minutes, x.sameBandAhead) };
    });
  }

  private rankedOne(p: Party, at: number): RankedPartyView {
    if (!isActive(p.state)) return { ...partyView(p), position: null, ahead: null, estimateMinutes: null };
    return this.ranked(at).find((r) => r.id === p.id)!;
  }

  /** What each guest with an open socket would see now, by party id. */
  private guestStatuses(at: number, partyIds: Set<string>): Map<string, string> {
    const out = new Map<string, string>();
    if (partyIds.size === 0) return out;
    const list = lineOrder([...this.active.values()]);
    const pos = positions(list);
    const intervals = this.intervals(at);
    for (const id of partyIds) {
      const p = this.readParty(id);
      if (!p) continue;
      const x = pos.get(id);
      const status: GuestStatus = {
        state: p.state,
        position: x ? x.position : null,
        ahead: x ? x.ahead : null,
        estimateMinutes: x ? estimateMinutes(intervals[bandOf(p.size)].minutes, x.sameBandAhead) : null,
        quotedWait: p.quotedWait,
      };
      out.set(id, JSON.stringify(status));
    }
    return out;
  }

  // ---- changes and fan-out ---------------------------------------------------------------------

  private guestSockets(): { ws: WebSocket; partyId: string }[] {
    const out: { ws: WebSocket; partyId: string }[] = [];
    for (const ws of this.ctx.getWebSockets("guest")) {
      const a = ws.deserializeAttachment() as Attachment | null;
      if (a?.kind === "guest") out.push({ ws, partyId: a.partyId });
    }
    return out;
  }

  /**
   * Applies one change: writes the party (and outbox row) and the event in SQLite, then sends the
   * event to every host (serialized once) and a status to each guest whose own view changed.
   */
  private commit(at: number, mutate: (version: number) => { party?: Party; tokenHash?: string; message: (v: number) => HostServerMessage }) {
    const guests = this.guestSockets();
    const watched = new Set(guests.map((g) => g.partyId));
    const before = this.guestStatuses(at, watched);
    const intervalsBefore = this.intervals(at);

    const version = this.nextVersion();
    const change = mutate(version);
    if (change.party) this.writeParty(change.party, change.tokenHash);
    const message = JSON.stringify(change.message(version));
    this.sql.exec("INSERT INTO events (version, message) VALUES (?, ?)", version, message);
    if (version % 100 === 0) this.sql.exec("DELETE FROM events WHERE version <= ?", version - EVENT_LOG_SIZE);
    this.broadcast(this.ctx.getWebSockets("host"), message);

    if (change.party?.state === "seated" && change.party.seatedAt === at) {
      const local = localWeekdayHour(at, this.location?.timezone ?? "UTC");
      this.sql.exec("INSERT INTO seatings (at, band, weekday, hour) VALUES (?, ?, ?, ?)", at, bandOf(change.party.size), local.weekday, local.hour);
      this.intervalsCache = null;
    }
    const intervalsAfter = this.intervals(at);
    let guestVersion = version;
    if (JSON.stringify(intervalsAfter) !== JSON.stringify(intervalsBefore)) {
      guestVersion = this.nextVersion();
      const m = JSON.stringify({ type: "event", version: guestVersion, event: "estimates.updated", intervals: intervalsAfter } satisfies HostServerMessage);
      this.sql.exec("INSERT INTO events (version, message) VALUES (?, ?)", guestVersion, m);
      this.broadcast(this.ctx.getWebSockets("host"), m);
    }

    if (guests.length > 0) {
      const after = this.guestStatuses(at, watched);
      const sent = new Map<string, string>();
      for (const g of guests) {
        const next = after.get(g.partyId);
        if (!next || next === before.get(g.partyId)) continue;
        // One serialization per guest update, shared by every socket of that party.
        let frame = sent.get(g.partyId);
        if (!frame) {
          frame = `{"type":"status","version":${guestVersion},${next.slice(1)}`;
          sent.set(g.partyId, frame);
        }
        this.broadcast([g.ws], frame);
      }
    }
    this.queueAlmostUp(at);
    this.scheduleAlarm(at + FLUSH_DELAY_MS);
    return version;
  }

  // ---- SMS ---------------------------------------------------------------------------------------

  private smsSettings(): SmsSettings {
    const raw = this.meta("sms");
    const saved = raw ? (JSON.parse(raw) as Partial<SmsSettings>) : {};
    return {
      almostUpPosition: saved.almostUpPosition ?? 3,
      primaryProvider: saved.primaryProvider ?? (this.env.SMS_PRIMARY_PROVIDER === "telnyx" ? "telnyx" : "twilio"),
      templates: { ...DEFAULT_TEMPLATES, ...saved.templates },
    };
  }

  /**
   * Queues a text to a party, only with a phone number and the guest's consent. It is kept in this
   * DO's SQLite with the change that caused it and carried to D1 and the queue by the alarm, so it is
   * never lost and never sent without the change having happened.
   */
  private queueSms(p: Pick<Party, "id" | "name" | "phone" | "smsConsent">, kind: TemplateKind | "custom", values: TemplateValues | { body: string }, at: number): string | null {
    if (!p.phone || !p.smsConsent) return null;
    let body: string;
    if (kind === "custom") body = (values as { body: string }).body;
    else {
      const template = this.smsSettings().templates[kind];
      if (!template.enabled) return null;
      body = renderTemplate(template.body, { name: p.name, restaurant: this.location?.name ?? "", ...(values as TemplateValues) });
    }
    const id = crypto.randomUUID();
    this.sql.exec("INSERT INTO sms_outbox (id, party_id, kind, to_phone, body, created_at) VALUES (?, ?, ?, ?, ?, ?)", id, p.id, kind, p.phone, body, at);
    this.scheduleAlarm(at);
    this.emit({
      event: "message.updated",
      message: { id, partyId: p.id, direction: "outbound", kind, body, status: "queued", provider: null, errorCode: null, errorMessage: null, createdAt: at, updatedAt: at },
    });
    return id;
  }

  /** "Almost up": once per party, when it first reaches the configured position while waiting. */
  private queueAlmostUp(at: number) {
    const threshold = this.smsSettings().almostUpPosition;
    const line = lineOrder([...this.active.values()]);
    const pos = positions(line);
    const intervals = this.intervals(at);
    for (const p of line.slice(0, threshold)) {
      if (p.state !== "waiting" || p.almostUpAt) continue;
      const x = pos.get(p.id)!;
      const marked: Party = { ...p, almostUpAt: at };
      this.sql.exec("UPDATE parties SET almost_up_at = ? WHERE id = ?", at, p.id);
      this.active.set(p.id, marked);
      this.queueSms(marked, "almost_up", { position: x.position, wait: estimateMinutes(intervals[bandOf(p.size)].minutes, x.sameBandAhead) }, at);
    }
  }

  /** Sends to every open socket; a socket that fails to take a frame is closed (1011), never retried. */
  private broadcast(sockets: WebSocket[], frame: string) {
    for (const ws of sockets) {
      if (ws.readyState !== WebSocket.OPEN) continue;
      try {
        ws.send(frame);
      } catch {
        try {
          ws.close(1011, "send failed");
        } catch {
          // already gone
        }
      }
    }
  }

  private scheduleAlarm(at: number) {
    if (this.alarmAt !== null && this.alarmAt <= at) return;
    this.alarmAt = at;
    void this.ctx.storage.setAlarm(at);
  }

  // ---- RPC: hosts and the API ------------------------------------------------------------------

  async list(loc: LocationRef): Promise<{ version: number; parties: RankedPartyView[]; settings: WaitlistSettings; intervals: Intervals }> {
    this.useLocation(loc);
    const at = Date.now();
    return { version: this.version, parties: this.ranked(at), settings: this.settings, intervals: this.intervals(at) };
  }

  async getParty(loc: LocationRef, partyId: string): Promise<DoResult<RankedPartyView>> {
    this.useLocation(loc);
    const p = this.readParty(partyId);
    return p ? ok(this.rankedOne(p, Date.now())) : fail(404, "not_found", "Party not found.");
  }

  async add(loc: LocationRef, input: NewParty, idempotency?: { key: string; requestHash: string }): Promise<DoResult<AddedParty>> {
    this.useLocation(loc);
    const at = Date.now();
    if (idempotency) {
      this.sql.exec("DELETE FROM idempotency WHERE created_at < ?", at - IDEMPOTENCY_TTL_MS);
      const prior = this.sql.exec("SELECT request_hash, response FROM idempotency WHERE key = ?", idempotency.key).toArray()[0];
      if (prior) {
        if (prior.request_hash !== idempotency.requestHash) {
          return fail(422, "idempotency_key_reused", "This Idempotency-Key was used for a different request.");
        }
        // The stored answer has no token (tokens are never kept in clear); the link is derived again.
        const first = JSON.parse(prior.response as string) as { party: RankedPartyView };
        const current = this.readParty(first.party.id);
        const guestToken = await linkToken("guest", this.env.JWT_SECRET, loc.id, first.party.id);
        return ok({ party: current ? this.rankedOne(current, at) : first.party, guestToken });
      }
    }
    if (input.source === "self_check_in") {
      if (!this.settings.open) return fail(409, "waitlist_closed", "The waitlist is closed right now.");
      if (this.settings.maxLength !== null && this.active.size >= this.settings.maxLength) {
        return fail(409, "waitlist_full", "The waitlist is full right now.");
      }
    }
    const checked = this.checkInput(input);
    if (!checked.ok) return checked;
    const id = crypto.randomUUID();
    const token = await linkToken("guest", this.env.JWT_SECRET, loc.id, id);
    const tokenHash = await sha256Hex(token);
    // After everyone in line and everyone who could still be restored, so a restored party never
    // lands behind someone who joined after it.
    const maxRank = Math.max(0, ...this.restorableAndActive(at).map((p) => p.rank));
    const size = input.size;
    const party: Party = {
      id,
      name: input.name,
      phone: checked.value.phone,
      size,
      notes: input.notes ?? "",
      tags: input.tags ?? [],
      quotedWait: input.quotedWait ?? this.settings.quoteMinutes[bandOf(size)],
      source: input.source,
      smsConsent: input.smsConsent ?? false,
      state: "waiting",
      restoreState: null,
      rank: Math.floor(maxRank) + 1,
      createdAt: at,
      notifiedAt: null,
      notifyCount: 0,
      seatedAt: null,
      closedAt: null,
      updatedAt: at,
      version: 0,
      // Joining near the front: the "joined" text already says where they stand.
      almostUpAt: this.active.size + 1 <= this.smsSettings().almostUpPosition ? at : null,
      onMyWayAt: null,
    };
    this.commit(at, (version) => {
      party.version = version;
      return { party, tokenHash, message: (v) => ({ type: "event", version: v, event: "party.added", party: partyView(party) }) };
    });
    const result: AddedParty = { party: this.rankedOne(party, at), guestToken: token };
    this.queueSms(party, "joined", {
      position: result.party.position,
      wait: result.party.estimateMinutes ?? party.quotedWait,
      link: `${this.env.APP_URL.replace(/\/+$/, "")}/w/${token}`,
    }, at);
    if (idempotency) {
      this.sql.exec(
        "INSERT INTO idempotency (key, request_hash, response, created_at) VALUES (?, ?, ?, ?)",
        idempotency.key,
        idempotency.requestHash,
        JSON.stringify({ party: result.party }),
        at,
      );
    }
    return ok(result);
  }

  private checkInput(input: { size?: number; phone?: string | null }): DoResult<{ phone: string | null }> {
    if (input.size !== undefined && input.size > this.settings.maxPartySize) {
      return fail(400, "validation_failed", `Party size can be at most ${this.settings.maxPartySize} here.`);
    }
    if (input.phone === undefined || input.phone === null || input.phone === "") return ok({ phone: null });
    const phone = normalizePhone(input.phone, this.settings.phoneCountryCode);
    if (!phone) return fail(400, "validation_failed", "That phone number does not look valid. Include the country code, e.g. +1 212 555 0100.");
    return ok({ phone });
  }

  async update(loc: LocationRef, partyId: string, patch: PartyPatch): Promise<DoResult<RankedPartyView>> {
    this.useLocation(loc);
    const at = Date.now();
    const current = this.readParty(partyId);
    if (!current) return fail(404, "not_found", "Party not found.");
    if (!isActive(current.state)) return fail(409, "conflict", "Only parties still in line can be edited.");
    const checked = this.checkInput(patch);
    if (!checked.ok) return checked;
    const next: Party = {
      ...current,
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.phone !== undefined && { phone: checked.value.phone }),
      ...(patch.size !== undefined && { size: patch.size }),
      ...(patch.notes !== undefined && { notes: patch.notes }),
      ...(patch.tags !== undefined && { tags: patch.tags }),
      ...(patch.quotedWait != null && { quotedWait: patch.quotedWait }),
      ...(patch.smsConsent !== undefined && { smsConsent: patch.smsConsent }),
      updatedAt: at,
    };
    this.commit(at, (version) => {
      next.version = version;
      return { party: next, message: (v) => ({ type: "event", version: v, event: "party.updated", party: partyView(next) }) };
    });
    return ok(this.rankedOne(next, at));
  }

  async act(loc: LocationRef, partyId: string, action: PartyAction): Promise<DoResult<RankedPartyView>> {
    this.useLocation(loc);
    const at = Date.now();
    const current = this.readParty(partyId);
    if (!current) return fail(404, "not_found", "Party not found.");
    let next: Party;
    try {
      next = transition(current, action, at);
    } catch (err) {
      if (err instanceof TransitionError) return fail(409, "invalid_transition", err.message);
      throw err;
    }
    this.commit(at, (version) => {
      next.version = version;
      return { party: next, message: (v) => ({ type: "event", version: v, event: "party.state_changed", party: partyView(next) }) };
    });
    if (action === "notify") this.queueSms(next, "table_ready", {}, at);
    else if (action === "cancel") this.queueSms(next, "cancelled", {}, at);
    return ok(this.rankedOne(next, at));
  }

  async move(loc: LocationRef, partyId: string, position: number): Promise<DoResult<RankedPartyView>> {
    this.useLocation(loc);
    const at = Date.now();
    const current = this.readParty(partyId);
    if (!current) return fail(404, "not_found", "Party not found.");
    if (!isActive(current.state)) return fail(409, "invalid_transition", "Only parties still in line can be moved.");
    const others = lineOrder([...this.active.values()]).filter((p) => p.id !== partyId);
    let rank = rankForPosition(others, position);
    if (rank === null) {
      // Ranks too close to split: renumber (rare), then place.
      this.commitRenumber(at, partyId);
      rank = rankForPosition(lineOrder([...this.active.values()]).filter((p) => p.id !== partyId), position)!;
    }
    const next: Party = { ...this.readParty(partyId)!, rank, updatedAt: at };
    this.commit(at, (version) => {
      next.version = version;
      return { party: next, message: (v) => ({ type: "event", version: v, event: "party.moved", party: partyView(next) }) };
    });
    return ok(this.rankedOne(next, at));
  }

  /** Parties in line and parties closed recently enough to be restored (they keep a place). */
  private restorableAndActive(at: number): Party[] {
    const closed = this.sql
      .exec("SELECT * FROM parties WHERE closed_at IS NOT NULL AND closed_at >= ?", at - RESTORE_WINDOW_MS)
      .toArray()
      .map(rowToParty);
    return [...this.active.values(), ...closed];
  }

  /**
   * Renumbers ranks 1..n over the line and the restorable closed parties together, so a closed party
   * keeps its place between the same neighbours. Parties in line are announced; closed ones, which
   * hosts do not show, change silently (their rank travels with them if restored).
   */
  private commitRenumber(at: number, except: string) {
    const all = this.restorableAndActive(at)
      .filter((p) => p.id !== except)
      .sort((a, b) => a.rank - b.rank || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    all.forEach((p, i) => {
      const next: Party = { ...p, rank: i + 1, updatedAt: at };
      if (!isActive(p.state)) {
        this.sql.exec("UPDATE parties SET rank = ? WHERE id = ?", next.rank, p.id);
        return;
      }
      this.commit(at, (version) => {
        next.version = version;
        return { party: next, message: (v) => ({ type: "event", version: v, event: "party.moved", party: partyView(next) }) };
      });
    });
  }

  async getSettings(loc: LocationRef): Promise<WaitlistSettings> {
    this.useLocation(loc);
    return this.settings;
  }

  async updateSettings(loc: LocationRef, patch: SettingsPatch): Promise<WaitlistSettings> {
    this.useLocation(loc);
    const at = Date.now();
    const next: WaitlistSettings = {
      ...this.settings,
      ...patch,
      quoteMinutes: { ...this.settings.quoteMinutes, ...stripUndefined(patch.quoteMinutes) },
      intervalMinutes: { ...this.settings.intervalMinutes, ...stripUndefined(patch.intervalMinutes) },
    };
    // Applied inside the commit, after it has taken the guests' statuses and the intervals as they
    // were: new default intervals change estimates, which guests and hosts must then be sent.
    this.commit(at, () => {
      this.settings = next;
      this.setMeta("settings", JSON.stringify(next));
      this.intervalsCache = null;
      return { message: (v) => ({ type: "event", version: v, event: "settings.updated", settings: next }) };
    });
    return next;
  }

  /** A one-use ticket (60 s) that opens a host WebSocket; only its hash is stored. */
  async createTicket(loc: LocationRef, userId: string): Promise<{ ticket: string; expiresAt: number }> {
    this.useLocation(loc);
    const at = Date.now();
    const ticket = randomToken();
    this.sql.exec("DELETE FROM tickets WHERE expires_at <= ?", at);
    this.sql.exec("INSERT INTO tickets (hash, user_id, expires_at) VALUES (?, ?, ?)", await sha256Hex(ticket), userId, at + TICKET_TTL_MS);
    return { ticket, expiresAt: at + TICKET_TTL_MS };
  }

  // ---- RPC: guests -----------------------------------------------------------------------------

  private async partyByToken(token: string, at: number): Promise<DoResult<Party>> {
    const row = this.sql.exec("SELECT * FROM parties WHERE token_hash = ?", await sha256Hex(token)).toArray()[0];
    if (!row) return fail(404, "not_found", "This link is not valid.");
    const p = this.active.get(row.id as string) ?? rowToParty(row);
    if (p.closedAt !== null && at - p.closedAt > GUEST_TOKEN_GRACE_MS) return fail(410, "gone", "This link has expired.");
    return ok(p);
  }

  async guestStatus(loc: LocationRef, token: string): Promise<DoResult<GuestStatusAnswer>> {
    this.useLocation(loc);
    const at = Date.now();
    const found = await this.partyByToken(token, at);
    if (!found.ok) return found;
    const p = found.value;
    const status = JSON.parse(this.guestStatuses(at, new Set([p.id])).get(p.id)!) as GuestStatus;
    return ok({ restaurant: loc.name, partyName: p.name, size: p.size, ...status, onMyWayAt: p.onMyWayAt ?? null });
  }

  /** The guest taps "I'm on my way": the same mark as an SMS reply of "1"; repeating it changes nothing. */
  async guestOnMyWay(loc: LocationRef, token: string): Promise<DoResult<GuestStatusAnswer>> {
    this.useLocation(loc);
    const at = Date.now();
    const found = await this.partyByToken(token, at);
    if (!found.ok) return found;
    const p = this.active.get(found.value.id) ?? found.value;
    if (!isActive(p.state)) return fail(409, "invalid_transition", "This party is no longer in line.");
    if (!p.onMyWayAt) this.markOnMyWay(p, at);
    return this.guestStatus(loc, token);
  }

  private markOnMyWay(p: Party, at: number) {
    const next: Party = { ...p, onMyWayAt: at, updatedAt: at };
    this.commit(at, (version) => {
      next.version = version;
      return { party: next, message: (v) => ({ type: "event", version: v, event: "party.updated", party: partyView(next) }) };
    });
  }

  async guestLeave(loc: LocationRef, token: string): Promise<DoResult<GuestStatus>> {
    this.useLocation(loc);
    const at = Date.now();
    const found = await this.partyByToken(token, at);
    if (!found.ok) return found;
    if (found.value.state === "left") {
      return ok(JSON.parse(this.guestStatuses(at, new Set([found.value.id])).get(found.value.id)!) as GuestStatus);
    }
    const result = await this.act(loc, found.value.id, "leave");
    if (!result.ok) return result;
    return ok(JSON.parse(this.guestStatuses(at, new Set([found.value.id])).get(found.value.id)!) as GuestStatus);
  }

  async publicInfo(loc: LocationRef): Promise<{ open: boolean; full: boolean; maxPartySize: number; inLine: number; estimates: { size: number; estimateMinutes: number }[] }> {
    this.useLocation(loc);
    const at = Date.now();
    const parties = [...this.active.values()];
    return {
      open: this.settings.open,
      full: this.settings.maxLength !== null && parties.length >= this.settings.maxLength,
      maxPartySize: this.settings.maxPartySize,
      inLine: parties.length,
      estimates: joinEstimates(parties, this.intervals(at), this.settings.maxPartySize),
    };
  }

  /**
   * Retention: deletes the parties created before `before` (whatever their state), with everything
   * that could still carry their data — outbox rows, the event log, idempotency answers — and closes
   * their guests' sockets. Host screens get a fresh snapshot.
   */
  async purgeCustomerData(loc: LocationRef, before: number): Promise<number> {
    this.useLocation(loc);
    const doomedBookings = this.sql.exec("SELECT COUNT(*) AS n FROM reservations WHERE created_at < ?", before).one().n as number;
    if (doomedBookings > 0) {
      this.sql.exec("DELETE FROM reservation_outbox WHERE reservation_id IN (SELECT id FROM reservations WHERE created_at < ?)", before);
      this.sql.exec("DELETE FROM schedule WHERE ref IN (SELECT id FROM reservations WHERE created_at < ?)", before);
      this.sql.exec("DELETE FROM sms_outbox WHERE party_id IN (SELECT id FROM reservations WHERE created_at < ?)", before);
      this.sql.exec("DELETE FROM reservations WHERE created_at < ?", before);
    }
    const doomed = this.sql.exec("SELECT id FROM parties WHERE created_at < ?", before).toArray().map((r) => r.id as string);
    if (doomed.length === 0 && doomedBookings === 0) return 0;
    const gone = new Set(doomed);
    this.sql.exec("DELETE FROM outbox WHERE party_id IN (SELECT id FROM parties WHERE created_at < ?)", before);
    this.sql.exec("DELETE FROM sms_outbox WHERE party_id IN (SELECT id FROM parties WHERE created_at < ?)", before);
    this.sql.exec("DELETE FROM parties WHERE created_at < ?", before);
    this.sql.exec("DELETE FROM events");
    this.sql.exec("DELETE FROM idempotency");
    for (const id of gone) this.active.delete(id);
    for (const g of this.guestSockets()) {
      if (!gone.has(g.partyId)) continue;
      try {
        g.ws.close(1000, "deleted under the data retention policy");
      } catch {
        // already closed
      }
    }
    this.nextVersion();
    const at = Date.now();
    for (const ws of this.ctx.getWebSockets("host")) this.sendCatchUp(ws, null, at);
    return doomed.length + doomedBookings;
  }

  async getSmsSettings(loc: LocationRef): Promise<SmsSettings> {
    this.useLocation(loc);
    return this.smsSettings();
  }

  async updateSmsSettings(loc: LocationRef, patch: { almostUpPosition?: number; primaryProvider?: SmsSettings["primaryProvider"]; templates?: Partial<Record<TemplateKind, Partial<Template>>> }): Promise<SmsSettings> {
    this.useLocation(loc);
    const current = this.smsSettings();
    const templates = { ...current.templates };
    for (const [kind, t] of Object.entries(patch.templates ?? {}) as [TemplateKind, Partial<Template>][]) {
      templates[kind] = { ...templates[kind], ...stripUndefined(t) };
    }
    const next: SmsSettings = {
      almostUpPosition: patch.almostUpPosition ?? current.almostUpPosition,
      primaryProvider: patch.primaryProvider ?? current.primaryProvider,
      templates,
    };
    this.setMeta("sms", JSON.stringify(next));
    // A nearer threshold may already be reached by parties in line.
    this.queueAlmostUp(Date.now());
    return next;
  }

  /** A host's own text to a party (needs a phone number and the guest's consent). */
  async sendText(loc: LocationRef, partyId: string, body: string): Promise<DoResult<{ messageId: string }>> {
    this.useLocation(loc);
    const p = this.readParty(partyId);
    if (!p) return fail(404, "not_found", "Party not found.");
    if (!p.phone) return fail(409, "conflict", "This party has no phone number.");
    if (!p.smsConsent) return fail(409, "conflict", "This guest has not agreed to texts.");
    const id = this.queueSms(p, "custom", { body }, Date.now());
    return id ? ok({ messageId: id }) : fail(409, "conflict", "This guest cannot be texted.");
  }

  /** A message's new status (sent, delivered, failed…) for the host screens. */
  async messageUpdated(loc: LocationRef, message: MessageView): Promise<void> {
    this.useLocation(loc);
    this.emit({ event: "message.updated", message });
  }

  /**
   * An event that changes no party (message traffic): versioned and logged for resume like every
   * other, sent to hosts only — guests' positions cannot have moved.
   */
  private emit(e: { event: "message.updated" | "message.received"; message: MessageView }) {
    const version = this.nextVersion();
    const frame = JSON.stringify({ type: "event", version, ...e } satisfies HostServerMessage);
    this.sql.exec("INSERT INTO events (version, message) VALUES (?, ?)", version, frame);
    this.broadcast(this.ctx.getWebSockets("host"), frame);
  }

  /** A guest's reply: shown to hosts as part of the conversation; "1" and "9" act on the party. */
  async inboundMessage(loc: LocationRef, message: MessageView, intent: "on_my_way" | "leave" | "message"): Promise<void> {
    this.useLocation(loc);
    const at = Date.now();
    const p = message.partyId ? this.readParty(message.partyId) : null;
    if (p && isActive(p.state) && intent === "on_my_way") {
      this.markOnMyWay(p, at);
    } else if (p && isActive(p.state) && intent === "leave") {
      await this.act(loc, p.id, "leave");
    } else if (!p && message.partyId && intent !== "message") {
      // The last text to this number was about a reservation: "1" confirms it, "9" cancels it.
      const r = readReservation(this.sql, message.partyId);
      if (r && intent === "on_my_way" && r.status === "booked") this.applyReservationAction(r, "confirm", at);
      if (r && intent === "leave" && (r.status === "booked" || r.status === "confirmed")) this.applyReservationAction(r, "cancel", at);
    }
    this.emit({ event: "message.received", message });
  }

  /** Deletes everything this location holds (the location itself was deleted). */
  async destroy(): Promise<void> {
    for (const ws of this.ctx.getWebSockets()) {
      try {
        ws.close(1000, "location deleted");
      } catch {
        // already closed
      }
    }
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
    this.alarmAt = null;
    this.active.clear();
    this.version = 0;
    this.location = null;
    this.settings = DEFAULT_SETTINGS;
    this.migrate();
  }

  // ---- WebSockets --------------------------------------------------------------------------------

  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get("Upgrade")?.toLowerCase() !== "websocket") {
      return Response.json({ error: { code: "upgrade_required", message: "Open this URL as a WebSocket.", details: [] } }, { status: 426 });
    }
    const url = new URL(request.url);
    const since = url.searchParams.get("since");
    const sinceVersion = since !== null && /^\d{1,15}$/.test(since) ? Number(since) : null;
    const at = Date.now();
    if (url.pathname === "/host") {
      const ticket = url.searchParams.get("ticket") ?? "";
      const row = this.sql
        .exec("DELETE FROM tickets WHERE hash = ? AND expires_at > ? RETURNING user_id", await sha256Hex(ticket), at)
        .toArray()[0];
      if (!row) return wsRefusal(401, "unauthorized", "This live ticket is not valid, was already used or has expired.");
      const pair = new WebSocketPair();
      this.ctx.acceptWebSocket(pair[1], ["host"]);
      pair[1].serializeAttachment({ kind: "host", userId: row.user_id as string } satisfies Attachment);
      this.sendCatchUp(pair[1], sinceVersion, at);
      return new Response(null, { status: 101, webSocket: pair[0] });
    }
    if (url.pathname === "/guest") {
      const found = await this.partyByToken(url.searchParams.get("token") ?? "", at);
      if (!found.ok) return wsRefusal(found.status, found.code, found.message);
      const pair = new WebSocketPair();
      this.ctx.acceptWebSocket(pair[1], ["guest"]);
      pair[1].serializeAttachment({ kind: "guest", partyId: found.value.id } satisfies Attachment);
      this.sendGuestStatus(pair[1], found.value.id, at);
      return new Response(null, { status: 101, webSocket: pair[0] });
    }
    return wsRefusal(404, "not_found", "No such live channel.");
  }

  /** Missed events since `since` when they are still held, else a full snapshot. */
  private sendCatchUp(ws: WebSocket, since: number | null, at: number) {
    if (since !== null && since <= this.version) {
      const oldest = this.sql.exec("SELECT MIN(version) AS v FROM events").toArray()[0]?.v as number | null;
      if (since === this.version || (oldest !== null && oldest <= since + 1)) {
        for (const r of this.sql.exec("SELECT message FROM events WHERE version > ? ORDER BY version", since)) {
          ws.send(r.message as string);
        }
        return;
      }
    }
    const snapshot: HostServerMessage = {
      type: "snapshot",
      version: this.version,
      parties: this.ranked(at),
      settings: this.settings,
      intervals: this.intervals(at),
    };
    ws.send(JSON.stringify(snapshot));
  }

  private sendGuestStatus(ws: WebSocket, partyId: string, at: number) {
    const status = this.guestStatuses(at, new Set([partyId])).get(partyId);
    if (status) ws.send(`{"type":"status","version":${this.version},${status.slice(1)}`);
  }

  override async webSocketMessage(ws: WebSocket, data: string | ArrayBuffer) {
    const attachment = ws.deserializeAttachment() as Attachment | null;
    const msg = parseClientMessage(data);
    if (!msg || !attachment) {
      ws.send(JSON.stringify({ type: "error", code: "bad_message", message: 'Send {"type":"resume","version":N} or "ping".' }));
      return;
    }
    switch (msg.type) {
      case "resume":
        if (attachment.kind === "host") this.sendCatchUp(ws, msg.version, Date.now());
        else this.sendGuestStatus(ws, attachment.partyId, Date.now());
        return;
    }
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string) {
    // Answer the close handshake; 1005/1006/1015 are reserved and may not be sent back.
    try {
      ws.close(code === 1005 || code === 1006 || code === 1015 ? 1000 : code, reason);
    } catch {
      // already closed
    }
  }

  override async webSocketError(ws: WebSocket) {
    try {
      ws.close(1011, "error");
    } catch {
      // already closed
    }
  }

  // ---- alarm: outbox to D1, purge ------------------------------------------------------------------

  override async alarm() {
    this.alarmAt = null;
    const at = Date.now();
    const loc = this.location;
    let pending = 0;
    // Due reminders and no-shows first, so the texts and changes they make go out in this same run.
    await this.runSchedule(at);
    if (loc) {
      try {
        pending += await flushSmsOutbox(this.sql, this.env.DB, this.env.OUTBOUND, loc, this.smsSettings().primaryProvider);
        pending += await flushOutbox(this.sql, this.env.DB, loc);
        pending += await flushReservationOutbox(this.sql, this.env.DB, loc);
        this.flushFailures = 0;
      } catch (err) {
        this.flushFailures += 1;
        console.error(JSON.stringify({ level: "error", msg: "outbox flush failed", locationId: loc.id, attempt: this.flushFailures, error: String(err) }));
        pending = 1;
      }
    }
    this.purge(at);
    // One alarm for everything: the earliest of a flush retry, the next schedule entry and the next purge.
    const retry = pending > 0 ? at + (this.flushFailures === 0 ? 0 : Math.min(MAX_FLUSH_BACKOFF_MS, FLUSH_DELAY_MS * 2 ** this.flushFailures)) : null;
    // When the oldest closed party (or old reservation) may be dropped from the DO (it is in D1 by then).
    const closed = this.sql.exec("SELECT MIN(closed_at) AS c FROM parties WHERE closed_at IS NOT NULL").toArray()[0]?.c as number | null;
    const oldBooking = this.sql.exec("SELECT MIN(end_at) AS e FROM reservations").toArray()[0]?.e as number | null;
    const purgeAt = earliest(closed === null ? null : closed + GUEST_TOKEN_GRACE_MS + 1, oldBooking === null ? null : oldBooking + RESERVATION_KEEP_MS + 1);
    const next = earliest(retry, nextScheduled(this.sql), purgeAt === null ? null : Math.max(at + FLUSH_DELAY_MS, purgeAt));
    if (next !== null) this.scheduleAlarm(Math.max(next, at));
  }

  /**
   * Runs the schedule entries due at `at`. Each entry is deleted in the same synchronous turn as the
   * change it makes, and re-checked against the reservation first, so a repeated alarm does nothing twice.
   */
  private async runSchedule(at: number) {
    const loc = this.location;
    for (const entry of dueEntries(this.sql, at)) {
      // The link is derived (never stored in clear); derive it before the synchronous part.
      const link = entry.kind === "reminder" && loc ? await this.manageUrl(loc.id, entry.reservationId) : null;
      const r = readReservation(this.sql, entry.reservationId);
      this.sql.exec("DELETE FROM schedule WHERE kind = ? AND ref = ?", entry.kind, entry.reservationId);
      if (!r || !stillDue(entry, r, this.bookingSettings, at)) {
        if (r) writeSchedule(this.sql, r.id, entriesFor(r, this.bookingSettings));
        continue;
      }
      if (entry.kind === "no_show") {
        this.applyReservationAction(r, "no-show", at);
      } else {
        const next: Reservation = { ...r, reminderSentAt: at, updatedAt: at };
        this.commitReservation(at, next, "reservation.updated");
        this.queueSms(next, "reservation_reminder", { link, time: this.whenText(next.start) }, at);
      }
    }
  }

  /** A DO keeps what is live: closed parties leave once flushed and their guest link has lapsed. */
  private purge(at: number) {
    this.sql.exec(
      `DELETE FROM parties WHERE closed_at IS NOT NULL AND closed_at < ? AND id NOT IN (SELECT party_id FROM outbox)`,
      at - GUEST_TOKEN_GRACE_MS,
    );
    this.sql.exec("DELETE FROM seatings WHERE at < ?", at - HISTORY_WINDOW_MS);
    this.sql.exec("DELETE FROM idempotency WHERE created_at < ?", at - IDEMPOTENCY_TTL_MS);
    this.sql.exec("DELETE FROM tickets WHERE expires_at <= ?", at);
    this.sql.exec(
      `DELETE FROM schedule WHERE ref IN (SELECT id FROM reservations WHERE end_at < ? AND id NOT IN (SELECT reservation_id FROM reservation_outbox))`,
      at - RESERVATION_KEEP_MS,
    );
    this.sql.exec("DELETE FROM reservations WHERE end_at < ? AND id NOT IN (SELECT reservation_id FROM reservation_outbox)", at - RESERVATION_KEEP_MS);
  }

  // ---- reservations -------------------------------------------------------------------------------

  private async manageUrl(locationId: string, reservationId: string): Promise<string> {
    return `${this.env.APP_URL.replace(/\/+$/, "")}/book/${await linkToken("reservation", this.env.JWT_SECRET, locationId, reservationId)}`;
  }

  /** "Sat 5 Dec, 19:30" in the location's zone, for texts. */
  private whenText(at: number): string {
    const tz = this.location?.timezone ?? "UTC";
    const day = new Intl.DateTimeFormat("en-GB", { timeZone: tz, weekday: "short", day: "numeric", month: "short" }).format(at);
    const p = localParts(at, tz);
    return `${day}, ${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")}`;
  }

  /** The book around `at` (a day either side is more than any dining duration). */
  private bookAround(from: number, to: number): Book {
    return {
      settings: this.bookingSettings,
      timeZone: this.location?.timezone ?? "UTC",
      tables: readTables(this.sql),
      combinations: readCombinations(this.sql),
      reservations: reservationsBetween(this.sql, from - 86_400_000, to + 86_400_000),
    };
  }

  /** Writes a reservation change through the one commit path (versioned event, outbox, schedule). */
  private commitReservation(at: number, r: Reservation, event: "reservation.created" | "reservation.updated", tokenHash?: string) {
    this.commit(at, (version) => {
      r.version = version;
      writeReservation(this.sql, r, tokenHash);
      writeSchedule(this.sql, r.id, entriesFor(r, this.bookingSettings));
      if (r.status === "seated" && r.seatedAt === at) {
        // A seated booking counts as a seating for the walk-in estimates, like a seated party.
        const local = localWeekdayHour(at, this.location?.timezone ?? "UTC");
        this.sql.exec("INSERT INTO seatings (at, band, weekday, hour) VALUES (?, ?, ?, ?)", at, bandOf(r.partySize), local.weekday, local.hour);
        this.intervalsCache = null;
      }
      return { message: (v) => ({ type: "event", version: v, event, reservation: reservationView(r) }) };
    });
    const due = nextScheduled(this.sql);
    if (due !== null) this.scheduleAlarm(due);
  }

  private applyReservationAction(r: Reservation, action: ReservationAction, at: number): DoResult<Reservation> {
    let next: Reservation;
    try {
      next = reservationTransition(r, action, at);
    } catch (err) {
      if (err instanceof ReservationTransitionError) return fail(409, "invalid_transition", err.message);
      throw err;
    }
    this.commitReservation(at, next, "reservation.updated");
    return ok(next);
  }

  private slotDetails(book: Book, start: number, partySize: number, at: number, online: boolean, exceptId?: string) {
    const date = localDate(start, book.timeZone);
    const free = availableSlots(book, date, partySize, at, { online, exceptId });
    return nearestSlots(free, start).map((s) => ({ start: new Date(s.start).toISOString(), localTime: s.localTime, message: `Free at ${s.localTime}.` }));
  }

  private checkPhone(phone: string | null | undefined): DoResult<string | null> {
    if (phone === undefined || phone === null || phone === "") return ok(null);
    const normalized = normalizePhone(phone, this.settings.phoneCountryCode);
    return normalized ? ok(normalized) : fail(400, "validation_failed", "That phone number does not look valid. Include the country code, e.g. +1 212 555 0100.");
  }

  async listReservations(loc: LocationRef, date?: string): Promise<{ date: string; timezone: string; reservations: ReservationView[] }> {
    this.useLocation(loc);
    const day = date ?? localDate(Date.now(), loc.timezone);
    const from = startOfLocalDay(day, loc.timezone);
    const to = startOfLocalDay(addDays(day, 1), loc.timezone);
    const list = this.sql.exec("SELECT * FROM reservations WHERE start_at >= ? AND start_at < ? ORDER BY start_at, id", from, to).toArray().map(rowToReservation);
    return { date: day, timezone: loc.timezone, reservations: list.map(reservationView) };
  }

  async getReservation(loc: LocationRef, id: string): Promise<DoResult<ReservationView>> {
    this.useLocation(loc);
    const r = readReservation(this.sql, id);
    return r ? ok(reservationView(r)) : fail(404, "not_found", "Reservation not found.");
  }

  async createReservation(loc: LocationRef, input: NewReservation): Promise<DoResult<{ reservation: ReservationView; token: string; manageUrl: string }>> {
    this.useLocation(loc);
    const phone = this.checkPhone(input.phone);
    if (!phone.ok) return phone;
    const id = crypto.randomUUID();
    const manageUrl = await this.manageUrl(loc.id, id);
    const token = manageUrl.split("/book/")[1]!;
    const tokenHash = await sha256Hex(token);
    // From here to the write, nothing awaits: the check and the booking happen in one turn of the
    // DO, so concurrent bookings are serialized and a table is never sold twice.
    const at = Date.now();
    const book = this.bookAround(input.start, input.start);
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
    this.commitReservation(at, r, "reservation.created", tokenHash);
    this.queueSms(r, "reservation_confirmation", { link: manageUrl, time: this.whenText(r.start) }, at);
    return ok({ reservation: reservationView(r), token, manageUrl });
  }

  /** A change to a reservation; time, size, duration and tables are checked again like a new booking. */
  private changeReservation(current: Reservation, patch: ReservationPatch, source: ReservationSource, at: number): DoResult<Reservation> {
    if (current.status === "completed" || current.status === "cancelled" || current.status === "no_show") {
      return fail(409, "invalid_transition", `A ${current.status.replace("_", "-")} reservation cannot be changed.`);
    }
    const phone = patch.phone !== undefined ? this.checkPhone(patch.phone) : ok(current.phone);
    if (!phone.ok) return phone;
    const start = patch.start ?? current.start;
    const partySize = patch.partySize ?? current.partySize;
    const currentMinutes = Math.round((current.end - current.start) / 60_000);
    const durationMinutes = patch.durationMinutes ?? (patch.partySize !== undefined && patch.partySize !== current.partySize ? durationFor(this.bookingSettings, partySize) : currentMinutes);
    const rebook = start !== current.start || partySize !== current.partySize || durationMinutes !== currentMinutes || patch.tableIds !== undefined;
    let end = current.end;
    let tableIds = current.tableIds;
    if (rebook) {
      if ((start !== current.start || partySize !== current.partySize) && !canReschedule(current.status)) {
        return fail(409, "invalid_transition", `The time and size of a ${current.status} reservation can no longer be changed.`);
      }
      const book = this.bookAround(start, start);
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
    this.commitReservation(at, next, "reservation.updated");
    return ok(next);
  }

  async updateReservation(loc: LocationRef, id: string, patch: ReservationPatch): Promise<DoResult<ReservationView>> {
    this.useLocation(loc);
    const current = readReservation(this.sql, id);
    if (!current) return fail(404, "not_found", "Reservation not found.");
    const result = this.changeReservation(current, patch, "host", Date.now());
    return result.ok ? ok(reservationView(result.value)) : result;
  }

  async actOnReservation(loc: LocationRef, id: string, action: ReservationAction): Promise<DoResult<ReservationView>> {
    this.useLocation(loc);
    const current = readReservation(this.sql, id);
    if (!current) return fail(404, "not_found", "Reservation not found.");
    const result = this.applyReservationAction(current, action, Date.now());
    return result.ok ? ok(reservationView(result.value)) : result;
  }

  async availability(loc: LocationRef, date: string, partySize: number): Promise<{ slots: Slot[]; maxPartySize: number }> {
    this.useLocation(loc);
    const from = startOfLocalDay(date, loc.timezone);
    const book = this.bookAround(from, from + 86_400_000);
    return { slots: availableSlots(book, date, partySize, Date.now(), { online: true }), maxPartySize: this.bookingSettings.maxOnlinePartySize };
  }

  // ---- reservations: guests by their manage link ----------------------------------------------------

  private async reservationByToken(token: string): Promise<DoResult<Reservation>> {
    const row = this.sql.exec("SELECT * FROM reservations WHERE token_hash = ?", await sha256Hex(token)).toArray()[0];
    return row ? ok(rowToReservation(row)) : fail(404, "not_found", "This link is not valid.");
  }

  private guestView(r: Reservation, at: number) {
    const cutoff = r.start - this.bookingSettings.cutoffMinutes * 60_000;
    const open = canReschedule(r.status);
    return { reservation: r, canChange: open && at < cutoff, changeCutoffAt: open ? cutoff : null };
  }

  async guestReservation(loc: LocationRef, token: string): Promise<DoResult<{ reservation: Reservation; canChange: boolean; changeCutoffAt: number | null }>> {
    this.useLocation(loc);
    const found = await this.reservationByToken(token);
    return found.ok ? ok(this.guestView(found.value, Date.now())) : found;
  }

  async guestChangeReservation(loc: LocationRef, token: string, patch: { start?: number; partySize?: number }): Promise<DoResult<Reservation>> {
    this.useLocation(loc);
    const found = await this.reservationByToken(token);
    if (!found.ok) return found;
    const at = Date.now();
    const view = this.guestView(found.value, at);
    if (!view.canChange) return fail(409, "invalid_transition", "This reservation can no longer be changed online; please call the restaurant.");
    return this.changeReservation(found.value, { start: patch.start, partySize: patch.partySize }, "online", at);
  }

  async guestCancelReservation(loc: LocationRef, token: string): Promise<DoResult<Reservation>> {
    this.useLocation(loc);
    const found = await this.reservationByToken(token);
    if (!found.ok) return found;
    const at = Date.now();
    if (found.value.status === "cancelled") return ok(found.value);
    if (!this.guestView(found.value, at).canChange) return fail(409, "invalid_transition", "This reservation can no longer be cancelled online; please call the restaurant.");
    return this.applyReservationAction(found.value, "cancel", at);
  }

  // ---- tables and booking settings ------------------------------------------------------------------

  async listTables(loc: LocationRef): Promise<{ tables: Table[]; combinations: Combination[] }> {
    this.useLocation(loc);
    return { tables: readTables(this.sql), combinations: readCombinations(this.sql) };
  }

  private tablesChanged(at: number) {
    const tables = readTables(this.sql);
    const combinations = readCombinations(this.sql);
    this.commit(at, () => ({ message: (v) => ({ type: "event", version: v, event: "tables.updated", tables, combinations }) }));
    return { tables, combinations };
  }

  async createTable(loc: LocationRef, input: Omit<Table, "id">): Promise<DoResult<{ table: Table; tables: Table[]; combinations: Combination[] }>> {
    this.useLocation(loc);
    if (input.minSeats > input.maxSeats) return fail(400, "validation_failed", "minSeats cannot be more than maxSeats.");
    const at = Date.now();
    const table: Table = { id: crypto.randomUUID(), ...input };
    writeTable(this.sql, table, at);
    return ok({ table, ...this.tablesChanged(at) });
  }

  async createCombination(loc: LocationRef, input: Omit<Combination, "id">): Promise<DoResult<{ combination: Combination; tables: Table[]; combinations: Combination[] }>> {
    this.useLocation(loc);
    const known = new Set(readTables(this.sql).map((t) => t.id));
    const unknown = input.tableIds.find((id) => !known.has(id));
    if (unknown) return fail(400, "validation_failed", `Unknown table: ${unknown}.`);
    if (input.minSeats > input.maxSeats) return fail(400, "validation_failed", "minSeats cannot be more than maxSeats.");
    const at = Date.now();
    const combination: Combination = { id: crypto.randomUUID(), ...input, tableIds: [...new Set(input.tableIds)] };
    writeCombination(this.sql, combination, at);
    return ok({ combination, ...this.tablesChanged(at) });
  }

  async updateTable(loc: LocationRef, id: string, patch: Partial<Omit<Table, "id">> & { tableIds?: string[] }): Promise<DoResult<{ table?: Table; combination?: Combination; tables: Table[]; combinations: Combination[] }>> {
    this.useLocation(loc);
    const at = Date.now();
    const table = readTables(this.sql).find((t) => t.id === id);
    if (table) {
      const { tableIds: _ignored, ...fields } = patch;
      const next: Table = { ...table, ...stripUndefined(fields) };
      if (next.minSeats > next.maxSeats) return fail(400, "validation_failed", "minSeats cannot be more than maxSeats.");
      writeTable(this.sql, next, at);
      return ok({ table: next, ...this.tablesChanged(at) });
    }
    const combo = readCombinations(this.sql).find((c) => c.id === id);
    if (!combo) return fail(404, "not_found", "Table not found.");
    const next: Combination = {
      ...combo,
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.minSeats !== undefined && { minSeats: patch.minSeats }),
      ...(patch.maxSeats !== undefined && { maxSeats: patch.maxSeats }),
      ...(patch.tableIds !== undefined && { tableIds: [...new Set(patch.tableIds)] }),
    };
    const known = new Set(readTables(this.sql).map((t) => t.id));
    const unknown = next.tableIds.find((t) => !known.has(t));
    if (unknown) return fail(400, "validation_failed", `Unknown table: ${unknown}.`);
    if (next.minSeats > next.maxSeats) return fail(400, "validation_failed", "minSeats cannot be more than maxSeats.");
    writeCombination(this.sql, next, at);
    return ok({ combination: next, ...this.tablesChanged(at) });
  }

  async deleteTable(loc: LocationRef, id: string): Promise<DoResult<{ tables: Table[]; combinations: Combination[] }>> {
    this.useLocation(loc);
    const at = Date.now();
    const isTable = readTables(this.sql).some((t) => t.id === id);
    const isCombo = readCombinations(this.sql).some((c) => c.id === id);
    if (!isTable && !isCombo) return fail(404, "not_found", "Table not found.");
    if (isTable) {
      const booked = reservationsBetween(this.sql, at, Number.MAX_SAFE_INTEGER).some((r) => isHolding(r.status) && r.tableIds.includes(id));
      if (booked) return fail(409, "conflict", "This table has upcoming reservations; move them first, or set the table inactive.");
      this.sql.exec("DELETE FROM booking_tables WHERE id = ?", id);
      // A combination without one of its tables cannot be seated any more.
      for (const c of readCombinations(this.sql)) if (c.tableIds.includes(id)) this.sql.exec("DELETE FROM booking_combinations WHERE id = ?", c.id);
    } else {
      this.sql.exec("DELETE FROM booking_combinations WHERE id = ?", id);
    }
    return ok(this.tablesChanged(at));
  }

  async getBookingSettings(loc: LocationRef): Promise<BookingSettings> {
    this.useLocation(loc);
    return this.bookingSettings;
  }

  async updateBookingSettings(loc: LocationRef, next: BookingSettings): Promise<BookingSettings> {
    this.useLocation(loc);
    this.bookingSettings = next;
    this.setMeta("booking", JSON.stringify(next));
    // Reminder hours and the no-show grace apply to bookings already made.
    const at = Date.now();
    for (const r of reservationsBetween(this.sql, at - 86_400_000, Number.MAX_SAFE_INTEGER)) writeSchedule(this.sql, r.id, entriesFor(r, next));
    const due = nextScheduled(this.sql);
    if (due !== null) this.scheduleAlarm(due);
    return next;
  }
}

function stripUndefined<T extends object>(o: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function wsRefusal(status: number, code: string, message: string) {
  return Response.json({ error: { code, message, details: [] } }, { status });
}

export type { PartyView };
