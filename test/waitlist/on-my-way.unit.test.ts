// The one rule for "on my way" (domain/waitlist/on-my-way.ts), shared by the status page and the DO.
import { describe, expect, it } from "vitest";
import { DEFAULT_ALMOST_UP_POSITION, mayBeOnMyWay } from "../../domain/waitlist/on-my-way";

describe("mayBeOnMyWay", () => {
  it.each([
    [{ status: "waiting", position: 1 }, 3, true],
    [{ status: "waiting", position: 3 }, 3, true],
    [{ status: "waiting", position: 4 }, 3, false],
    [{ status: "waiting", position: 11 }, 3, false],
    [{ status: "waiting", position: 11 }, 12, true],
    [{ status: "notified", position: 11 }, 3, true],
    [{ status: "waiting", position: null }, 3, false],
    [{ status: "seated", position: null }, 3, false],
    [{ status: "left", position: null }, 3, false],
  ] as const)("%o with almost-up at %i: %s", (status, almostUp, expected) => {
    expect(mayBeOnMyWay(status, almostUp)).toBe(expected);
  });

  it("uses the default almost-up position (3) when the location has none", () => {
    expect(DEFAULT_ALMOST_UP_POSITION).toBe(3);
    expect(mayBeOnMyWay({ status: "waiting", position: 3 })).toBe(true);
    expect(mayBeOnMyWay({ status: "waiting", position: 4 })).toBe(false);
  });
});
