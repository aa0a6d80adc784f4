// Issue 22: the display board's waits age with time, not only when the line changes. With a two-top
// seated at the only table, the next couple's wait is about a dining time; half an hour later (and
// nothing done meanwhile) the one alarm, which ticks every minute while a board is open, sends every
// board the shorter wait. Without an open board the alarm does not tick for it.
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BOARD_TICK_MS } from "../../durable-objects/live/board";
import { call } from "../helpers/api";
import { ALL_DAY, seat, walkIn } from "../floor/support";
import { bookPlace, type BookPlace } from "../reservations/support";
import { closeAll, connect } from "./socket";

const MIN = 60_000;

afterEach(async () => {
  vi.useRealTimers();
  await closeAll();
});

const isBoard = (m: any) => m?.type === "board";
const twoTopWait = (m: any) => m.waits.find((w: any) => w.partySize === 2)?.estimateMinutes as number;
const alarmAt = (p: BookPlace) => runInDurableObject(p.stub, (_i, state) => state.storage.getAlarm());

/** Runs every alarm armed at or before `by` (the outbox flushes after a change come first). */
async function alarmsUntil(p: BookPlace, by: number) {
  for (let i = 0; i < 10; i++) {
    const at = await alarmAt(p);
    if (at === null || at > by) return;
    await runDurableObjectAlarm(p.stub);
  }
}

describe("display board waits over time", () => {
  it("are sent again as time moves them, to every open board, with no change to the line", async () => {
    const p = await bookPlace({ timezone: "UTC", tables: [["A", 1, 2]], settings: { hours: ALL_DAY } });
    expect((await call("PATCH", `${p.base}/waitlist-settings`, { token: p.token, body: { boardEnabled: true } })).status).toBe(200);
    const first = await walkIn(p, "First Diner");
    expect((await seat(p, first, { tableIds: [p.tables[0]!.id] })).status).toBe(200);
    await walkIn(p, "Next Couple");

    const start = Date.now();
    const boardA = await connect(`/api/public/locations/${p.slug}/board/live`);
    const boardB = await connect(`/api/public/locations/${p.slug}/board/live`);
    const before = await boardA.next(isBoard);
    await boardB.next(isBoard);
    const waitBefore = twoTopWait(before);
    expect(waitBefore).toBeGreaterThanOrEqual(60);
    // An open board keeps the alarm due within a minute.
    const due = await alarmAt(p);
    expect(due).not.toBeNull();
    expect(due!).toBeLessThanOrEqual(start + BOARD_TICK_MS + 5_000);

    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(start + 30 * MIN);
    await alarmsUntil(p, start + 30 * MIN);
    const afterA = await boardA.next((m) => isBoard(m) && twoTopWait(m) !== waitBefore);
    const afterB = await boardB.next((m) => isBoard(m) && twoTopWait(m) !== waitBefore);
    expect(twoTopWait(afterA)).toBeLessThan(waitBefore);
    expect(twoTopWait(afterB)).toBe(twoTopWait(afterA));
    // Nothing in the line changed: the same version, and the same parties.
    expect(afterA.version).toBe(before.version);
    expect(afterA.next).toEqual(before.next);
  });

  it("stop ticking once no board is open", async () => {
    const p = await bookPlace({ timezone: "UTC", tables: [["A", 1, 2]], settings: { hours: ALL_DAY } });
    expect((await call("PATCH", `${p.base}/waitlist-settings`, { token: p.token, body: { boardEnabled: true } })).status).toBe(200);
    const board = await connect(`/api/public/locations/${p.slug}/board/live`);
    await board.next(isBoard);
    await board.close();
    await alarmsUntil(p, Date.now() + BOARD_TICK_MS + 5_000);
    const next = await alarmAt(p);
    // Whatever else may be due (retention sweeps, far off), it is no board tick a minute away.
    expect(next === null || next > Date.now() + BOARD_TICK_MS + 5_000).toBe(true);
  });
});
