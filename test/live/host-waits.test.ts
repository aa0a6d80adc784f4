// One estimate everywhere (issue 16 item 3, issue 19 item 5): with tables on the floor, the host
// screen's figures come from the Durable Object's estimator — the one the guest page, the texts, REST
// and webhooks use — not from minutes between seatings worked out in the browser. The same party gets
// the same figure in the host frame, REST, its guest status and its "joined" text; the Add form's
// estimate for a size is what a party of that size is then given.
import { evictDurableObject, runInDurableObject } from "cloudflare:test";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { LocationRef } from "../../domain/waitlist/protocol";
import type { Restaurant } from "../../durable-objects/restaurant";
import { call } from "../helpers/api";
import { ALL_DAY, seat, walkIn } from "../floor/support";
import { bookPlace, type BookPlace } from "../reservations/support";
import { flush, freshPhone, rowsTo } from "../sms/helpers";
import { closeAll, isEvent, isSnapshot, isStatus, openGuest, openHost, tokenOf } from "./socket";

// The clock stands still, so the floor's figures (which move with every minute a table is taken)
// are exactly comparable between the frames and answers read one after another.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.UTC(2026, 11, 3, 19, 0));
});
afterEach(async () => {
  vi.useRealTimers();
  await closeAll();
});

/** The interval estimate a couple would be given here: the 1–2 band's default (8 min) × parties ahead + 1. */
const INTERVAL_FOR_COUPLE = 8;

type Range = { lowMinutes: number; highMinutes: number } | null;
/** A party's figure in a REST answer or the snapshot (the names of docs/api-style.md's "today" column). */
const restFigure = (p: any): { minutes: number; range: Range } => ({ minutes: p.estimatedWaitMinutes, range: p.estimatedWaitRange ?? null });
const frameFigure = (w: any): { minutes: number; range: Range } => ({ minutes: w.estimatedWaitMinutes, range: w.estimatedWaitRange });

/** Two two-tops, both just taken by walk-ins seated at them: the floor's estimate is in use. */
async function fullFloor(): Promise<BookPlace> {
  const p = await bookPlace({ timezone: "UTC", tables: [["A", 1, 2], ["B", 1, 2]], settings: { hours: ALL_DAY } });
  for (const [i, name] of ["First", "Second"].entries()) {
    const id = await walkIn(p, name);
    expect((await seat(p, id, { tableIds: [p.tables[i]!.id] })).status).toBe(200);
  }
  return p;
}

async function restParties(p: BookPlace): Promise<any[]> {
  const list = await call("GET", `${p.base}/waitlist`, { token: p.token });
  expect(list.status, list.text).toBe(200);
  return list.json.parties;
}

describe("host screens get the floor's figures from the DO", () => {
  it("a couple added by the host: the Add form's estimate, its row, REST, its guest page and its joined text all say the floor's figure", async () => {
    const p = await fullFloor();
    const host = await openHost(p, p.locationId);
    const snap = await host.next(isSnapshot);
    const offered = snap.newPartyWaits.find((w: any) => w.partySize === 2);
    // Both two-tops are taken for a dining time (90 min): a wait of about the first of them to turn,
    // many times one seating interval (what the browser used to work out).
    expect(offered.estimatedWaitMinutes).toBeGreaterThan(60);
    expect(offered.estimatedWaitRange.highMinutes).toBeGreaterThan(offered.estimatedWaitMinutes);
    expect(snap.newPartyWaits.map((w: any) => w.partySize)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));

    const phone = freshPhone();
    const added = await call("POST", `${p.base}/waitlist`, { token: p.token, body: { name: "Couple", partySize: 2, phone, smsConsent: true } });
    expect(added.status, added.text).toBe(201);
    const id = added.json.id;
    const frame = await host.next((m) => isEvent(m) && m.event === "party.created" && m.party.id === id);
    const own = frame.waits.parties.find((w: any) => w.partyId === id);
    expect(own).toBeDefined();
    // What the form offered is what the party was given once in line, and quoted without a named quote.
    expect(frameFigure(own)).toEqual(frameFigure(offered));
    expect(added.json.quotedWaitMinutes).toBe(offered.estimatedWaitMinutes);
    expect(added.json.quotedWaitMinutes).not.toBe(INTERVAL_FOR_COUPLE);
    expect(restFigure(added.json)).toEqual(frameFigure(own));
    expect(restFigure((await restParties(p)).find((x) => x.id === id))).toEqual(frameFigure(own));

    const token = tokenOf(added.json.guestUrl);
    const status = await call("GET", `/api/public/parties/${token}`);
    expect(status.status, status.text).toBe(200);
    expect(restFigure(status.json)).toEqual(frameFigure(own));
    const guest = await openGuest(token);
    expect(restFigure(await guest.next(isStatus))).toEqual(frameFigure(own));

    await flush(p.locationId);
    const [joined] = await rowsTo(phone);
    expect(joined?.kind).toBe("joined");
    expect(joined?.body).toContain(`about ${offered.estimatedWaitMinutes} min`);
  });

  it("a self check-in: the join page's figure is its quote, its status and the host row's", async () => {
    const p = await fullFloor();
    await walkIn(p, "Ahead");
    const info = await call("GET", `/api/public/locations/${p.slug}`);
    expect(info.status, info.text).toBe(200);
    const forTwo = (info.json.estimates as { partySize: number; estimatedWaitMinutes: number; estimatedWaitRange: Range }[]).find((e) => e.partySize === 2)!;
    const promised = forTwo.estimatedWaitMinutes;
    expect(promised).toBeGreaterThan(60);
    const host = await openHost(p, p.locationId);
    await host.next(isSnapshot);
    const phone = freshPhone();
    const joined = await call("POST", `/api/public/locations/${p.slug}/waitlist`, { body: { name: "Self", partySize: 2, phone, smsConsent: true }, ip: "192.0.2.77" });
    expect(joined.status, joined.text).toBe(201);
    expect(joined.json.status.estimatedWaitMinutes).toBe(promised);
    // The join page's range is the one the status page then shows.
    expect(forTwo.estimatedWaitRange).not.toBeNull();
    expect(joined.json.status.estimatedWaitRange).toEqual(forTwo.estimatedWaitRange);
    expect(joined.json.status.quotedWaitMinutes).toBe(promised);
    const frame = await host.next((m) => isEvent(m) && m.event === "party.created");
    expect(frame.waits.parties.find((w: any) => w.partyId === frame.party.id).estimatedWaitMinutes).toBe(promised);
    await flush(p.locationId);
    const [text] = await rowsTo(phone);
    expect(text?.body).toContain(`about ${promised} min`);
  });

  it("a cleared table moves the figures: the next frame carries every party whose figure changed, as REST then reads them", async () => {
    const p = await fullFloor();
    const couple = await walkIn(p, "Couple");
    const four = await walkIn(p, "Four", 4);
    const host = await openHost(p, p.locationId);
    const snap = await host.next(isSnapshot);
    // The snapshot's parties carry the same figures as REST.
    const rest = await restParties(p);
    for (const x of rest) expect(restFigure(snap.parties.find((s: any) => s.id === x.id))).toEqual(restFigure(x));

    // One two-top is cleared: the couple's wait falls to a few minutes.
    expect((await call("POST", `${p.base}/tables/${p.tables[0]!.id}/clear`, { token: p.token })).status).toBe(200);
    const frame = await host.next((m) => isEvent(m) && m.waits);
    const moved = frame.waits.parties.find((w: any) => w.partyId === couple);
    expect(moved.estimatedWaitMinutes).toBeLessThanOrEqual(10);
    expect(frame.waits.newPartyWaits.find((w: any) => w.partySize === 2).estimatedWaitMinutes).toBeGreaterThan(60);
    const after = await restParties(p);
    expect(restFigure(after.find((x) => x.id === couple))).toEqual(frameFigure(moved));
    // No table seats four: its figure is the interval estimate, without a range, and did not move.
    expect(frame.waits.parties.find((w: any) => w.partyId === four)).toBeUndefined();
    expect(restFigure(after.find((x) => x.id === four))).toEqual({ minutes: 10, range: null });
  });

  it("a change that moves no figure sends its frame without waits", async () => {
    const p = await fullFloor();
    const couple = await walkIn(p, "Couple");
    const host = await openHost(p, p.locationId);
    await host.next(isSnapshot);
    const res = await call("PATCH", `${p.base}/waitlist/${couple}`, { token: p.token, body: { notes: "by the window" } });
    expect(res.status, res.text).toBe(200);
    const frame = await host.next((m) => isEvent(m) && m.event === "party.updated");
    // The figures moved once since the snapshot at most (the first change after it sends them again
    // if the snapshot's differed); with the clock still, none did.
    expect(frame.waits).toBeUndefined();
  });
});

describe("host figures across hibernation", () => {
  it("after an eviction the first change sends every figure again, as REST reads them", async () => {
    const p = await fullFloor();
    const ids = [await walkIn(p, "Couple"), await walkIn(p, "Four", 4), await walkIn(p, "Pair")];
    const host = await openHost(p, p.locationId);
    await host.next(isSnapshot);
    await evictDurableObject(p.stub);
    // What hosts were sent lived in memory only: the woken object sends all of it with the next change.
    const res = await call("PATCH", `${p.base}/waitlist/${ids[1]}`, { token: p.token, body: { notes: "high chair" } });
    expect(res.status, res.text).toBe(200);
    const frame = await host.next((m) => isEvent(m) && m.event === "party.updated");
    expect(frame.waits.parties.map((w: any) => w.partyId).sort()).toEqual([...ids].sort());
    expect(frame.waits.newPartyWaits).toHaveLength(12);
    const rest = await restParties(p);
    for (const w of frame.waits.parties) expect(frameFigure(w)).toEqual(restFigure(rest.find((x) => x.id === w.partyId)));
  });
});

describe("host figures and the work per change", () => {
  /** A floor with both two-tops taken, `n` couples in line and a host screen open. */
  async function busyFloor(n: number) {
    const p = await fullFloor();
    const ref: LocationRef = { id: p.locationId, accountId: p.accountId, name: "Work", timezone: "UTC" };
    const stub = p.stub as DurableObjectStub<Restaurant>;
    const ids = await runInDurableObject(stub, async (instance: Restaurant) => {
      const out: string[] = [];
      for (let i = 0; i < n; i++) {
        const r = await instance.at(ref).add({ name: `Guest ${i + 1}`, partySize: 2, source: "host" });
        if (!r.ok) throw new Error(r.message);
        out.push(r.value.party.id);
      }
      return out;
    });
    const host = await openHost(p, p.locationId);
    await host.next(isSnapshot);
    return { p, ref, stub, ids, host };
  }

  it("a table cleared moves every couple's figure: one frame to hosts carries them all, for as many JSON.stringify calls at 200 in line as at 20", async () => {
    const counts: number[] = [];
    for (const n of [20, 200]) {
      const { p, ref, stub, ids, host } = await busyFloor(n);
      const calls = await runInDurableObject(stub, async (instance: Restaurant) => {
        const original = JSON.stringify;
        let c = 0;
        JSON.stringify = ((...args: Parameters<typeof JSON.stringify>) => {
          c += 1;
          return original(...args);
        }) as typeof JSON.stringify;
        try {
          const r = await instance.at(ref).clearTable(p.tables[0]!.id);
          if (!r.ok) throw new Error(r.message);
        } finally {
          JSON.stringify = original;
        }
        return c;
      });
      counts.push(calls);
      const frame = await host.next((m) => isEvent(m) && m.event === "tables.updated");
      // Every couple waits less with a table free now, and each is told so in that one frame.
      expect(new Set(frame.waits.parties.map((w: any) => w.partyId))).toEqual(new Set(ids));
      const rest = await restParties(p);
      for (const w of frame.waits.parties) expect(frameFigure(w)).toEqual(restFigure(rest.find((x) => x.id === w.partyId)));
      await host.close();
    }
    expect(counts[1]).toBe(counts[0]);
  });
});
