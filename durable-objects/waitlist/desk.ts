// The waitlist desk: parties join, change, move and close; the location's waitlist rules; what a
// guest sees by their link. Every change goes through the one commit path (live/commit.ts).
import { boardLabel as partyBoardLabel } from "../../domain/waitlist/board";
import { normalizePhone } from "../../domain/phone";
import { mayBeOnMyWay } from "../../domain/waitlist/on-my-way";
import { defaultQuote } from "../../domain/waitlist/quote";
import { autoNoShowAt, nextHoldExpiry } from "../../domain/waitlist/hold";
import {
  bandOf,
  GUEST_TOKEN_GRACE_MS,
  isActive,
  joinEstimates,
  rankForPosition,
  transition,
  TransitionError,
  type ClosedBy,
  type Party,
  type PartyAction,
  type PartySource,
} from "../../domain/waitlist/model";
import {
  DEFAULT_SETTINGS,
  type DoResult,
  type GuestStatus,
  type GuestStatusAnswer,
  type HostServerMessage,
  type RankedPartyView,
  type SettingsPatch,
  type WaitlistSettings,
} from "../../domain/waitlist/protocol";
import { partyView } from "../../domain/waitlist/party";
import { sha256Hex } from "../../lib/crypto";
import type { Idempotency, IdempotencyKey } from "../idempotency";
import type { Commits } from "../live/commit";
import { fail, ok } from "../results";
import { stripUndefined, type Texts } from "../sms/texts";
import type { Meta } from "../storage/meta";
import type { Line } from "./line";
import type { Parties } from "./parties";
import type { GuestLanguage } from "../../domain/languages";

export interface NewParty {
  name: string;
  phone?: string | null;
  size: number;
  notes?: string;
  tags?: string[];
  quotedWait?: number | null;
  smsConsent?: boolean;
  source: PartySource;
  /** The language the guest chose at check-in; their texts follow it. */
  language?: GuestLanguage;
}

export type PartyPatch = Partial<Pick<NewParty, "name" | "phone" | "size" | "notes" | "tags" | "quotedWait" | "smsConsent">>;

export interface AddedParty {
  party: RankedPartyView;
  /** The guest's link token. Only ever returned here, at creation; stored hashed. */
  guestToken: string;
}

export interface PublicInfo {
  open: boolean;
  full: boolean;
  maxPartySize: number;
  inLine: number;
  estimates: { size: number; estimateMinutes: number }[];
}

const BAD_PHONE = "That phone number does not look valid. Include the country code, e.g. +1 212 555 0100.";

export class WaitlistDesk {
  settings: WaitlistSettings;

  constructor(
    private readonly meta: Meta,
    private readonly parties: Parties,
    private readonly line: Line,
    private readonly changes: Commits,
    private readonly texts: Texts,
    private readonly idempotency: Idempotency,
    private readonly links: { guestToken: (partyId: string) => Promise<string>; guestUrl: (token: string) => string },
    private readonly estimatesChanged: () => void,
  ) {
    this.settings = this.loadSettings();
  }

  private loadSettings(): WaitlistSettings {
    const saved = this.meta.json<Partial<WaitlistSettings>>("settings");
    return saved ? { ...DEFAULT_SETTINGS, ...saved } : DEFAULT_SETTINGS;
  }

  reload(): void {
    this.settings = this.loadSettings();
  }

  get(partyId: string, at: number): DoResult<RankedPartyView> {
    const p = this.parties.read(partyId);
    return p ? ok(this.line.rankedOne(p, at)) : fail(404, "not_found", "Party not found.");
  }

  async add(input: NewParty, idempotency?: IdempotencyKey): Promise<DoResult<AddedParty>> {
    // Every await comes before the idempotency check: from the check to the insert of the answer the
    // method runs in one synchronous turn, so two requests with the same key cannot both pass it.
    const id = crypto.randomUUID();
    const token = await this.links.guestToken(id);
    const tokenHash = await sha256Hex(token);
    const at = Date.now();
    if (idempotency) {
      const prior = this.idempotency.find(idempotency.key, at);
      if (prior) {
        if (prior.requestHash !== idempotency.requestHash) {
          return fail(422, "idempotency_key_reused", "This Idempotency-Key was used for a different request.");
        }
        // The stored answer has no token (tokens are never kept in clear); the link is derived again.
        const first = JSON.parse(prior.response) as { party: RankedPartyView };
        const current = this.parties.read(first.party.id);
        const guestToken = await this.links.guestToken(first.party.id);
        return ok({ party: current ? this.line.rankedOne(current, at) : first.party, guestToken });
      }
    }
    if (input.source === "self_check_in") {
      if (!this.settings.open) return fail(409, "waitlist_closed", "The waitlist is closed right now.");
      if (this.settings.maxLength !== null && this.parties.active.size >= this.settings.maxLength) {
        return fail(409, "waitlist_full", "The waitlist is full right now.");
      }
    }
    const checked = this.checkInput(input);
    if (!checked.ok) return checked;
    // After everyone in line and everyone who could still be restored, so a restored party never
    // lands behind someone who joined after it.
    const maxRank = this.parties.maxRank(at);
    const size = input.size;
    const party: Party = {
      id,
      name: input.name,
      phone: checked.value.phone,
      size,
      notes: input.notes ?? "",
      tags: input.tags ?? [],
      quotedWait: input.quotedWait ?? defaultQuote(size, this.parties.active.values(), this.line.intervals(at), this.settings.quoteMinutes),
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
      almostUpAt: this.parties.active.size + 1 <= this.texts.settings().almostUpPosition ? at : null,
      onMyWayAt: null,
      tableIds: [],
      closedBy: null,
      autoNoShowAt: null,
    };
    this.commitParty(at, party, "party.added", tokenHash);
    const result: AddedParty = { party: this.line.rankedOne(party, at), guestToken: token };
    this.texts.remember(party.id, input.language);
    this.parties.recordJoinEstimate(party.id, result.party.estimateMinutes ?? null);
    this.texts.queue(party, "joined", {
      position: result.party.position,
      // The figure the host quoted (or the estimate, when nobody named one), as the host row shows it.
      wait: party.quotedWait,
      link: this.links.guestUrl(token),
    }, at);
    if (idempotency) this.idempotency.save(idempotency, JSON.stringify({ party: result.party }), at);
    return ok(result);
  }

  private checkInput(input: { size?: number; phone?: string | null }): DoResult<{ phone: string | null }> {
    if (input.size !== undefined && input.size > this.settings.maxPartySize) {
      return fail(400, "validation_failed", `Party size can be at most ${this.settings.maxPartySize} here.`);
    }
    const phone = this.checkPhone(input.phone);
    return phone.ok ? ok({ phone: phone.value }) : phone;
  }

  /** A phone number in the location's format, null for none, or the one validation error. */
  checkPhone(phone: string | null | undefined): DoResult<string | null> {
    if (phone === undefined || phone === null || phone === "") return ok(null);
    const normalized = normalizePhone(phone, this.settings.phoneCountryCode);
    return normalized ? ok(normalized) : fail(400, "validation_failed", BAD_PHONE);
  }

  update(partyId: string, patch: PartyPatch, at: number): DoResult<RankedPartyView> {
    const current = this.parties.read(partyId);
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
    this.commitParty(at, next, "party.updated");
    return ok(this.line.rankedOne(next, at));
  }

  /**
   * `tableIds`: where a seated party sits (reservations/floor.ts checked them); a restored party sits nowhere.
   * `by`: who closed it (default: staff, or the guest for "leave"); "automatic" from the hold timer.
   */
  act(partyId: string, action: PartyAction, at: number, tableIds?: string[], by?: ClosedBy): DoResult<RankedPartyView> {
    const current = this.parties.read(partyId);
    if (!current) return fail(404, "not_found", "Party not found.");
    let next: Party;
    try {
      next = transition(current, action, at, by);
    } catch (err) {
      if (err instanceof TransitionError) return fail(409, "invalid_transition", err.message);
      throw err;
    }
    if (action === "seat") next.tableIds = tableIds ?? [];
    if (action === "restore") next.tableIds = [];
    this.commitParty(at, next, "party.state_changed");
    if (action === "notify") this.texts.queue(next, "table_ready", {}, at);
    else if (action === "cancel") this.texts.queue(next, "cancelled", {}, at);
    return ok(this.line.rankedOne(next, at));
  }

  move(partyId: string, position: number, at: number): DoResult<RankedPartyView> {
    const current = this.parties.read(partyId);
    if (!current) return fail(404, "not_found", "Party not found.");
    if (!isActive(current.state)) return fail(409, "invalid_transition", "Only parties still in line can be moved.");
    const others = () => this.line.ordered(at).filter((p) => p.id !== partyId);
    let rank = rankForPosition(others(), position);
    if (rank === null) {
      // Ranks too close to split: renumber (rare), then place.
      this.renumber(at, partyId);
      rank = rankForPosition(others(), position)!;
    }
    const next: Party = { ...this.parties.read(partyId)!, rank, updatedAt: at };
    this.commitParty(at, next, "party.moved");
    return ok(this.line.rankedOne(next, at));
  }

  /**
   * Renumbers ranks 1..n over the line and the restorable closed parties together, so a closed party
   * keeps its place between the same neighbours. Parties in line are announced; closed ones, which
   * hosts do not show, change silently (their rank travels with them if restored).
   */
  private renumber(at: number, except: string): void {
    const all = this.parties
      .restorableAndActive(at)
      .filter((p) => p.id !== except)
      .sort((a, b) => a.rank - b.rank || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    all.forEach((p, i) => {
      const next: Party = { ...p, rank: i + 1, updatedAt: at };
      if (!isActive(p.state)) this.parties.setRank(p.id, next.rank);
      else this.commitParty(at, next, "party.moved");
    });
  }

  private commitParty(at: number, party: Party, event: "party.added" | "party.updated" | "party.state_changed" | "party.moved", tokenHash?: string): void {
    this.changes.commit(at, (version) => {
      party.version = version;
      return { party, tokenHash, message: (v) => ({ type: "event", version: v, event, party: partyView(party) }) satisfies HostServerMessage };
    });
  }

  updateSettings(patch: SettingsPatch, at: number): WaitlistSettings {
    const next: WaitlistSettings = {
      ...this.settings,
      ...patch,
      quoteMinutes: { ...this.settings.quoteMinutes, ...stripUndefined(patch.quoteMinutes) },
      intervalMinutes: { ...this.settings.intervalMinutes, ...stripUndefined(patch.intervalMinutes) },
    };
    // Applied inside the commit, after it has taken the guests' statuses and the intervals as they
    // were: new default intervals change estimates, which guests and hosts must then be sent.
    this.changes.commit(at, () => {
      this.settings = next;
      this.meta.setJson("settings", next);
      this.estimatesChanged();
      return { message: (v) => ({ type: "event", version: v, event: "settings.updated", settings: next }) };
    });
    return next;
  }

  // ---- the hold timer (domain/waitlist/hold.ts), run from the one alarm ----------------------------

  /** When the next automatic no-show is due (from stored notify times and the settings), or null. */
  nextHoldExpiry(): number | null {
    return nextHoldExpiry(this.parties.active.values(), this.settings);
  }

  /**
   * Marks every notified party whose hold has run out a no-show, through the same path as a host's
   * no-show (event to every screen, outbox to D1, Restore within the window), closed by "automatic".
   * Re-checked against the party as stored, so a repeated alarm finds nothing left to do.
   */
  expireHolds(at: number): string[] {
    const due = [...this.parties.active.values()].filter((p) => {
      const when = autoNoShowAt(p, this.settings);
      return when !== null && when <= at;
    });
    for (const p of due) this.act(p.id, "no-show", at, undefined, "automatic");
    return due.map((p) => p.id);
  }

  /** "Almost up": once per party, when it first reaches the configured position while waiting. */
  queueAlmostUp(at: number): void {
    const threshold = this.texts.settings().almostUpPosition;
    // The front of the line from the view the commit just built: no sort, no walk of the whole line.
    const view = this.line.view(at);
    const front = view.order.slice(0, threshold).filter((p) => p.state === "waiting" && !p.almostUpAt);
    if (front.length === 0) return;
    const waits = view.waits;
    for (const p of front) {
      const x = view.placed.get(p.id)!;
      const marked = this.parties.markAlmostUp(p, at);
      this.texts.queue(marked, "almost_up", { position: x.position, wait: waits.minutes(p, x.sameBandAhead) }, at);
    }
  }

  /** A host's own text to a party (needs a phone number and the guest's consent). */
  sendText(partyId: string, body: string, at: number): DoResult<{ messageId: string }> {
    const p = this.parties.read(partyId);
    if (!p) return fail(404, "not_found", "Party not found.");
    if (!p.phone) return fail(409, "conflict", "This party has no phone number.");
    if (!p.smsConsent) return fail(409, "conflict", "This guest has not agreed to texts.");
    const id = this.texts.queue(p, "custom", { body }, at);
    return id ? ok({ messageId: id }) : fail(409, "conflict", "This guest cannot be texted.");
  }

  /** A guest's SMS reply about their party: "1" marks them on their way, "9" takes them out of line. */
  reply(p: Party, intent: "on_my_way" | "leave", at: number): void {
    if (!isActive(p.state)) return;
    if (intent === "on_my_way") this.markOnMyWay(p, at);
    else this.act(p.id, "leave", at);
  }

  // ---- guests, by their link -------------------------------------------------------------------

  async byToken(token: string, at: number): Promise<DoResult<Party>> {
    const p = this.parties.byTokenHash(await sha256Hex(token));
    if (!p) return fail(404, "not_found", "This link is not valid.");
    if (p.closedAt !== null && at - p.closedAt > GUEST_TOKEN_GRACE_MS) return fail(410, "gone", "This link has expired.");
    return ok(p);
  }

  async guestStatus(token: string, restaurant: string, at: number): Promise<DoResult<GuestStatusAnswer>> {
    const found = await this.byToken(token, at);
    if (!found.ok) return found;
    const p = found.value;
    const boardLabel = this.settings.boardEnabled ? partyBoardLabel(p, this.settings.boardNames) : null;
    return ok({ restaurant, partyName: p.name, size: p.size, ...this.line.status(at, p.id)!, onMyWayAt: p.onMyWayAt ?? null, boardLabel });
  }

  /** The guest taps "I'm on my way": the same mark as an SMS reply of "1"; repeating it changes nothing. */
  async guestOnMyWay(token: string, restaurant: string, at: number): Promise<DoResult<GuestStatusAnswer>> {
    const found = await this.byToken(token, at);
    if (!found.ok) return found;
    const p = this.parties.active.get(found.value.id) ?? found.value;
    if (!isActive(p.state)) return fail(409, "invalid_transition", "This party is no longer in line.");
    if (!p.onMyWayAt) {
      // The page's own rule (domain/waitlist/on-my-way.ts): only once almost up, or notified.
      if (!mayBeOnMyWay(this.line.status(at, p.id)!, this.texts.settings().almostUpPosition)) {
        return fail(409, "invalid_transition", "You can say you are on your way once you are almost up; this page will offer it then.");
      }
      this.markOnMyWay(p, at);
    }
    return this.guestStatus(token, restaurant, at);
  }

  markOnMyWay(p: Party, at: number): void {
    this.commitParty(at, { ...p, onMyWayAt: at, updatedAt: at }, "party.updated");
  }

  async guestLeave(token: string, at: number): Promise<DoResult<GuestStatus>> {
    const found = await this.byToken(token, at);
    if (!found.ok) return found;
    if (found.value.state !== "left") {
      const result = this.act(found.value.id, "leave", at);
      if (!result.ok) return result;
    }
    return ok(this.line.status(at, found.value.id)!);
  }

  publicInfo(at: number): PublicInfo {
    const parties = [...this.parties.active.values()];
    const waits = this.line.waits(at);
    return {
      open: this.settings.open,
      full: this.settings.maxLength !== null && parties.length >= this.settings.maxLength,
      maxPartySize: this.settings.maxPartySize,
      inLine: parties.length,
      estimates: joinEstimates(parties, this.line.intervals(at), this.settings.maxPartySize).map((e) => ({ ...e, estimateMinutes: waits.forNewParty(e.size, e.estimateMinutes) })),
    };
  }
}
