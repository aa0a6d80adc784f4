// localWeekdayHour: the weekday and hour that estimates bucket by, in the location's time zone,
// correct across daylight-saving changes.
import { describe, expect, it } from "vitest";
import { localWeekdayHour } from "../../domain/waitlist/model";

const at = (iso: string) => Date.parse(iso);

describe("localWeekdayHour", () => {
  it("America/New_York: the spring-forward hour 02:00 never appears", () => {
    expect(localWeekdayHour(at("2025-03-09T06:30:00Z"), "America/New_York")).toEqual({ weekday: 0, hour: 1 });
    expect(localWeekdayHour(at("2025-03-09T07:00:00Z"), "America/New_York")).toEqual({ weekday: 0, hour: 3 });
  });

  it("America/New_York: the fall-back hour 01:00 happens twice", () => {
    expect(localWeekdayHour(at("2025-11-02T05:30:00Z"), "America/New_York")).toEqual({ weekday: 0, hour: 1 });
    expect(localWeekdayHour(at("2025-11-02T06:30:00Z"), "America/New_York")).toEqual({ weekday: 0, hour: 1 });
    expect(localWeekdayHour(at("2025-11-02T07:30:00Z"), "America/New_York")).toEqual({ weekday: 0, hour: 2 });
  });

  it("America/New_York: the same UTC hour is a different local hour in summer and winter", () => {
    expect(localWeekdayHour(at("2025-01-15T23:00:00Z"), "America/New_York")).toEqual({ weekday: 3, hour: 18 });
    expect(localWeekdayHour(at("2025-07-16T23:00:00Z"), "America/New_York")).toEqual({ weekday: 3, hour: 19 });
  });

  it("America/New_York: the weekday is the local one, not UTC's", () => {
    expect(localWeekdayHour(at("2025-03-09T04:59:00Z"), "America/New_York")).toEqual({ weekday: 6, hour: 23 });
  });

  it("Europe/London: 01:00 is skipped when BST starts", () => {
    expect(localWeekdayHour(at("2025-03-30T00:30:00Z"), "Europe/London")).toEqual({ weekday: 0, hour: 0 });
    expect(localWeekdayHour(at("2025-03-30T01:00:00Z"), "Europe/London")).toEqual({ weekday: 0, hour: 2 });
  });

  it("Europe/London: 01:00 happens twice when BST ends", () => {
    expect(localWeekdayHour(at("2025-10-26T00:30:00Z"), "Europe/London")).toEqual({ weekday: 0, hour: 1 });
    expect(localWeekdayHour(at("2025-10-26T01:30:00Z"), "Europe/London")).toEqual({ weekday: 0, hour: 1 });
  });

  it("Europe/London: summer midnight is hour 0 of the next local day", () => {
    expect(localWeekdayHour(at("2025-07-01T23:30:00Z"), "Europe/London")).toEqual({ weekday: 3, hour: 0 });
  });

  it("UTC midnight is hour 0, never 24", () => {
    expect(localWeekdayHour(at("2025-06-01T00:00:00Z"), "UTC")).toEqual({ weekday: 0, hour: 0 });
  });
});
