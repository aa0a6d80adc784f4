// Wall-clock times in a zone, right across daylight-saving changes.
import { describe, expect, it } from "vitest";
import { localDate, localTime, startOfLocalDay, zonedInstant } from "../../domain/time";

const NY = "America/New_York";

describe("zonedInstant", () => {
  it("turns a New York winter evening into UTC (-5 h)", () => {
    expect(new Date(zonedInstant("2026-12-05", 18 * 60 + 30, NY)!).toISOString()).toBe("2026-12-05T23:30:00.000Z");
  });

  it("turns a New York summer evening into UTC (-4 h)", () => {
    expect(new Date(zonedInstant("2026-07-05", 18 * 60 + 30, NY)!).toISOString()).toBe("2026-07-05T22:30:00.000Z");
  });

  it("has no instant for a wall time skipped in spring (02:30 on 8 March 2026 in New York)", () => {
    expect(zonedInstant("2026-03-08", 2 * 60 + 30, NY)).toBeNull();
  });

  it("takes the first of a wall time repeated in autumn (01:30 on 1 November 2026 in New York is EDT)", () => {
    expect(new Date(zonedInstant("2026-11-01", 90, NY)!).toISOString()).toBe("2026-11-01T05:30:00.000Z");
  });

  it("handles a half-hour zone and the southern hemisphere's change (Adelaide, 5 April 2026)", () => {
    const at = zonedInstant("2026-04-05", 12 * 60, "Australia/Adelaide")!;
    expect(localTime(at, "Australia/Adelaide")).toBe("12:00");
    expect(localDate(at, "Australia/Adelaide")).toBe("2026-04-05");
  });

  it("starts a local day at its midnight", () => {
    expect(new Date(startOfLocalDay("2026-12-05", NY)).toISOString()).toBe("2026-12-05T05:00:00.000Z");
  });
});
