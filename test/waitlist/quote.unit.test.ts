// The default quote (domain/waitlist/quote.ts): the estimate at joining, else the band default.
import { describe, expect, it } from "vitest";
import { defaultQuote, estimateForNewParty } from "../../domain/waitlist/quote";
import { DEFAULT_QUOTES } from "../../domain/waitlist/model";

const intervals = { "1-2": { minutes: 8 }, "3-4": { minutes: 10 }, "5-6": { minutes: 15 }, "7+": { minutes: 20 } };

describe("default quote", () => {
  it("is the band's interval times the active parties of that band plus one", () => {
    const line = [{ partySize: 2, status: "waiting" as const }, { partySize: 1, status: "notified" as const }, { partySize: 2, status: "seated" as const }, { partySize: 4, status: "waiting" as const }];
    expect(estimateForNewParty(2, line, intervals)).toBe(24);
    expect(defaultQuote(2, line, intervals, DEFAULT_QUOTES)).toBe(24);
    expect(defaultQuote(3, line, intervals, DEFAULT_QUOTES)).toBe(20);
    expect(defaultQuote(9, line, intervals, DEFAULT_QUOTES)).toBe(20);
  });
  it("falls back to the band's configured default when no estimate exists", () => {
    expect(estimateForNewParty(5, [], null)).toBeNull();
    expect(defaultQuote(5, [], null, DEFAULT_QUOTES)).toBe(DEFAULT_QUOTES["5-6"]);
  });
});
