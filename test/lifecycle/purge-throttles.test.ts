import { describe, expect, it } from "vitest";
import { purgeExpiredCredentials } from "../../src/lifecycle/expiry";
import { DAY, HOUR, MINUTE } from "../../src/lib/clock";
import { d, remaining, throttle } from "./rows";

const AT = Date.UTC(2031, 8, 1, 0);

describe("purging throttle counters", () => {
  it("deletes counters untouched for a day, but never one whose lock still runs", async () => {
    const recent = await throttle({ updatedAt: AT - HOUR });
    const stale = await throttle({ updatedAt: AT - DAY - 1 });
    const staleButLocked = await throttle({ updatedAt: AT - DAY - 1, lockedUntil: AT + 5 * MINUTE });
    const staleLockOver = await throttle({ updatedAt: AT - 2 * DAY, lockedUntil: AT - 2 * DAY + 15 * MINUTE });

    await purgeExpiredCredentials(d(), AT);

    expect(await remaining("throttles", [recent, stale, staleButLocked, staleLockOver])).toEqual([recent, staleButLocked]);
  });
});
