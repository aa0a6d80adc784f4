// A plain model of one location's waitlist, written from the product rules, not from the DO's code:
// the line is an array in order, each party has a state, and restore knows only what the rules
// promise about a closed party's place ("back to its place in line").
//
// What is promised about a closed party's place is kept as "known before" pairs:
// - a party added joins behind everyone, including parties closed a moment ago (undo a seat and the
//   party is back ahead of those who came after it);
// - a move places a party among the parties in line; where that leaves it relative to closed parties
//   is not promised, so those pairs are forgotten;
// - closing keeps every pair.
// A restored party must land after every party known to be ahead of it and before every party known
// to be behind it; where that leaves a choice, the model takes the place the API reports.

export type State = "waiting" | "notified" | "seated" | "cancelled" | "no_show" | "left";
export type HostAction = "notify" | "seat" | "cancel" | "no_show" | "restore";

export const RESTORE_WINDOW_MS = 15 * 60_000;

export interface ModelParty {
  id: string;
  name: string;
  partySize: number;
  status: State;
  notifyCount: number;
  guestToken: string;
  /** The active state a closed party returns to. */
  restoreState: "waiting" | "notified" | null;
  closedAt: number | null;
}

const CLOSING: Record<string, State> = { seat: "seated", cancel: "cancelled", "no_show": "no_show", leave: "left" };

export const isActive = (s: State) => s === "waiting" || s === "notified";

export class LineModel {
  readonly parties = new Map<string, ModelParty>();
  /** Active parties, first in line first. */
  line: string[] = [];
  private known = new Set<string>();

  private setBefore(a: string, b: string) {
    this.known.delete(`${b} ${a}`);
    this.known.add(`${a} ${b}`);
  }
  private forget(a: string, b: string) {
    this.known.delete(`${a} ${b}`);
    this.known.delete(`${b} ${a}`);
  }
  isKnownBefore(a: string, b: string) {
    return this.known.has(`${a} ${b}`);
  }
  private syncLine() {
    for (let i = 0; i < this.line.length; i++) for (let j = i + 1; j < this.line.length; j++) this.setBefore(this.line[i]!, this.line[j]!);
  }

  add(p: Omit<ModelParty, "status" | "notifyCount" | "restoreState" | "closedAt">) {
    for (const id of this.parties.keys()) this.setBefore(id, p.id);
    this.parties.set(p.id, { ...p, status: "waiting", notifyCount: 0, restoreState: null, closedAt: null });
    this.line.push(p.id);
  }

  /** Whether `action` is allowed now (the API answers 200), by the rules alone. */
  allowed(id: string, action: HostAction | "leave", now: number): boolean {
    const p = this.parties.get(id)!;
    if (action === "restore") return !isActive(p.status) && p.closedAt !== null && now - p.closedAt <= RESTORE_WINDOW_MS;
    return isActive(p.status);
  }

  act(id: string, action: Exclude<HostAction, "restore"> | "leave", now: number) {
    const p = this.parties.get(id)!;
    if (action === "notify") {
      p.status = "notified";
      p.notifyCount += 1;
      return;
    }
    p.restoreState = p.status as "waiting" | "notified";
    p.status = CLOSING[action]!;
    p.closedAt = now;
    this.line = this.line.filter((x) => x !== id);
  }

  /** The 1-based positions a restored party may take, given what is known of its place. */
  restorePositions(id: string): { min: number; max: number } {
    let min = 0;
    let max = this.line.length;
    this.line.forEach((other, i) => {
      if (this.isKnownBefore(other, id)) min = Math.max(min, i + 1);
      if (this.isKnownBefore(id, other)) max = Math.min(max, i);
    });
    return { min: min + 1, max: max + 1 };
  }

  restore(id: string, position: number) {
    const p = this.parties.get(id)!;
    p.status = p.restoreState ?? "waiting";
    p.restoreState = null;
    p.closedAt = null;
    this.line.splice(position - 1, 0, id);
    this.syncLine();
  }

  move(id: string, position: number) {
    this.line = this.line.filter((x) => x !== id);
    this.line.splice(Math.min(Math.max(position, 1), this.line.length + 1) - 1, 0, id);
    for (const [other, q] of this.parties) if (!isActive(q.status)) this.forget(other, id);
    this.syncLine();
  }

  edit(id: string, patch: { name?: string; partySize?: number }) {
    const p = this.parties.get(id)!;
    if (patch.name !== undefined) p.name = patch.name.trim();
    if (patch.partySize !== undefined) p.partySize = patch.partySize;
  }

  closed(): ModelParty[] {
    return [...this.parties.values()].filter((p) => !isActive(p.status));
  }
}
