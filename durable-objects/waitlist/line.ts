// The line as guests and hosts see it: positions, people ahead and estimates, from the parties in
// line and the walk-in intervals.
//
// Work per change (issue 14, item 5): the order is kept sorted as parties change (a binary search and
// one splice per change, never a sort of the whole line), and one view of the line — positions and
// waits — is built once per change and reused by everything that asks until the next one: the
// commit's before/after comparison, the REST answer, every guest socket that opens or resumes. A
// guest's status is then a look-up in that view: constant time, whatever the line's length.
import { bandOf, isActive, type PartyPosition, type SizeBand } from "../../domain/waitlist/model";
import { partyView, type Party } from "../../domain/waitlist/party";
import type { GuestStatus, Intervals, RankedPartyView } from "../../domain/waitlist/protocol";
import type { Estimates } from "./estimates";
import type { Parties } from "./parties";
import type { Waits } from "../waits";

/** Line order (domain/waitlist/model.ts lineOrder): rank, then arrival, then id. */
function compare(a: Party, b: Party): number {
  return a.rank - b.rank || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** A party's place in one view, with the party as the view saw it. */
export interface Placed extends PartyPosition {
  party: Party;
}

/**
 * What changed between a view and the one built before it: parties at `from` and behind may see a
 * new place or estimate, `ids` changed themselves, and `all` says anything may have moved (the
 * estimates' inputs changed, or the line was rebuilt).
 */
export interface LineChanges {
  from: number;
  ids: Set<string>;
  all: boolean;
}

/** The line at one moment: built once per change, read by every status and answer until the next. */
export interface LineView {
  readonly at: number;
  /** Parties in line, in order (this view's own copy). */
  readonly order: readonly Party[];
  readonly placed: ReadonlyMap<string, Placed>;
  readonly waits: Waits;
  /** The view this one follows, and what changed since it (for the commit: whose status to compute). */
  readonly previous: LineView | null;
  readonly changes: LineChanges;
}

const NOTHING = (): LineChanges => ({ from: Number.POSITIVE_INFINITY, ids: new Set(), all: false });

const HOUR = 3_600_000;

export class Line {
  /** Parties in line, kept in line order as they change. */
  private order: Party[] = [];
  /** Bumped by every change to the line or to what its estimates are made from. */
  private generation = 0;
  private cached: { generation: number; estimates: number; key: number; view: LineView } | null = null;
  /** Whether the location has tables (estimates then depend on the exact time); null = not read since the last change. */
  private tables: boolean | null = null;
  /** What changed since the last view was built. */
  private pending: LineChanges = { ...NOTHING(), all: true };
  /** The last party rankedOne answered for (the same object), in which view, and the answer. */
  private lastRanked: { party: Party; view: LineView | null; ranked: RankedPartyView } | null = null;
  /** Views built and guest statuses computed (the work-per-change tests read these). */
  readonly work = { views: 0, statuses: 0 };

  constructor(
    private readonly parties: Parties,
    private readonly estimates: Estimates,
    private readonly hasTables: () => boolean,
  ) {
    parties.onChange = (before, after) => this.moved(before, after);
    parties.onReset = () => this.rebuild();
    this.rebuild();
  }

  // ---- the order, kept incrementally -----------------------------------------------------------

  private rebuild(): void {
    this.order = [...this.parties.active.values()].sort(compare);
    this.changed();
  }

  /** Parties from index `i` on may have a new place or estimate. */
  private shifted(i: number): void {
    if (i < this.pending.from) this.pending.from = i;
    this.generation += 1;
  }

  /** Index of the first party not before `p` (binary search). */
  private lowerBound(p: Party): number {
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(this.order[mid]!, p) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private moved(before: Party | undefined, after: Party | undefined): void {
    const id = (before ?? after)!.id;
    this.pending.ids.add(id);
    if (before) {
      const i = this.lowerBound(before);
      if (this.order[i]?.id !== before.id) {
        // Not where its key says (only if a party was mutated in place): start over from the map.
        this.rebuild();
        return;
      }
      if (after && compare(before, after) === 0) {
        // The same place (an edit that keeps rank): replaced where it stands. Those behind see a
        // difference only when its size (their same-band count) or state (the floor's walk) changed.
        this.order[i] = after;
        if (after.partySize !== before.partySize || (after.status !== before.status && this.tables !== false)) this.shifted(i + 1);
        else this.generation += 1;
        return;
      }
      this.order.splice(i, 1);
      this.shifted(i);
    }
    if (after) {
      const j = this.lowerBound(after);
      this.order.splice(j, 0, after);
      this.shifted(j);
    }
  }

  /** Something any figure may depend on changed (settings, tables, bookings, a rebuild): views are stale. */
  changed(): void {
    this.generation += 1;
    this.tables = null;
    this.pending.all = true;
  }

  /** Whose status may differ between two views: null for everyone, else the changed and shifted ones. */
  static affected(before: LineView, after: LineView): LineChanges | null {
    if (after.previous !== before || after.changes.all) return null;
    return after.changes;
  }

  // ---- the view ------------------------------------------------------------------------------

  /**
   * The line at `at`. Without tables the figures depend only on the hour (the intervals are hourly),
   * so a view is kept for the hour; with tables, for that instant.
   */
  view(at: number): LineView {
    if (this.tables === null) this.tables = this.hasTables();
    const key = this.tables ? at : Math.floor(at / HOUR);
    const c = this.cached;
    if (c && c.generation === this.generation && c.estimates === this.estimates.generation && c.key === key) return c.view;
    const changes = this.pending;
    // New intervals, another hour or, with tables, another instant: every figure may differ.
    if (!c || c.estimates !== this.estimates.generation || c.key !== key) changes.all = true;
    const view = this.build(at, c?.view ?? null, changes);
    this.pending = NOTHING();
    this.cached = { generation: this.generation, estimates: this.estimates.generation, key, view };
    return view;
  }

  private build(at: number, previous: LineView | null, changes: LineChanges): LineView {
    this.work.views += 1;
    const order = this.order.slice();
    const placed = new Map<string, Placed>();
    const perBand: Record<SizeBand, number> = { "1-2": 0, "3-4": 0, "5-6": 0, "7+": 0 };
    for (let i = 0; i < order.length; i++) {
      const p = order[i]!;
      const band = bandOf(p.partySize);
      placed.set(p.id, { party: p, position: i + 1, partiesAhead: i, sameBandAhead: perBand[band] });
      perBand[band]++;
    }
    return { at, order, placed, waits: this.estimates.waits(at, order), previous, changes };
  }

  intervals(at: number): Intervals {
    return this.estimates.intervals(at);
  }

  /** Every wait figure and range for the line at `at`. */
  waits(at: number): Waits {
    return this.view(at).waits;
  }

  /** Parties in line, in order. */
  ordered(at = Date.now()): readonly Party[] {
    return this.view(at).order;
  }

  ranked(at: number): RankedPartyView[] {
    const v = this.view(at);
    return v.order.map((p) => {
      const x = v.placed.get(p.id)!;
      return { ...partyView(p), position: x.position, partiesAhead: x.partiesAhead, estimatedWaitMinutes: v.waits.minutes(p, x.sameBandAhead), estimatedWaitRange: rangeOf(v.waits, p) };
    });
  }

  /**
   * One party's view: a look-up in the current view of the line. A change asks it twice for the
   * party it wrote (the webhook record, then the REST answer): the second is the first's answer.
   */
  rankedOne(p: Party, at: number): RankedPartyView {
    const view = isActive(p.status) ? this.view(at) : null;
    const last = this.lastRanked;
    if (last && last.party === p && last.view === view) return last.ranked;
    const x = view?.placed.get(p.id);
    const ranked: RankedPartyView = x
      ? { ...partyView(p), position: x.position, partiesAhead: x.partiesAhead, estimatedWaitMinutes: view!.waits.minutes(p, x.sameBandAhead), estimatedWaitRange: rangeOf(view!.waits, p) }
      : { ...partyView(p), position: null, partiesAhead: null, estimatedWaitMinutes: null, estimatedWaitRange: null };
    this.lastRanked = { party: p, view, ranked };
    return ranked;
  }

  /** What a guest following `partyId` sees in `view`; `p` is the party when it is not in line there. */
  statusIn(view: LineView, partyId: string, p: Party | null): GuestStatus | null {
    this.work.statuses += 1;
    const x = view.placed.get(partyId);
    if (x) {
      return {
        status: x.party.status,
        position: x.position,
        partiesAhead: x.partiesAhead,
        estimatedWaitMinutes: view.waits.minutes(x.party, x.sameBandAhead),
        ...view.waits.rangeView(x.party),
        quotedWaitMinutes: x.party.quotedWaitMinutes,
      };
    }
    if (!p) return null;
    return { status: p.status, position: null, partiesAhead: null, estimatedWaitMinutes: null, quotedWaitMinutes: p.quotedWaitMinutes };
  }

  /** What the guest following `partyId` sees now (constant time once the view is built). */
  status(at: number, partyId: string): GuestStatus | null {
    const view = this.view(at);
    return this.statusIn(view, partyId, view.placed.has(partyId) ? null : this.parties.read(partyId));
  }
}

/** A party's range as REST and webhooks carry it: null when the estimate is not the floor's. */
function rangeOf(waits: Waits, p: Party): { lowMinutes: number; highMinutes: number } | null {
  const r = waits.range(p);
  return r ? { lowMinutes: r.low, highMinutes: r.high } : null;
}
