// The Restaurant Durable Object: one per location (env.RESTAURANT.idFromName(locationId)), the
// single writer of its live waitlist and reservation book. This file is the runtime shell only: the
// entry points (one initialisation, fetch for WebSockets, webSocket*, alarm) and the RPC surface,
// bound to a location once (`at`), that delegates to the modules beside it. Its own SQLite is the
// source of truth; outboxes carry every change to D1 from the alarm.
import { hostMessageEvent } from "../domain/webhook-events";
import { DurableObject, RpcTarget } from "cloudflare:workers";
import type { BookingSettingsPatch, Combination, ReservationAction, Table } from "../domain/reservations/model";
import type { MessageView } from "../domain/sms/message-view";
import type { PartyAction } from "../domain/waitlist/model";
import { type HostServerMessage, type LocationRef, type LocationScope, type SettingsPatch } from "../domain/waitlist/protocol";
import type { RestaurantEnv } from "./env";
import { Idempotency, type IdempotencyKey } from "./idempotency";
import { linkToken } from "./links";
import { CLOSE, closeQuietly, echoCode } from "./live/close-codes";
import { Commits } from "./live/commit";
import { LiveHub, type Attachment } from "./live/hub";
import { Tickets } from "./live/tickets";
import { CLOSE as LIVE_CLOSE, type LiveRevocation } from "./live/authority";
import { closeSocket, HostAuthority, type TicketGrant } from "./live/host-authority";
import { FrameGate } from "./live/frame-gate";
import { Board } from "./live/board";
import { sha256Hex } from "../lib/crypto";
import { BoundLocation } from "./location";
import { KioskTokens } from "./kiosk";
import { ReservationBook, type NewReservation, type ReservationPatch } from "./reservations/book";
import { flushReservationOutbox } from "./reservations/outbox";
import { refreshFloorDays } from "./insights/refresh";
import { nextScheduled } from "./reservations/store";
import { Tables, type TablePatch } from "./reservations/tables";
import { FloorPlan, type SeatChoice } from "./reservations/floor";
import { purgeCustomerRows, purgeExpired } from "./retention";
import type { CustomerDataScope } from "../domain/customer-data";
import { Alarm } from "./schedule";
import { Texts, type SmsSettingsPatch } from "./sms/texts";
import { GuestEmails } from "./guest-emails";
import { migrate } from "./storage/migrations";
import { Meta } from "./storage/meta";
import { WaitlistDesk, type NewParty, type PartyPatch } from "./waitlist/desk";
import { Estimates } from "./waitlist/estimates";
import { Line } from "./waitlist/line";
import { HostWaits } from "./waitlist/host-waits";
import { flushOutbox, flushSmsOutbox } from "./waitlist/outbox";
import { Parties } from "./waitlist/parties";
import { FLUSH_DELAY_MS } from "../domain/wake";
import { WebhookOutbox } from "./webhooks/outbox";
import { Feedback, type FeedbackSettingsPatch } from "./feedback/requests";
import { readReservation } from "./reservations/store";
import { WidgetConfig } from "./widget";
import type { WidgetSettingsPatch } from "../domain/widget/settings";

export type { AddedParty, NewParty, PartyPatch } from "./waitlist/desk";
export type { NewReservation, ReservationPatch } from "./reservations/book";

/** forAccount's answer: an owned location comes with its RPC surface (the `at()` of the reference it names). */
export type ScopeAnswer = Exclude<LocationScope, { kind: "owned" }> | (Extract<LocationScope, { kind: "owned" }> & { api: LocationApi });

/** The modules behind the shell, made once per object (after the schema is migrated). */
class Modules {
  readonly sql: SqlStorage;
  readonly d1: D1Database;
  readonly meta: Meta;
  readonly location: BoundLocation;
  readonly hub: LiveHub;
  readonly parties: Parties;
  readonly estimates: Estimates;
  readonly line: Line;
  /** The wait figures host screens are sent (waitlist/host-waits.ts). */
  readonly hostWaits: HostWaits;
  readonly changes: Commits;
  readonly texts: Texts;
  readonly idempotency: Idempotency;
  readonly tickets: Tickets;
  /** Who may keep a host socket open (live/host-authority.ts). */
  readonly authority: HostAuthority;
  /** Per-socket abuse limits on the frames clients send (live/guard.ts). */
  readonly gate = new FrameGate();
  readonly desk: WaitlistDesk;
  readonly book: ReservationBook;
  readonly emails: GuestEmails;
  readonly tables: Tables;
  readonly floor: FloorPlan;
  /** Events for the account's webhook endpoints, recorded with each change (webhooks/outbox.ts). */
  readonly webhooks: WebhookOutbox;
  /** The public display board's sockets (live/board.ts, issue 22). */
  readonly board: Board;
  /** Feedback after the meal (feedback/requests.ts, issue 22). */
  readonly feedback: Feedback;
  /** The embeddable widget's settings (widget.ts, issue 22). */
  readonly widget: WidgetConfig;
  /** The location's kiosk token, kept as its hash (kiosk.ts, issue 22). */
  readonly kiosk: KioskTokens;
  /** Arms the alarm for the outbox flush after a change. */
  readonly flushSoon: (at: number) => void;

  constructor(ctx: DurableObjectState, env: RestaurantEnv, alarm: Alarm) {
    this.flushSoon = (at) => alarm.arm(at + FLUSH_DELAY_MS);
    const sql = (this.sql = ctx.storage.sql);
    this.d1 = env.DB;
    const appUrl = () => env.APP_URL.replace(/\/+$/, "");
    const locationId = () => this.location.current?.id ?? "";
    this.meta = new Meta(sql);
    this.location = new BoundLocation(this.meta);
    this.kiosk = new KioskTokens(this.meta);
    this.hub = new LiveHub(ctx, sql, this.meta);
    this.parties = new Parties(sql);
    this.parties.load();
    this.estimates = new Estimates(sql, () => ({ timezone: this.location.timezone, defaults: this.desk.settings.intervalMinutes, booking: this.book.settings }));
    this.line = new Line(this.parties, this.estimates, () => sql.exec("SELECT EXISTS (SELECT 1 FROM booking_tables) AS t").one().t === 1);
    this.changes = new Commits(this.hub, this.parties, this.line, this.estimates);
    this.hostWaits = new HostWaits(this.line, () => this.desk.settings.maxPartySize);
    this.changes.waitsChange = (at) => this.hostWaits.change(at);
    this.texts = new Texts(sql, this.meta, this.hub, env.SMS_PRIMARY_PROVIDER === "telnyx" ? "telnyx" : "twilio", () => this.location.name, (at) => alarm.arm(at), () => this.desk.settings);
    this.idempotency = new Idempotency(sql);
    this.tickets = new Tickets(sql);
    this.authority = new HostAuthority(ctx, sql, env.DB);
    this.desk = new WaitlistDesk(
      this.meta, this.parties, this.line, this.changes, this.texts, this.idempotency,
      { guestToken: (partyId) => linkToken("guest", env.JWT_SECRET, locationId(), partyId), guestUrl: (token) => `${appUrl()}/w/${token}` },
      () => this.estimates.invalidate(),
    );
    const manageUrl = async (id: string) => `${appUrl()}/book/${await linkToken("reservation", env.JWT_SECRET, locationId(), id)}`;
    this.emails = new GuestEmails(sql, () => this.location.name, () => this.location.timezone, () => this.desk.settings, manageUrl, (at) => alarm.arm(at));
    this.book = new ReservationBook(sql, this.meta, this.changes, this.estimates, this.texts, () => this.location.timezone, manageUrl, (p) => this.desk.checkPhone(p), (at) => alarm.arm(at), this.emails);
    this.floor = new FloorPlan(sql, this.meta, this.changes, this.parties, () => this.desk, () => this.book);
    this.tables = new Tables(sql, this.changes, this.floor);
    this.webhooks = new WebhookOutbox(sql, this.meta, this.parties, this.line, () => this.desk.settings);
    this.board = new Board(ctx, this.hub, this.meta, this.parties, () => this.desk.settings, (at) => this.desk.publicInfo(at));
    this.widget = new WidgetConfig(this.meta);
    this.feedback = new Feedback({
      sql, meta: this.meta, hub: this.hub, texts: this.texts, webhooks: this.webhooks,
      readParty: (id) => this.parties.read(id),
      readReservation: (id) => readReservation(sql, id),
      link: async (id) => {
        const token = await linkToken("feedback", env.JWT_SECRET, locationId(), id);
        return { token, url: `${appUrl()}/feedback/${token}` };
      },
      restaurantName: () => this.location.name,
      language: () => this.desk.settings.language,
      appUrl,
      wake: (at) => alarm.arm(at),
    });
    this.changes.committed = (message, at, party) => {
      this.webhooks.committed(message, at, party);
      this.feedback.committed(message, at);
    };
    this.changes.afterCommit = (at) => {
      this.board.changed(at);
      this.desk.queueAlmostUp(at);
      this.flushSoon(at);
    };
  }

  snapshot(at: number): HostServerMessage {
    const newPartyWaits = this.hostWaits.newParty(this.line.view(at));
    this.hostWaits.snapshotted(this.line.view(at), newPartyWaits);
    return { type: "snapshot", version: this.hub.version, parties: this.line.ranked(at), settings: this.desk.settings, intervals: this.line.intervals(at), newPartyWaits };
  }

  guestStatusTo(ws: WebSocket, partyId: string, at: number): void {
    const status = this.line.status(at, partyId);
    if (status) this.hub.send(ws, LiveHub.statusFrame(this.hub.version, status));
  }
}

export class Restaurant extends DurableObject<RestaurantEnv> {
  protected readonly alarmClock: Alarm;
  private modules: Modules | null = null;

  constructor(ctx: DurableObjectState, env: RestaurantEnv) {
    super(ctx, env);
    this.alarmClock = new Alarm(ctx.storage);
    // Every entry point (RPC, fetch, webSocket*, alarm) runs after this has finished.
    ctx.blockConcurrencyWhile(async () => {
      // An object that holds nothing yet stays empty until it is used for real: asking it whether it
      // belongs to an account (forAccount, for an id that may name no location) writes no schema.
      if (hasSchema(ctx.storage.sql)) void this.m;
      await this.alarmClock.load();
    });
    // Keep-alive pings are answered without waking the object.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair("ping", "pong"));
  }

  /** The modules, made (and the schema migrated) on first use. */
  protected get m(): Modules {
    if (!this.modules) {
      migrate(this.ctx.storage.sql);
      this.modules = new Modules(this.ctx, this.env, this.alarmClock);
    }
    return this.modules;
  }

  /**
   * Whether this location is `accountId`'s: the Worker's location scope asks this instead of D1
   * (src/routes/location-scope.ts). "unknown" until a location was bound here; an empty object stays empty.
   * An owned answer carries the location's RPC surface, already bound to the reference it names, so
   * the route's call goes straight to it: one call into this object fewer than `at()` then the method.
   */
  forAccount(accountId: string): ScopeAnswer {
    if (!this.modules && !hasSchema(this.ctx.storage.sql)) return { kind: "unknown" };
    const scope = this.m.location.scope(accountId);
    return scope.kind === "owned" ? { ...scope, api: new LocationApi(this.m) } : scope;
  }

  /** The RPC surface for one location: the Worker binds it once per request (src/restaurant/client.ts). */
  at(loc: LocationRef): LocationApi {
    this.bind(loc);
    return new LocationApi(this.m);
  }

  /** Keeps the newest reference to this location (a rename, a new time zone). */
  bind(loc: LocationRef): void {
    if (this.m.location.use(loc)) this.m.estimates.invalidate();
  }

  /** A change of authority announced by the Worker: the host sockets it takes away close at once. */
  async revokeLive(rev: LiveRevocation): Promise<number> {
    return this.m.authority.revoke(rev);
  }

  /** Deletes everything this location holds (the location itself was deleted). */
  async destroy(reason = "This location was deleted."): Promise<void> {
    this.m.authority.closeAll({ code: LIVE_CLOSE.locationGone, reason });
    await this.alarmClock.clear();
    await this.ctx.storage.deleteAll();
    this.modules = null;
    migrate(this.ctx.storage.sql);
    this.modules = new Modules(this.ctx, this.env, this.alarmClock);
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
      const userId = await this.m.tickets.consume(ticket, at);
      if (!userId) return wsRefusal(401, "unauthorized", "This live ticket is not valid, was already used or has expired.");
      const attachment = this.m.authority.attachmentFor(await sha256Hex(ticket), userId, at);
      const res = this.open(attachment, (ws) => this.m.hub.catchUp(ws, sinceVersion, () => this.m.snapshot(at)));
      // The alarm re-checks this socket's session from now on.
      const check = this.m.authority.nextCheckAt(at);
      if (check !== null) this.alarmClock.arm(check);
      return res;
    }
    if (url.pathname === "/guest") {
      const found = await this.m.desk.byToken(url.searchParams.get("token") ?? "", at);
      if (!found.ok) return wsRefusal(found.status, found.code, found.message);
      return this.open({ kind: "guest", partyId: found.value.id }, (ws) => this.m.guestStatusTo(ws, found.value.id, at));
    }
    if (url.pathname === "/board") {
      // Public: the board view carries no personal data (domain/waitlist/board.ts); refused when off.
      if (!this.m.desk.settings.boardEnabled) return wsRefusal(403, "board_off", "This location's display board is switched off.");
      const res = this.open({ kind: "board" }, (ws) => this.m.board.sendTo(ws, at));
      // Time alone moves the waits: the alarm refreshes open boards every minute (live/board.ts).
      const tick = this.m.board.nextTick(at);
      if (tick !== null) this.alarmClock.arm(tick);
      return res;
    }
    return wsRefusal(404, "not_found", "No such live channel.");
  }

  private open(attachment: Attachment, greet: (ws: WebSocket) => void): Response {
    const pair = new WebSocketPair();
    this.m.hub.accept(pair[1], attachment);
    greet(pair[1]);
    return new Response(null, { status: 101, webSocket: pair[0] });
  }

  override async webSocketMessage(ws: WebSocket, data: string | ArrayBuffer) {
    const attachment = ws.deserializeAttachment() as Attachment | null;
    // Size, rate, junk and repeated resumes are limited first (live/guard.ts).
    const { decision, message: msg } = this.m.gate.check(ws, data, Date.now());
    if (decision.action === "close") return closeSocket(ws, decision);
    if (decision.action === "ignore") return;
    if (decision.action === "reply_error" || !msg || !attachment) {
      this.m.hub.send(ws, JSON.stringify({ type: "error", code: "bad_message", message: 'Send {"type":"resume","version":N} or "ping".' }));
      return;
    }
    switch (msg.type) {
      case "resume":
        if (attachment.kind === "host") this.m.hub.catchUp(ws, msg.version, () => this.m.snapshot(Date.now()));
        else if (attachment.kind === "board") this.m.board.sendTo(ws, Date.now());
        else this.m.guestStatusTo(ws, attachment.partyId, Date.now());
        return;
    }
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string) {
    // Answer the close handshake; 1005/1006/1015 are reserved and may not be sent back.
    closeQuietly(ws, echoCode(code), reason);
  }

  override async webSocketError(ws: WebSocket) {
    closeQuietly(ws, CLOSE.INTERNAL_ERROR, "error");
  }

  // ---- the one alarm -------------------------------------------------------------------------------

  override async alarm() {
    const { m } = this;
    const sql = this.ctx.storage.sql;
    await this.alarmClock.fire({
      runDue: async (at) => {
        await m.book.runDue(at, m.location.current !== null);
        m.desk.expireHolds(at);
        await m.feedback.runDue(at, m.location.current !== null);
      },
      flush: () => {
        const loc = m.location.current;
        if (!loc) return null;
        return (async () =>
          (await flushSmsOutbox(sql, this.env.DB, this.env.OUTBOUND, loc, m.texts.settings().primaryProvider)) +
          (await flushOutbox(sql, this.env.DB, loc)) +
          (await flushReservationOutbox(sql, this.env.DB, loc)) +
          (await m.webhooks.flush(this.env.OUTBOUND, loc)) +
          (await m.emails.flush(this.env.OUTBOUND)) +
          (await m.feedback.flush(this.env.OUTBOUND, this.env.DB, loc)))();
      },
      purge: (at) => {
        purgeExpired(sql, at);
        m.estimates.purge(at);
        m.idempotency.sweep(at);
        m.tickets.sweep(at);
      },
      recheck: async (at) => {
        const loc = m.location.current;
        if (loc) await m.authority.recheck(loc.accountId, at);
      },
      nextCheck: (at) => m.authority.nextCheckAt(at),
      boardTick: (at) => m.board.changed(at),
      nextBoardTick: (at) => m.board.nextTick(at),
      nextScheduled: () => nextScheduled(sql),
      nextHoldExpiry: () => m.desk.nextHoldExpiry(),
      oldestClosedAt: () => m.parties.oldestClosedAt(),
      oldestBookingEnd: () => m.book.oldestEnd(),
      locationId: () => m.location.current?.id ?? null,
    });
  }
}

/** Restaurant's RPC surface for one bound location; each method delegates to the module that owns it. */
export class LocationApi extends RpcTarget {
  constructor(private readonly m: Modules) {
    super();
  }

  // ---- the waitlist ------------------------------------------------------------------------------

  list() {
    const at = Date.now();
    return { version: this.m.hub.version, parties: this.m.line.ranked(at), settings: this.m.desk.settings, intervals: this.m.line.intervals(at) };
  }
  getParty(partyId: string) { return this.m.desk.get(partyId, Date.now()); }
  add(input: NewParty, idempotency?: IdempotencyKey) { return this.m.desk.add(input, idempotency); }
  update(partyId: string, patch: PartyPatch) { return this.m.desk.update(partyId, patch, Date.now()); }
  act(partyId: string, action: PartyAction, choice: SeatChoice = {}) {
    return action === "seat" ? this.m.floor.seatParty(partyId, choice, Date.now()) : this.m.floor.actOnParty(partyId, action, Date.now());
  }
  move(partyId: string, position: number) { return this.m.desk.move(partyId, position, Date.now()); }
  getSettings() { return this.m.desk.settings; }
  updateSettings(patch: SettingsPatch) { return this.m.desk.updateSettings(patch, Date.now()); }
  publicInfo() { return this.m.desk.publicInfo(Date.now()); }

  // ---- the kiosk token (issue 22) ------------------------------------------------------------------

  getKioskToken() { return this.m.kiosk.view(); }
  /** A new kiosk token, replacing the current one; the token itself is in this answer only. */
  createKioskToken(userId: string | null) { return this.m.kiosk.create(userId, Date.now()); }
  revokeKioskToken() { return this.m.kiosk.revoke(Date.now()); }
  getKioskAccepts(token: string) { return this.m.kiosk.accepts(token); }

  /** A one-use ticket (60 s) that opens a host WebSocket; only its hash is stored. */
  async createTicket(userId: string, grant?: TicketGrant) {
    const t = await this.m.tickets.create(userId, Date.now());
    // The session that asked for it: the socket it opens is closed when that session's authority ends.
    if (grant) this.m.authority.saveGrant(await sha256Hex(t.ticket), grant, t.expiresAt);
    return t;
  }

  // ---- guests by their link ----------------------------------------------------------------------

  guestStatus(token: string) { return this.m.desk.guestStatus(token, this.m.location.name, Date.now()); }
  guestOnMyWay(token: string) { return this.m.desk.guestOnMyWay(token, this.m.location.name, Date.now()); }
  guestLeave(token: string) { return this.m.desk.guestLeave(token, Date.now()); }

  // ---- texts ---------------------------------------------------------------------------------------

  getSmsSettings() { return this.m.texts.settings(); }
  updateSmsSettings(patch: SmsSettingsPatch) {
    const next = this.m.texts.updateSettings(patch);
    // A nearer threshold may already be reached by parties in line.
    this.m.desk.queueAlmostUp(Date.now());
    return next;
  }

  /** A host's own text to a party (needs a phone number and the guest's consent). */
  sendText(partyId: string, body: string) { return this.m.desk.sendText(partyId, body, Date.now()); }

  /** A message's new status (sent, delivered, failed…) for the host screens. */
  messageUpdated(message: MessageView) {
    this.m.hub.emit({ event: hostMessageEvent(message), message });
    this.recordMessage(message);
  }

  /** A guest's reply: shown to hosts as part of the conversation; "1" and "9" act on the party or booking. */
  inboundMessage(message: MessageView, intent: "on_my_way" | "leave" | "message") {
    const at = Date.now();
    const p = message.partyId ? this.m.parties.read(message.partyId) : null;
    if (p && intent !== "message") this.m.desk.reply(p, intent, at);
    else if (!p && message.partyId && intent !== "message") this.m.book.reply(message.partyId, intent, at);
    this.m.hub.emit({ event: "message.received", message });
    this.recordMessage(message);
  }

  /** A message event for webhooks, flushed by the alarm like every other outbox. */
  private recordMessage(message: MessageView) {
    const at = Date.now();
    this.m.webhooks.message(message, at);
    this.m.flushSoon(at);
  }

  /**
   * Retention (everything created before an instant) and a guest's erasure (everything holding one
   * phone, issue 22): deletes those parties and bookings with everything that could still carry
   * their data (the event log and idempotency answers too), and closes their guests' sockets. Host
   * screens get a fresh snapshot.
   */
  purgeCustomerData(scope: CustomerDataScope): number {
    const { m } = this;
    m.feedback.purge(scope);
    const purged = purgeCustomerRows(m.sql, scope);
    if (purged.parties.length === 0 && purged.bookings === 0 && !purged.logMentions) return 0;
    m.floor.dropOrphans(Date.now());
    const gone = new Set(purged.parties);
    m.hub.clearLog();
    m.idempotency.clear();
    m.parties.forget(gone);
    const reason = scope.kind === "phone" ? "deleted at the guest's request" : "deleted under the data retention policy";
    for (const g of m.hub.guests()) if (gone.has(g.partyId)) closeQuietly(g.ws, CLOSE.NORMAL, reason);
    m.hub.nextVersion();
    m.board.changed(Date.now());
    const at = Date.now();
    for (const ws of m.hub.hosts()) m.hub.catchUp(ws, null, () => m.snapshot(at));
    return purged.parties.length + purged.bookings;
  }

  /** Recomputes the insights floor rollups of these local dates from D1 (a backfill; flushes keep them current). */
  async rebuildInsights(dates: string[]): Promise<void> {
    const loc = this.m.location.current;
    if (loc) await refreshFloorDays(this.m.sql, this.m.d1, loc, dates, Date.now());
  }

  // ---- feedback after the meal (issue 22) ----------------------------------------------------------

  getFeedbackSettings() { return this.m.feedback.settings; }
  updateFeedbackSettings(patch: FeedbackSettingsPatch) { return this.m.feedback.updateSettings(patch); }
  getGuestFeedback(token: string) { return this.m.feedback.guestGet(token, Date.now()); }
  answerFeedback(token: string, input: { rating: number; comment?: string | null }) { return this.m.feedback.answer(token, input, Date.now()); }
  listLowFeedback() { return this.m.feedback.recentLow(Date.now()); }
  getFeedbackReport(from: string, to: string) {
    const loc = this.m.location.current;
    return this.m.feedback.report(from, to, this.m.location.timezone, loc?.id ?? "");
  }

  // ---- the reservation book ------------------------------------------------------------------------

  listReservations(date?: string) { return this.m.book.list(date, Date.now()); }
  getReservation(id: string) { return this.m.book.get(id); }
  createReservation(input: NewReservation) { return this.m.book.create(input); }
  updateReservation(id: string, patch: ReservationPatch) { return this.m.floor.updateReservation(id, patch, Date.now()); }
  actOnReservation(id: string, action: ReservationAction, choice: SeatChoice = {}) { return this.m.floor.actOnReservation(id, action, choice, Date.now()); }
  availability(date: string, partySize: number) { return this.m.book.availability(date, partySize, Date.now()); }
  guestReservation(token: string) { return this.m.book.guestGet(token); }
  guestChangeReservation(token: string, patch: { start?: number; partySize?: number }) { return this.m.book.guestChange(token, patch); }
  guestCancelReservation(token: string) { return this.m.book.guestCancel(token); }
  getBookingSettings() { return this.m.book.settings; }
  updateBookingSettings(patch: BookingSettingsPatch) { return this.m.book.updateSettings(patch, Date.now()); }

  // ---- the embeddable widget (issue 22) ----------------------------------------------------------------

  getWidgetSettings() { return this.m.widget.settings(); }
  updateWidgetSettings(patch: WidgetSettingsPatch) { return this.m.widget.update(patch); }
  /** What a widget shows, read in one call (it is polled): its settings, the public line, the branding, online booking. */
  getWidgetView() {
    const s = this.m.desk.settings;
    return { widget: this.m.widget.settings(), info: this.m.desk.publicInfo(Date.now()), accentColor: s.accentColor, language: s.language, onlineBooking: this.m.book.settings.onlineBooking };
  }

  // ---- tables ----------------------------------------------------------------------------------------

  listTables() { return this.m.tables.list(); }
  createTable(input: Omit<Table, "id">) { return this.m.tables.create(input, Date.now()); }
  createCombination(input: Omit<Combination, "id">) { return this.m.tables.createCombination(input, Date.now()); }
  updateTable(id: string, patch: TablePatch) { return this.m.tables.update(id, patch, Date.now()); }
  deleteTable(id: string) { return this.m.tables.delete(id, Date.now()); }

  // ---- the floor (issue 17) ----------------------------------------------------------------------------

  floor() { return this.m.floor.view(Date.now()); }
  suggestTables(partySize: number, area?: string) { return this.m.floor.suggest(partySize, area, Date.now()); }
  clearTable(tableId: string) { return this.m.floor.clear(tableId, Date.now()); }
}

/** Whether this object's SQLite has been given its schema (it has held something). */
function hasSchema(sql: SqlStorage): boolean {
  return sql.exec("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'meta'").one().n === 1;
}

function wsRefusal(status: number, code: string, message: string) {
  return Response.json({ error: { code, message, details: [] } }, { status });
}
