// The one commit path for every change: the DO's SQLite write, the versioned event to hosts, the
// estimates event when intervals moved, and a status to each guest whose own view changed.
import type { Party } from "../../domain/waitlist/model";
import type { GuestStatus, HostServerMessage, Intervals } from "../../domain/waitlist/protocol";
import type { Estimates } from "../waitlist/estimates";
import type { Line } from "../waitlist/line";
import type { Parties } from "../waitlist/parties";
import { LiveHub } from "./hub";

export interface Change {
  party?: Party;
  tokenHash?: string;
  message: (version: number) => HostServerMessage;
}

export class Commits {
  /** Runs after each commit (the "almost up" texts, the outbox flush). */
  afterCommit: (at: number) => void = () => {};
  /** Sees each committed event once the change is complete (the webhook outbox records it). */
  committed: (message: HostServerMessage, at: number) => void = () => {};

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
    const watched = new Set(guests.map((g) => g.partyId));
    const before = this.line.statuses(at, watched);
    const intervalsBefore = this.estimates.intervals(at);

    const version = this.hub.nextVersion();
    const change = mutate(version);
    if (change.party) this.parties.write(change.party, change.tokenHash);
    const message = change.message(version);
    this.hub.publish(version, JSON.stringify(message));

    if (change.party?.state === "seated" && change.party.seatedAt === at) this.estimates.recordSeating(at, change.party.size);
    const intervalsAfter = this.estimates.intervals(at);
    let guestVersion = version;
    if (!sameIntervals(intervalsAfter, intervalsBefore)) {
      guestVersion = this.hub.nextVersion();
      this.hub.publish(guestVersion, JSON.stringify({ type: "event", version: guestVersion, event: "estimates.updated", intervals: intervalsAfter } satisfies HostServerMessage));
    }

    if (guests.length > 0) {
      const after = this.line.statuses(at, watched);
      const sent = new Map<string, string>();
      for (const g of guests) {
        const next = after.get(g.partyId);
        if (!next || sameStatus(next, before.get(g.partyId))) continue;
        // One serialization per guest update, shared by every socket of that party.
        let frame = sent.get(g.partyId);
        if (!frame) {
          frame = LiveHub.statusFrame(guestVersion, next);
          sent.set(g.partyId, frame);
        }
        this.hub.send(g.ws, frame);
      }
    }
    this.committed(message, at);
    this.afterCommit(at);
    return version;
  }
}

/** A guest's status compared by its fields (numbers and the state), not by serializing both. */
function sameStatus(a: GuestStatus, b: GuestStatus | undefined): boolean {
  return (
    !!b &&
    a.state === b.state &&
    a.position === b.position &&
    a.ahead === b.ahead &&
    a.estimateMinutes === b.estimateMinutes &&
    a.estimateRange?.lowMinutes === b.estimateRange?.lowMinutes &&
    a.estimateRange?.highMinutes === b.estimateRange?.highMinutes &&
    a.quotedWait === b.quotedWait
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
