// The line as guests and hosts see it: positions, people ahead and estimates, from the parties in
// line and the walk-in intervals.
import { isActive, lineOrder, positions, type Party } from "../../domain/waitlist/model";
import { partyView } from "../../domain/waitlist/party";
import type { GuestStatus, Intervals, RankedPartyView } from "../../domain/waitlist/protocol";
import type { Estimates } from "./estimates";
import type { Parties } from "./parties";
import type { Waits } from "../waits";

export class Line {
  constructor(
    private readonly parties: Parties,
    private readonly estimates: Estimates,
  ) {}

  intervals(at: number): Intervals {
    return this.estimates.intervals(at);
  }

  /** Every wait figure and range for the line in `list` (line order) at `at`. */
  waits(at: number, list: Party[] = this.ordered()): Waits {
    return this.estimates.waits(at, list);
  }

  /** Parties in line, in order. */
  ordered(): Party[] {
    return lineOrder([...this.parties.active.values()]);
  }

  ranked(at: number): RankedPartyView[] {
    const list = this.ordered();
    const pos = positions(list);
    const waits = this.waits(at, list);
    return list.map((p) => {
      const x = pos.get(p.id)!;
      return { ...partyView(p), position: x.position, ahead: x.ahead, estimateMinutes: waits.minutes(p, x.sameBandAhead) };
    });
  }

  rankedOne(p: Party, at: number): RankedPartyView {
    if (!isActive(p.state)) return { ...partyView(p), position: null, ahead: null, estimateMinutes: null };
    // One party's view: the line's positions, but no view built for anyone else.
    const list = this.ordered();
    const x = positions(list).get(p.id)!;
    return { ...partyView(p), position: x.position, ahead: x.ahead, estimateMinutes: this.waits(at, list).minutes(p, x.sameBandAhead) };
  }

  /** What each guest with an open socket would see now, by party id (numbers, not serialized). */
  statuses(at: number, partyIds: Set<string>): Map<string, GuestStatus> {
    const out = new Map<string, GuestStatus>();
    if (partyIds.size === 0) return out;
    const list = this.ordered();
    const pos = positions(list);
    const waits = this.waits(at, list);
    for (const id of partyIds) {
      const p = this.parties.read(id);
      if (!p) continue;
      const x = pos.get(id);
      out.set(id, {
        state: p.state,
        position: x ? x.position : null,
        ahead: x ? x.ahead : null,
        estimateMinutes: x ? waits.minutes(p, x.sameBandAhead) : null,
        ...(x ? waits.rangeView(p) : {}),
        quotedWait: p.quotedWait,
      });
    }
    return out;
  }

  status(at: number, partyId: string): GuestStatus {
    return this.statuses(at, new Set([partyId])).get(partyId)!;
  }
}
