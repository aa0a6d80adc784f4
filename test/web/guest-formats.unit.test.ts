// Times as the guest reads them: the clock and date order from the page's language with the
// location's country, always in the location's zone, the zone named when the device is elsewhere.
import { describe, expect, it } from "vitest";
import { Formats, formatLocale } from "../../web/src/guest/i18n/format";

const at = Date.parse("2026-12-05T00:30:00Z"); // Friday 4 December, 19:30 in New York
const NY = "America/New_York";
const clean = (s: string) => s.replace(/[\u2009\u202f\u00a0]/g, " ");

describe("guest formats", () => {
  it("reads a New York time in 12-hour English and a Roman one in 24-hour Italian", () => {
    expect(clean(new Formats("en", "US", NY, NY).time(at))).toBe("7:30 PM");
    expect(new Formats("it", "IT", "Europe/Rome", "Europe/Rome").time(at)).toBe("1:30");
  });

  it("takes the clock from the country too: English in the UK is 24-hour, Spanish in the US is 12-hour", () => {
    expect(new Formats("en", "GB", NY, NY).time(at)).toBe("19:30");
    expect(clean(new Formats("es", "US", NY, NY).time(at))).toMatch(/^7:30 p\.\s?m\.$/);
    expect(formatLocale("zh-Hans", "CN")).toBe("zh-Hans-CN");
    expect(formatLocale("qps-plocm", "US")).toBe("en-US");
  });

  it("writes dates in the language's order, in the location's zone (not UTC's date)", () => {
    expect(new Formats("en", "US", NY, NY).date(at)).toMatch(/^Friday, December 4/);
    expect(new Formats("de", "DE", NY, NY).date(at)).toMatch(/^Freitag, 4\. Dezember/);
    expect(new Formats("zh-Hans", "CN", NY, NY).date(at)).toMatch(/12月4日星期五/);
    expect(new Formats("en", "US", NY, NY).localDate(at)).toBe("2026-12-04");
  });

  it("names the zone only when the device is set to another offset", () => {
    const home = new Formats("en", "US", NY, NY);
    const abroad = new Formats("en", "US", NY, "Europe/Paris");
    expect(home.elsewhere(at)).toBe(false);
    expect(clean(home.time(at))).toBe("7:30 PM");
    expect(abroad.elsewhere(at)).toBe(true);
    expect(clean(abroad.time(at))).toBe("7:30 PM EST");
    // Another zone with the same offset at that instant reads the same clock: no name needed.
    expect(new Formats("en", "US", NY, "America/Toronto").elsewhere(at)).toBe(false);
  });

  it("keeps wall-clock times on a daylight-saving day (Rome, 28 March 2027)", () => {
    const rome = new Formats("it", "IT", "Europe/Rome", "Europe/Rome");
    expect(rome.time(Date.parse("2027-03-28T17:30:00Z"))).toBe("19:30");
    expect(rome.calendarDate("2027-03-28")).toBe("domenica 28 marzo 2027");
  });

  it("says relative days with Intl.RelativeTimeFormat and waits with Intl units", () => {
    const f = new Formats("fr", "FR", NY, NY);
    expect(f.day(at + 86_400_000, at)).toBe("demain");
    expect(f.day(at, at)).toBe("aujourd’hui");
    expect(f.relativeDays(at + 3 * 86_400_000, at)).toBe("dans 3 jours");
    expect(clean(new Formats("de", "DE", NY, NY).minutes(15))).toBe("15 Min.");
  });

  it("writes opening hours as a range in the language's clock", () => {
    expect(clean(new Formats("en", "US", NY, NY).range("17:00", "22:00"))).toMatch(/^5:00 – 10:00 PM$/);
    expect(clean(new Formats("de", "DE", NY, NY).range("17:00", "22:00"))).toMatch(/^17:00\s?–\s?22:00( Uhr)?$/);
  });
});
