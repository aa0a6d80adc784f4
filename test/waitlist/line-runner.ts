// Runs one random command sequence through the real REST API against a fresh location and checks
// it, step by step, against the plain model in line-model.ts: the status of each answer (201/200 for
// what the rules allow, 409 for an invalid transition, 400 for a size over the location's maximum),
// the line's order, positions 1..n, states and notification counts, and a version that rises on every
// change and only then. At the end the outbox is drained and D1 must hold every party exactly as the
// DO reports it. Date is faked (stepped a second per command) so "wait" can pass the restore window.
import { evictDurableObject } from "cloudflare:test";
import fc from "fast-check";
import { expect, vi } from "vitest";
import { call } from "../helpers/api";
import { isActive, LineModel, RESTORE_WINDOW_MS, type HostAction } from "./line-model";
import { d1Parties, drainOutbox, freshPlace, type Place } from "./support";

/**
 * Which party a command targets: usually one it applies to (a party in line; a closed one for
 * restore), sometimes any party, so refused transitions (409) come up too.
 */
export interface Pick {
  n: number;
  usual: boolean;
}

export type Cmd =
  | { kind: "add"; name: string; size: number }
  | { kind: "act"; action: Exclude<HostAction, "restore">; pick: Pick }
  | { kind: "restore"; pick: Pick }
  | { kind: "move"; pick: Pick; position: number }
  | { kind: "edit"; pick: Pick; name?: string; size?: number }
  | { kind: "guestCancel"; pick: Pick }
  | { kind: "evict" }
  | { kind: "wait" };

const MAX_PARTY_SIZE = 12; // the location's default
const name = fc
  .tuple(fc.constantFrom("Garcia", "Lee", "Okafor", "Müller", "José", "李", "O'Brien", " Nguyen "), fc.nat(99))
  .map(([n, i]) => `${n}${i}`);
const size = fc.integer({ min: 1, max: MAX_PARTY_SIZE + 2 });
const pick: fc.Arbitrary<Pick> = fc.record({ n: fc.nat(1000), usual: fc.nat(4).map((k) => k > 0) });

export type Weights = Record<Cmd["kind"], number>;

/** Commands, drawn with the given weights (0 leaves a kind out). */
export function commands(w: Weights): fc.Arbitrary<Cmd> {
  const all: fc.WeightedArbitrary<Cmd>[] = [
    { weight: w.add, arbitrary: fc.record({ kind: fc.constant("add" as const), name, size }) },
    { weight: w.act, arbitrary: fc.record({ kind: fc.constant("act" as const), action: fc.constantFrom("notify", "seat", "cancel", "no_show" as const), pick }) },
    { weight: w.restore, arbitrary: fc.record({ kind: fc.constant("restore" as const), pick }) },
    { weight: w.move, arbitrary: fc.record({ kind: fc.constant("move" as const), pick, position: fc.integer({ min: 1, max: 15 }) }) },
    {
      weight: w.edit,
      arbitrary: fc.record(
        { kind: fc.constant("edit" as const), pick, name: fc.option(name, { nil: undefined }), size: fc.option(size, { nil: undefined }) },
        { requiredKeys: ["kind", "pick"] },
      ),
    },
    { weight: w.guestCancel, arbitrary: fc.record({ kind: fc.constant("guestCancel" as const), pick }) },
    { weight: w.evict, arbitrary: fc.constant({ kind: "evict" as const }) },
    { weight: w.wait, arbitrary: fc.constant({ kind: "wait" as const }) },
  ];
  return fc.oneof(...all.filter((a) => a.weight > 0));
}

/** What a command did: whether it changed the location, and the version its answer gave the party. */
interface Outcome {
  changed: boolean;
  partyVersion?: number;
}

class Run {
  readonly model = new LineModel();
  /** Every party ever added, in the order added (commands pick from this). */
  readonly ids: string[] = [];
  version = 0;
  clock = Date.now();

  constructor(readonly place: Place) {}

  private target(pick: Pick, kind: Cmd["kind"]): string | undefined {
    const usual = [...this.model.parties.values()].filter((p) => (kind === "restore" ? !isActive(p.status) : isActive(p.status))).map((p) => p.id);
    const pool = pick.usual && usual.length > 0 ? usual : this.ids;
    return pool.length === 0 ? undefined : pool[pick.n % pool.length];
  }

  private path(id: string, action = "") {
    return `${this.place.base}/waitlist/${id}${action ? `/${action}` : ""}`;
  }

  async step(c: Cmd): Promise<Outcome | null> {
    const { token } = this.place;
    const m = this.model;
    switch (c.kind) {
      case "add": {
        const res = await call("POST", `${this.place.base}/waitlist`, { token, body: { name: c.name, partySize: c.size } });
        if (c.size > MAX_PARTY_SIZE) return expectStatus(res, 400, c);
        expectStatus(res, 201, c);
        const id = res.json.id as string;
        this.ids.push(id);
        m.add({ id, name: c.name.trim(), partySize: c.size, guestToken: (res.json.guestUrl as string).split("/w/")[1]! });
        expect(res.json.position, "a new party joins at the back").toBe(m.line.length);
        return { changed: true, partyVersion: res.json.version };
      }
      case "act": {
        const id = this.target(c.pick, c.kind);
        if (!id) return null;
        const ok = m.allowed(id, c.action, this.clock);
        const res = await call("POST", this.path(id, c.action), { token });
        if (!ok) return expectStatus(res, 409, c);
        expectStatus(res, 200, c);
        m.act(id, c.action, this.clock);
        expect(res.json.status).toBe(m.parties.get(id)!.status);
        return { changed: true, partyVersion: res.json.version };
      }
      case "restore": {
        const id = this.target(c.pick, c.kind);
        if (!id) return null;
        const ok = m.allowed(id, "restore", this.clock);
        const res = await call("POST", this.path(id, "restore"), { token });
        if (!ok) return expectStatus(res, 409, c);
        expectStatus(res, 200, c);
        const allowed = m.restorePositions(id);
        const position = res.json.position as number;
        expect(
          position >= allowed.min && position <= allowed.max,
          `restored ${m.parties.get(id)!.name} at position ${position}; its place in line is ${allowed.min}..${allowed.max} of ` +
            JSON.stringify(m.line.map((x) => m.parties.get(x)!.name)),
        ).toBe(true);
        m.restore(id, position);
        expect(res.json.status).toBe(m.parties.get(id)!.status);
        return { changed: true, partyVersion: res.json.version };
      }
      case "move": {
        const id = this.target(c.pick, c.kind);
        if (!id) return null;
        const res = await call("POST", this.path(id, "move"), { token, body: { position: c.position } });
        if (!isActive(m.parties.get(id)!.status)) return expectStatus(res, 409, c);
        expectStatus(res, 200, c);
        m.move(id, c.position);
        expect(res.json.position).toBe(m.line.indexOf(id) + 1);
        return { changed: true, partyVersion: res.json.version };
      }
      case "edit": {
        const id = this.target(c.pick, c.kind);
        if (!id) return null;
        const patch = { ...(c.name !== undefined && { name: c.name }), ...(c.size !== undefined && { partySize: c.size }) };
        const res = await call("PATCH", this.path(id), { token, body: patch });
        if (Object.keys(patch).length === 0) return expectStatus(res, 400, c);
        if (!isActive(m.parties.get(id)!.status)) return expectStatus(res, 409, c);
        if (c.size !== undefined && c.size > MAX_PARTY_SIZE) return expectStatus(res, 400, c);
        expectStatus(res, 200, c);
        m.edit(id, patch);
        return { changed: true, partyVersion: res.json.version };
      }
      case "guestCancel": {
        const id = this.target(c.pick, c.kind);
        if (!id) return null;
        const p = m.parties.get(id)!;
        const res = await call("POST", `/api/public/parties/${p.guestToken}/leave`);
        if (p.status === "left") {
          expectStatus(res, 200, c);
          expect(res.json.status).toBe("left");
          return { changed: false };
        }
        if (!m.allowed(id, "leave", this.clock)) return expectStatus(res, 409, c);
        expectStatus(res, 200, c);
        m.act(id, "leave", this.clock);
        expect(res.json).toMatchObject({ status: "left", position: null });
        return { changed: true };
      }
      case "evict":
        await evictDurableObject(this.place.stub);
        return { changed: false };
      case "wait":
        this.clock += RESTORE_WINDOW_MS + 1_000;
        vi.setSystemTime(this.clock);
        return { changed: false };
    }
  }

  /** The line the API reports must be the model's, in the model's order, at a version that moved only on change. */
  async check(c: Cmd, outcome: Outcome) {
    const res = await call("GET", `${this.place.base}/waitlist`, { token: this.place.token });
    expect(res.status).toBe(200);
    const { version, parties } = res.json as { version: number; parties: any[] };
    if (outcome.changed) {
      expect(version, `version after ${JSON.stringify(c)}`).toBeGreaterThan(this.version);
      if (outcome.partyVersion !== undefined) {
        expect(outcome.partyVersion).toBeGreaterThan(this.version);
        expect(outcome.partyVersion).toBeLessThanOrEqual(version);
      }
    } else {
      expect(version, `version after ${JSON.stringify(c)} (no change)`).toBe(this.version);
    }
    this.version = version;
    const m = this.model;
    const expected = m.line.map((id, i) => {
      const p = m.parties.get(id)!;
      return { id, name: p.name, partySize: p.partySize, status: p.status, notifyCount: p.notifyCount, position: i + 1, partiesAhead: i };
    });
    const actual = parties.map((p) => ({ id: p.id, name: p.name, partySize: p.partySize, status: p.status, notifyCount: p.notifyCount, position: p.position, partiesAhead: p.partiesAhead }));
    expect(actual, `line after ${JSON.stringify(c)}`).toEqual(expected);
  }

  /** After the outbox drains, D1 holds every party exactly as the DO reports it. */
  async checkD1() {
    await drainOutbox(this.place.stub);
    const { token, base, locationId, accountId } = this.place;
    const listed = (await call("GET", `${base}/waitlist`, { token })).json.parties as any[];
    const fromDo = new Map<string, any>(listed.map((p) => [p.id, p]));
    for (const p of this.model.closed()) {
      const res = await call("GET", `${base}/waitlist/${p.id}`, { token });
      expect(res.status).toBe(200);
      fromDo.set(p.id, res.json);
    }
    const rows = await d1Parties(locationId);
    expect(rows.map((r) => r.id).sort()).toEqual([...this.model.parties.keys()].sort());
    const versions = new Set<number>();
    for (const row of rows) {
      const m = this.model.parties.get(row.id)!;
      const d = fromDo.get(row.id);
      expect({ status: row.state, partySize: row.size, name: row.name, notifyCount: row.notify_count, version: row.version, accountId: row.account_id }).toEqual({
        status: m.status,
        partySize: m.partySize,
        name: m.name,
        notifyCount: m.notifyCount,
        version: d.version,
        accountId,
      });
      versions.add(row.version);
    }
    expect(versions.size, "each party's last change has its own version").toBe(rows.length);
    const history = await call("GET", `${base}/history?limit=200`, { token });
    expect(history.status).toBe(200);
    const closed = this.model.closed();
    expect(new Map((history.json.parties as any[]).map((p) => [p.id, p.status]))).toEqual(new Map(closed.map((p) => [p.id, p.status])));
  }
}

function expectStatus(res: { status: number; text: string }, status: number, c: Cmd): Outcome {
  expect(res.status, `${JSON.stringify(c)} → ${res.text}`).toBe(status);
  return { changed: false };
}

/** One property run: a fresh account and location, the commands, then D1 against the DO. */
export async function runSequence(cmds: Cmd[]): Promise<void> {
  vi.useRealTimers();
  const run = new Run(await freshPlace());
  vi.useFakeTimers({ toFake: ["Date"] });
  try {
    // Also wakes the DO: evictDurableObject refuses an object that is not running.
    await run.check({ kind: "evict" }, { changed: false });
    for (const c of cmds) {
      run.clock += 1_000;
      vi.setSystemTime(run.clock);
      await run.check(c, (await run.step(c)) ?? { changed: false });
    }
    await run.checkD1();
  } finally {
    vi.useRealTimers();
  }
}

/**
 * Each run costs seconds of real REST calls, so a failure is reported as found, unshrunk: replay it
 * with the printed seed and path (and endOnFailure: false) to shrink it locally.
 */
export const PROPERTY_OPTIONS = { endOnFailure: true } as const;
