// The hold on a notified party (domain/waitlist/hold.ts): when it ends, when it turns into an
// automatic no-show, and what "on my way", a second notify and a restore do to it.
import { describe, expect, it } from "vitest";
import { autoNoShowAt, holdEndsAt, holdStart, nextHoldExpiry, type HoldFields } from "../../domain/waitlist/hold";

const MIN = 60_000;
const T = Date.UTC(2026, 11, 4, 19, 0);
const on = { autoNoShow: true, holdMinutes: 10 };
const notified = (over: Partial<HoldFields> = {}): HoldFields => ({ status: "notified", notifiedAt: T, onMyWayAt: null, autoNoShowAt: null, ...over });

describe("the hold on a notified party", () => {
  it("runs holdMinutes from the notify", () => {
    expect(holdStart(notified())).toBe(T);
    expect(holdEndsAt(notified(), 10)).toBe(T + 10 * MIN);
    expect(autoNoShowAt(notified(), on)).toBe(T + 10 * MIN);
  });

  it("holds nobody who is waiting (not notified) or already closed", () => {
    expect(holdEndsAt({ status: "waiting", notifiedAt: null }, 10)).toBeNull();
    expect(autoNoShowAt({ status: "seated", notifiedAt: T }, on)).toBeNull();
    expect(autoNoShowAt({ status: "no_show", notifiedAt: T }, on)).toBeNull();
  });

  it("never turns into a no-show while the setting is off (the party still shows as late)", () => {
    expect(autoNoShowAt(notified(), { autoNoShow: false, holdMinutes: 10 })).toBeNull();
    expect(holdEndsAt(notified(), 10)).toBe(T + 10 * MIN);
  });

  it("restarts once from an \"on my way\" given after the notify", () => {
    const p = notified({ onMyWayAt: T + 4 * MIN });
    expect(holdEndsAt(p, 10)).toBe(T + 14 * MIN);
    expect(autoNoShowAt(p, on)).toBe(T + 14 * MIN);
  });

  it("is not extended by an \"on my way\" given before the notify", () => {
    expect(autoNoShowAt(notified({ onMyWayAt: T - 5 * MIN }), on)).toBe(T + 10 * MIN);
  });

  it("restarts with a second notify (notifiedAt moves)", () => {
    expect(autoNoShowAt(notified({ notifiedAt: T + 7 * MIN }), on)).toBe(T + 17 * MIN);
  });

  it("fires once per hold: restored after an automatic no-show, it is not marked again until notified again", () => {
    const restored = notified({ autoNoShowAt: T + 10 * MIN });
    expect(autoNoShowAt(restored, on)).toBeNull();
    expect(autoNoShowAt({ ...restored, notifiedAt: T + 20 * MIN }, on)).toBe(T + 30 * MIN);
  });

  it("follows the setting's minutes", () => {
    expect(autoNoShowAt(notified(), { autoNoShow: true, holdMinutes: 2 })).toBe(T + 2 * MIN);
  });

  it("the next expiry is the earliest among the parties held", () => {
    const parties = [notified({ notifiedAt: T + 5 * MIN }), { status: "waiting" as const, notifiedAt: null }, notified({ notifiedAt: T + 1 * MIN })];
    expect(nextHoldExpiry(parties, on)).toBe(T + 11 * MIN);
    expect(nextHoldExpiry(parties, { ...on, autoNoShow: false })).toBeNull();
    expect(nextHoldExpiry([], on)).toBeNull();
  });
});
