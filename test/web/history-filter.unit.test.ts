// History filters and the CSV download (web/src/host/settings/history-filter.ts, csv.ts).
import { describe, expect, it } from "vitest";
import type { RestParty } from "../../web/src/shared/types";
import { csvCell } from "../../domain/csv";
import { historyCsv } from "../../web/src/host/settings/csv";
import { defaultFilter, filterErrors, historyQuery, matchesHere, type HistoryFilter } from "../../web/src/host/settings/history-filter";

let n = 0;
function party(over: Partial<RestParty> = {}): RestParty {
  n += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`, name: `Party ${n}`, phone: null, partySize: 2, notes: "", tags: [], quotedWaitMinutes: 15,
    source: "host", smsConsent: false, status: "seated", position: null, partiesAhead: null, estimatedWaitMinutes: null,
    createdAt: "2026-12-05T18:00:00.000Z", notifiedAt: null, notifyCount: 0, seatedAt: "2026-12-05T18:25:00.000Z", closedAt: "2026-12-05T18:25:00.000Z",
    updatedAt: "2026-12-05T18:25:00.000Z", version: 3, onMyWayAt: null, tableIds: [], closedBy: "staff", ...over,
  };
}
const f = (over: Partial<HistoryFilter> = {}): HistoryFilter => ({ ...defaultFilter("2026-12-05"), ...over });

describe("history query", () => {
  it("asks for whole local days in the location's zone, the last day included", () => {
    const q = new URLSearchParams(historyQuery(f({ from: "2026-12-01", to: "2026-12-05" }), "America/New_York", null));
    expect(q.get("from")).toBe("2026-12-01T05:00:00.000Z");
    expect(q.get("to")).toBe("2026-12-06T05:00:00.000Z");
    expect(q.get("limit")).toBe("200");
    expect(q.has("state")).toBe(false);
  });

  it("follows a daylight-saving change (the spring day is 23 hours long)", () => {
    const q = new URLSearchParams(historyQuery(f({ from: "2026-03-08", to: "2026-03-08" }), "America/New_York", null));
    expect(q.get("from")).toBe("2026-03-08T05:00:00.000Z");
    expect(q.get("to")).toBe("2026-03-09T04:00:00.000Z");
  });

  it("sends the outcomes only when some are left out, and the cursor of the next page", () => {
    const q = new URLSearchParams(historyQuery(f({ states: ["seated", "no_show"] }), "UTC", "abc"));
    expect(q.get("status")).toBe("seated,no_show");
    expect(q.get("state")).toBeNull();
    expect(q.get("cursor")).toBe("abc");
  });

  it("defaults to the last seven days up to today", () => {
    expect(defaultFilter("2026-12-05")).toMatchObject({ from: "2026-11-29", to: "2026-12-05", size: "", q: "" });
  });

  it("puts errors on the field they are about", () => {
    expect(filterErrors(f({ from: "2026-12-05", to: "2026-12-01" }))).toEqual({ to: "The last day is before the first day." });
    expect(filterErrors(f({ from: "", states: [] }))).toEqual({ from: "Choose the first day.", states: "Choose at least one outcome." });
    expect(filterErrors(f())).toEqual({});
  });
});

describe("filters applied in the browser", () => {
  it("size by band", () => {
    expect(matchesHere(party({ partySize: 3 }), f({ size: "3-4" }))).toBe(true);
    expect(matchesHere(party({ partySize: 5 }), f({ size: "3-4" }))).toBe(false);
    expect(matchesHere(party({ partySize: 12 }), f({ size: "7+" }))).toBe(true);
  });

  it("search in name, notes and tags, case-insensitive; phone by its digits however typed", () => {
    const p = party({ name: "García", notes: "Birthday cake", tags: ["window"], phone: "+442079460000" });
    for (const q of ["garc", "CAKE", "window", "020 7946", "7946-0000"]) expect(matchesHere(p, f({ q }))).toBe(true);
    for (const q of ["smith", "12"]) expect(matchesHere(p, f({ q }))).toBe(false);
  });
});

describe("CSV download", () => {
  it("is spreadsheet-safe: formulas prefixed, quotes doubled, commas and newlines quoted", () => {
    expect(csvCell("=HYPERLINK(\"x\")")).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell("+442079460000")).toBe("'+442079460000");
    expect(csvCell("a, b")).toBe('"a, b"');
    expect(csvCell(["window", "patio"])).toBe("window; patio");
    expect(csvCell(null)).toBe("");
  });

  it("has a header, one CRLF line per party with local and UTC times, and a byte-order mark", () => {
    const csv = historyCsv([party({ name: "Ito", partySize: 4 })], "Asia/Tokyo");
    expect(csv.startsWith("\uFEFFclosed (local),name,phone,size,outcome,waited minutes,")).toBe(true);
    const [, line] = csv.slice(1).split("\r\n");
    expect(line).toMatch(/^2026-12-06 03:25,Ito,,4,seated,25,15,staff,host,,,2026-12-05T18:00:00.000Z,,2026-12-05T18:25:00.000Z,2026-12-05T18:25:00.000Z,/);
    expect(csv.endsWith("\r\n")).toBe(true);
  });
});
