// Property (issue 17): under random sequences of walk-ins, seating (at chosen tables or the
// suggestion), clearing, restoring, seating and completing bookings, and evictions of the DO, the
// floor always matches a simple model: no table ever holds two parties, a party sits at every table
// it was given and nowhere else, refusals happen exactly when the model says a table is taken or too
// small, and nothing is lost when the object restarts.
import { evictDurableObject } from "cloudflare:test";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { call } from "../helpers/api";
import { booked, type BookPlace } from "../reservations/support";
import { clear, floor, floorPlace, seat, walkIn } from "./support";

type How = { kind: "suggest" } | { kind: "tables"; picks: number[] };
type Cmd =
  | { t: "add"; size: number }
  | { t: "seat"; party: number; how: How }
  | { t: "restore"; party: number }
  | { t: "clear"; table: number }
  | { t: "seatBooking"; booking: number; how: How }
  | { t: "complete"; booking: number }
  | { t: "evict" };

const how: fc.Arbitrary<How> = fc.oneof(
  fc.constant<How>({ kind: "suggest" }),
  fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 3 }).map((picks): How => ({ kind: "tables", picks })),
  fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { minLength: 2, maxLength: 2 }).map((picks): How => ({ kind: "tables", picks })),
);
const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 9 }).map((size): Cmd => ({ t: "add", size })) },
  { weight: 4, arbitrary: fc.record({ party: fc.nat(7), how }).map((c): Cmd => ({ t: "seat", ...c })) },
  { weight: 1, arbitrary: fc.nat(7).map((party): Cmd => ({ t: "restore", party })) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 3 }).map((table): Cmd => ({ t: "clear", table })) },
  { weight: 2, arbitrary: fc.record({ booking: fc.nat(1), how }).map((c): Cmd => ({ t: "seatBooking", ...c })) },
  { weight: 1, arbitrary: fc.nat(1).map((booking): Cmd => ({ t: "complete", booking })) },
  { weight: 1, arbitrary: fc.constant<Cmd>({ t: "evict" }) },
);

interface Model {
  /** table id → the party's or booking's id */
  at: Map<string, string>;
  parties: { id: string; size: number; state: "waiting" | "seated" }[];
  bookings: { id: string; size: number; status: "booked" | "seated" | "completed" }[];
}

const TABLES: [string, number, number][] = [["T2", 1, 2], ["T4", 3, 4], ["T6", 5, 6], ["T8", 7, 8]];

describe("occupancy under random sequences with evictions", () => {
  it("never puts two parties at one table and always matches the model", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(cmd, { minLength: 10, maxLength: 24, size: "max" }), async (cmds) => {
        const p = await floorPlace(TABLES);
        const ids = p.tables.map((t) => t.id);
        const seats = new Map(p.tables.map((t) => [t.id, t]));
        // T4 + T6 seat up to ten together.
        const combo = await call("POST", `${p.base}/tables`, { token: p.token, body: { name: "T4+T6", tableIds: [ids[1], ids[2]], minSeats: 9, maxSeats: 10 } });
        expect(combo.status, combo.text).toBe(201);
        const m: Model = { at: new Map(), parties: [], bookings: [] };
        const soon = new Date(Math.ceil((Date.now() + 20 * 60_000) / 60_000) * 60_000).toISOString();
        for (const size of [2, 4]) m.bookings.push({ id: (await booked(p, { name: `Booking ${size}`, partySize: size, start: soon, tableIds: [] })).id, size, status: "booked" });

        const free = (tables: string[]) => tables.every((id) => !m.at.has(id));
        const fitting = (size: number) =>
          [...ids.map((id) => [id]), [ids[1]!, ids[2]!]].filter((set) => {
            const min = set.length === 1 ? seats.get(set[0]!)!.minSeats : 9;
            const max = set.length === 1 ? seats.get(set[0]!)!.maxSeats : 10;
            return size >= min && size <= max && free(set);
          });
        /** The outcome the model expects for seating `size` at `how`: the tables, or the refusal's status. */
        const expectSeat = (size: number, h: How): string[] | 409 => {
          if (h.kind === "suggest") return fitting(size).length > 0 ? [] : 409;
          const set = h.picks.map((i) => ids[i]!);
          if (!free(set)) return 409;
          return set.reduce((s, id) => s + seats.get(id)!.maxSeats, 0) >= size ? set : 409;
        };
        const body = (h: How) => (h.kind === "suggest" ? { suggest: true } : { tableIds: h.picks.map((i) => ids[i]!) });
        const took = (who: string, tables: string[], size: number, h: How) => {
          if (h.kind === "suggest") expect(fitting(size).map((s) => s.join())).toContain(tables.join());
          else expect(tables).toEqual(h.picks.map((i) => ids[i]!));
          for (const id of tables) m.at.set(id, who);
        };
        const leave = (who: string) => {
          for (const [t, w] of [...m.at]) if (w === who) m.at.delete(t);
        };

        for (const c of cmds) {
          switch (c.t) {
            case "add":
              m.parties.push({ id: await walkIn(p, `P${m.parties.length}`, c.size), size: c.size, state: "waiting" });
              break;
            case "seat": {
              // Indexes pick among the parties there are (the newest when the index runs past them).
              const party = m.parties[c.party % Math.max(1, m.parties.length)];
              if (!party) break;
              const res = await seat(p, party.id, body(c.how));
              const want = party.state === "seated" ? 409 : expectSeat(party.size, c.how);
              if (want === 409) expect(res.status, res.text).toBe(409);
              else {
                expect(res.status, res.text).toBe(200);
                took(party.id, res.json.tableIds, party.size, c.how);
                party.state = "seated";
              }
              break;
            }
            case "restore": {
              const party = m.parties[c.party % Math.max(1, m.parties.length)];
              if (!party) break;
              const res = await call("POST", `${p.base}/waitlist/${party.id}/restore`, { token: p.token });
              expect(res.status, res.text).toBe(party.state === "seated" ? 200 : 409);
              if (party.state === "seated") {
                leave(party.id);
                party.state = "waiting";
              }
              break;
            }
            case "clear": {
              const id = ids[c.table]!;
              const who = m.at.get(id);
              const res = await clear(p, id);
              expect(res.status, res.text).toBe(who ? 200 : 409);
              if (who) {
                leave(who);
                const b = m.bookings.find((x) => x.id === who);
                if (b) b.status = "completed";
              }
              break;
            }
            case "seatBooking": {
              const b = m.bookings[c.booking]!;
              const res = await call("POST", `${p.base}/reservations/${b.id}/seat`, { token: p.token, body: body(c.how) });
              const want = b.status !== "booked" ? 409 : expectSeat(b.size, c.how);
              if (want === 409) expect(res.status, res.text).toBe(409);
              else {
                expect(res.status, res.text).toBe(200);
                took(b.id, res.json.reservation.tableIds, b.size, c.how);
                b.status = "seated";
              }
              break;
            }
            case "complete": {
              const b = m.bookings[c.booking]!;
              const res = await call("POST", `${p.base}/reservations/${b.id}/complete`, { token: p.token });
              expect(res.status, res.text).toBe(b.status === "seated" ? 200 : 409);
              if (b.status === "seated") {
                leave(b.id);
                b.status = "completed";
              }
              break;
            }
            case "evict":
              await evictDurableObject(p.stub);
              break;
          }
          await matches(p, m);
        }
      }),
      // Each run is a few dozen requests through the Worker: shrinking a failure would re-run hundreds; the first counterexample is reported as is.
      { numRuns: 15, endOnFailure: true },
    );
    // Each run signs up an owner and makes a few dozen requests: more than the default 30 s on a busy machine.
  }, 240_000);
});

/** The floor read equals the model: each table seated exactly when the model has someone there, by that someone. */
async function matches(p: BookPlace, m: Model) {
  const tables = await floor(p);
  for (const t of tables) {
    const who = m.at.get(t.id);
    expect(t.status, t.name).toBe(who ? "seated" : "free");
    expect(t.party?.id ?? null, t.name).toBe(who ?? null);
    if (who) expect([...t.party.tableIds].sort()).toEqual([...m.at].filter(([, w]) => w === who).map(([id]) => id).sort());
  }
  // Each occupant is at one set of tables, and the sets never overlap.
  const claimed = tables.flatMap((t) => (t.party ? t.party.tableIds.map((id: string) => `${id}:${t.party.id}`) : []));
  const byTable = new Map<string, Set<string>>();
  for (const x of claimed) {
    const [table, party] = x.split(":");
    byTable.set(table!, (byTable.get(table!) ?? new Set()).add(party!));
  }
  for (const owners of byTable.values()) expect(owners.size).toBe(1);
}
