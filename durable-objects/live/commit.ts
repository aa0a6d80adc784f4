// The one commit path for every change: the DO's SQLite write, the versioned event to hosts, the
// estimates event when intervals moved, and a status to each guest whose own view changed.
import type { Party } from "../../domain/waitlist/model";
import type { GuestStatus, HostServerMessage, Intervals, WaitsChange } from "../../domain/waitlist/protocol";
import type { Estimates } from "../waitlist/estimates";
import { Line, type LineView } from "../waitlist/line";
import type { Parties } from "../waitlist/parties";
import { LiveHub, type GuestSocket } from "./hub";

export interface Change {
  party?: Party;
  tokenHash?: string;
  message: (version: number) => HostServerMessage;
}

export class Commits {
  /** Runs after each commit (the "almost up" texts, the outbox flush). */
  afterCommit: (at: number) => void = () => {};
  /** Sees each committed event once the change is complete (the webhook outbox records it), with the party it wrote. */
  committed: (message: HostServerMessage, at: number, party: Party | null) => void = () => {};
  /** The wait figures hosts are shown that moved with a change (waitlist/host-waits.ts), or null. */
  waitsChange: (at: number) => WaitsChange | null = () => null;

  constructor(
    private readonly hub: LiveHub,
    private readonly parties: Parties,
    private readonly line: Line,
    private readonly estimates: Estimates,
  ) {}

  /**
   * Applies one change: writes the party (and outbox row) and the event in SQLite, then sends the
   * event to every host (serialized once) and a status to each guest whose own view changed.
   */
  commit(at: number, mutate: (version: number) => Change): number {
    const guests = this.hub.guests();
    // The line as guests last saw it: the view the previous change left behind (not rebuilt).
    const before = guests.length > 0 ? this.line.view(at) : null;
    const intervalsBefore = this.estimates.intervals(at);

    const version = this.hub.nextVersion();
    const change = mutate(version);
    if (change.party) this.parties.write(change.party, change.tokenHash);
    // A party's write tells the line exactly who moved; any other change may move everyone.
    else this.line.changed();
    const message = change.message(version);
    if (change.party?.status === "seated" && change.party.seatedAt === at) this.estimates.recordSeating(at, change.party.partySize);
    // The host-only wait figures this change moved ride in its own frame: still one frame, one stringify.
    const waits = message.type === "event" ? this.waitsChange(at) : null;
    this.hub.publish(version, JSON.stringify(waits ? { ...message, waits } : message));

    const intervalsAfter = this.estimates.intervals(at);
    let guestVersion = version;
    if (!sameIntervals(intervalsAfter, intervalsBefore)) {
      guestVersion = this.hub.nextVersion();
      this.hub.publish(guestVersion, JSON.stringify({ type: "event", version: guestVersion, event: "estimates.updated", intervals: intervalsAfter } satisfies HostServerMessage));
    }

    if (before) this.tellGuests(guests, before, this.line.view(at), change.party ?? null, guestVersion);
    this.committed(message, at, change.party ?? null);
    this.afterCommit(at);
    return version;
  }

  /**
   * A status frame to each guest whose own status differs between the two views: only the parties
   * that changed or stand behind the first place that moved are computed (all of them when the
   * estimates' inputs changed), and a frame is built once per party, shared by its sockets.
   */
  private tellGuests(guests: GuestSocket[], before: LineView, after: LineView, changed: Party | null, version: number): void {
    const scope = Line.affected(before, after);
    const sent = new Map<string, string | null>();
    for (const g of guests) {
      const id = g.partyId;
      let frame = sent.get(id);
      if (frame === undefined) {
        frame = null;
        const a = after.placed.get(id);
        const b = before.placed.get(id);
        const touched = id === changed?.id || (scope ? scope.ids.has(id) : false);
        // Out of line before and after, and not changed itself: a closed party's status stands.
        const relevant = a || b ? !scope || touched || (a !== undefined && a.partiesAhead >= scope.from) : touched;
        if (relevant) {
          const next = this.line.statusIn(after, id, a ? null : id === changed?.id ? changed : this.parties.read(id));
          const prev = b ? (this.line.statusIn(before, id, null) ?? undefined) : undefined;
          if (next && !sameStatus(next, prev)) frame = LiveHub.statusFrame(version, next);
        }
        sent.set(id, frame);
      }
      if (frame !== null) this.hub.send(g.ws, frame);
    }
  }
}

/** A guest's status compared by its fields (numbers and the state), not by serializing both. */
function sameStatus(a: GuestStatus, b: GuestStatus | undefined): boolean {
  return (
    !!b &&
    a.status === b.status &&
    a.position === b.position &&
    a.partiesAhead === b.partiesAhead &&
    a.estimatedWaitMinutes === b.estimatedWaitMinutes &&
    a.estimatedWaitRange?.lowMinutes === b.estimatedWaitRange?.lowMinutes &&
    a.estimatedWaitRange?.highMinutes === b.estimatedWaitRange?.highMinutes &&
    a.quotedWaitMinutes === b.quotedWaitMinutes
  );
}

/** Intervals compared band by band, field by field (numbers and names), without serializing both. */
function sameIntervals(a: Intervals, b: Intervals): boolean {
  const bands = Object.keys(a) as (keyof Intervals)[];
  if (bands.length !== Object.keys(b).length) return false;
  for (const band of bands) {
    const x = a[band] as Record<string, unknown>;
    const y = b[band] as Record<string, unknown> | undefined;
    if (!y) return false;
    const fields = Object.keys(x);
    if (fields.length !== Object.keys(y).length || fields.some((f) => x[f] !== y[f])) return false;
  }
  return true;
}
