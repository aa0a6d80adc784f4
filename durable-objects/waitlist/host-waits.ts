// The wait figures host screens show (issue 16 item 3, issue 19 item 5): each party's remaining wait
// and the wait a party of each size added now would be given, taken from the same view of the line —
// the same estimator — as the guest page, the texts, REST and webhooks (../waits.ts). Before, the
// host screen worked its figures out in the browser from the walk-in intervals, so with tables on the
// floor a host could quote 15 while the guest was told 40.
//
// Sent only when they change, inside the event frame of the change that moved them (live/commit.ts),
// so a change is still one frame and one JSON.stringify for hosts, whatever the line's length. What
// hosts were last sent is kept in memory: after hibernation the first change sends every figure
// again, which is correct, only larger. Cost per change: O(n) number comparisons for n parties in line
// (the view itself is built once per change anyway) plus O(S) new-party figures for S party sizes; no
// guest status is computed for it.
import type { NewPartyWait, PartyWait, WaitFigure, WaitsChange } from "../../domain/waitlist/protocol";
import type { Party } from "../../domain/waitlist/model";
import type { Line, LineView } from "./line";

/** Host-added parties: the Add form's estimate and default quote are for a party the host adds. */
const SOURCE = "host" as const;

export class HostWaits {
  /** Each party's figure as hosts were last sent it. */
  private sent = new Map<string, WaitFigure>();
  /** The new-party figures as hosts were last sent them (null: not sent since waking, or stale). */
  private sentNew: NewPartyWait[] | null = null;

  constructor(
    private readonly line: Line,
    private readonly maxPartySize: () => number,
  ) {}

  /** A party's figure in `view` (the REST party's `estimateMinutes` and `estimateRange`). */
  static figure(view: LineView, p: Party): WaitFigure {
    const x = view.placed.get(p.id);
    if (!x) return { estimatedWaitMinutes: null, estimatedWaitRange: null };
    const r = view.waits.range(p);
    return { estimatedWaitMinutes: view.waits.minutes(p, x.sameBandAhead), estimatedWaitRange: r ? { lowMinutes: r.low, highMinutes: r.high } : null };
  }

  /** What a party of each size, 1 to the location's largest, added by a host now would be given. */
  newParty(view: LineView): NewPartyWait[] {
    const out: NewPartyWait[] = [];
    for (let partySize = 1; partySize <= this.maxPartySize(); partySize++) {
      const w = view.waits.joining(partySize, SOURCE);
      out.push({ partySize, estimatedWaitMinutes: w.minutes, estimatedWaitRange: w.range ? { lowMinutes: w.range.low, highMinutes: w.range.high } : null });
    }
    return out;
  }

  /** The figures that moved since hosts were last sent any, now remembered as sent; null when none did. */
  change(at: number): WaitsChange | null {
    const view = this.line.view(at);
    const next = new Map<string, WaitFigure>();
    const parties: PartyWait[] = [];
    for (const p of view.order) {
      const f = HostWaits.figure(view, p);
      next.set(p.id, f);
      if (!same(f, this.sent.get(p.id))) parties.push({ partyId: p.id, ...f });
    }
    this.sent = next;
    const fresh = this.newParty(view);
    const newMoved = !this.sentNew || fresh.length !== this.sentNew.length || fresh.some((f, i) => !same(f, this.sentNew![i]));
    this.sentNew = fresh;
    if (parties.length === 0 && !newMoved) return null;
    return newMoved ? { parties, newPartyWaits: fresh } : { parties };
  }

  /**
   * A snapshot shows the figures of its own moment, which may differ from what the other screens were
   * last sent (time moves the floor's figures): those are sent again with the next change, so every
   * screen converges on the same figures.
   */
  snapshotted(view: LineView, newParty: NewPartyWait[]): void {
    for (const p of view.order) {
      const sent = this.sent.get(p.id);
      if (sent && !same(sent, HostWaits.figure(view, p))) this.sent.delete(p.id);
    }
    if (this.sentNew && (newParty.length !== this.sentNew.length || newParty.some((f, i) => !same(f, this.sentNew![i])))) this.sentNew = null;
  }
}

function same(a: WaitFigure, b: WaitFigure | undefined): boolean {
  return (
    !!b &&
    a.estimatedWaitMinutes === b.estimatedWaitMinutes &&
    a.estimatedWaitRange?.lowMinutes === b.estimatedWaitRange?.lowMinutes &&
    a.estimatedWaitRange?.highMinutes === b.estimatedWaitRange?.highMinutes
  );
}
