// Reminders and automatic no-shows run from the DO's one alarm over its schedule table; alarms can
// fire more than once, and a repeated alarm does nothing twice.
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Restaurant } from "../../durable-objects/restaurant";
import { call } from "../helpers/api";
import { bookPlace, dayFromNow, localIso, publicBook, reservationAct, scheduleRows, textsAbout } from "./support";

const MIN = 60_000;

async function onlineBooking(settings?: Record<string, unknown>) {
  const p = await bookPlace({ settings });
  const date = dayFromNow(2, p.timezone);
  const start = localIso(date, "19:00", p.timezone);
  const res = await publicBook(p, { name: "Remind me", start, smsConsent: true });
  expect(res.status, res.text).toBe(201);
  const book = await call("GET", `${p.base}/reservations?date=${date}`, { token: p.token });
  return { p, start: Date.parse(start), id: book.json.reservations[0].id as string };
}

/** Read in the DO itself: with the clock moved days ahead, the host's session has timed out. */
function status(p: Awaited<ReturnType<typeof bookPlace>>, id: string): Promise<{ status: string; version: number }> {
  return runInDurableObject(p.stub, (_i, state) => state.storage.sql.exec("SELECT status, version FROM reservations WHERE id = ?", id).one() as never);
}

/** The alarm handler run directly, as a duplicate delivery would run it. */
function fireAlarm(stub: DurableObjectStub) {
  return runInDurableObject(stub, (instance: Restaurant) => instance.alarm());
}

describe("reminders and no-shows from the alarm", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("schedules a reminder 2 h before and a no-show 15 min after the start", async () => {
    const { p, start, id } = await onlineBooking();
    expect(await scheduleRows(p.stub)).toEqual([
      { kind: "reminder", ref: id, due_at: start - 120 * MIN },
      { kind: "no_show", ref: id, due_at: start + 15 * MIN },
    ]);
  });

  it("sends the reminder with reply 1 / 9 when it is due, once, however often the alarm fires", async () => {
    const { p, start, id } = await onlineBooking();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(start - 119 * MIN);
    await runDurableObjectAlarm(p.stub);
    const after = await status(p, id);
    await fireAlarm(p.stub);
    await fireAlarm(p.stub);
    const reminders = (await textsAbout(p.stub, id)).filter((t) => t.kind === "reservation_reminder");
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.body).toMatch(/Reply 1 to confirm, 9 to cancel/);
    expect(reminders[0]!.body).toMatch(/19:00/);
    expect(reminders[0]!.body).toMatch(/\/book\/[0-9a-f]{32}/);
    expect((await status(p, id)).version).toBe(after.version);
    expect((await scheduleRows(p.stub)).map((r) => r.kind)).toEqual(["no_show"]);
  });

  it("sends no reminder before it is due", async () => {
    const { p, start, id } = await onlineBooking();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(start - 121 * MIN);
    await fireAlarm(p.stub);
    expect((await textsAbout(p.stub, id)).map((t) => t.kind)).toEqual(["reservation_confirmation"]);
  });

  it("honours the location's reminder hours", async () => {
    const { p, start } = await onlineBooking({ reminderHours: 5 });
    expect((await scheduleRows(p.stub))[0]).toMatchObject({ kind: "reminder", due_at: start - 300 * MIN });
  });

  it("marks a booking not arrived 15 minutes after its start a no-show, once", async () => {
    const { p, start, id } = await onlineBooking();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(start + 16 * MIN);
    await fireAlarm(p.stub);
    const first = await status(p, id);
    expect(first.status).toBe("no_show");
    await fireAlarm(p.stub);
    expect((await status(p, id)).version).toBe(first.version);
    expect(await scheduleRows(p.stub)).toEqual([]);
  });

  it("leaves a booking that arrived in time alone", async () => {
    const { p, start, id } = await onlineBooking();
    expect((await reservationAct(p, id, "arrive")).status).toBe(200);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(start + 30 * MIN);
    await fireAlarm(p.stub);
    expect((await status(p, id)).status).toBe("arrived");
  });

  it("waits for the grace period: 14 minutes after the start it is still booked", async () => {
    const { p, start, id } = await onlineBooking();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(start + 14 * MIN);
    await fireAlarm(p.stub);
    expect((await status(p, id)).status).toBe("booked");
  });

  it("keeps one physical alarm armed for the earliest due entry", async () => {
    const { p, start } = await onlineBooking();
    // Drain the flushes; the alarm then rests on the reminder.
    for (let i = 0; i < 5; i++) await runDurableObjectAlarm(p.stub);
    const alarm = await runInDurableObject(p.stub, (_i, state) => state.storage.getAlarm());
    expect(alarm).toBe(start - 120 * MIN);
  });
});
