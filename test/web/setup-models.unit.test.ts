// The time-zone picker's search and check, the tables page's rules, and which billing actions fit.
import { describe, expect, it } from "vitest";
import type { Billing, Plan, Table } from "../../web/src/shared/types";
import { billingActions, price } from "../../web/src/host/settings/billing-actions";
import { byArea, combinationBody, combinationErrors, combinationsWith, combinationUnavailable, suggestedSeats, tableBody, tableErrors } from "../../web/src/host/settings/tables-model";
import { checkZone, offsetLabel, searchZones, timeZones } from "../../web/src/host/settings/time-zones";

describe("time zones", () => {
  const zones = timeZones();
  it("lists the runtime's IANA zones and UTC", () => {
    expect(zones).toContain("Europe/London");
    expect(zones).toContain("UTC");
    expect(zones.length).toBeGreaterThan(300);
  });

  it("finds a zone by city or region as people type it", () => {
    expect(searchZones(zones, "new york")[0]).toBe("America/New_York");
    expect(searchZones(zones, "London")[0]).toBe("Europe/London");
    expect(searchZones(zones, "america los")).toEqual(["America/Los_Angeles"]);
    expect(searchZones(zones, "zzzz")).toEqual([]);
  });

  it("accepts what the server accepts, spelled canonically, and explains the rest at the field", () => {
    expect(checkZone("europe/london", zones)).toEqual({ zone: "Europe/London" });
    expect(checkZone(" UTC ", zones)).toEqual({ zone: "UTC" });
    expect(checkZone("Asia/Kolkata", zones)).toEqual({ zone: expect.stringMatching(/^Asia\/(Kolkata|Calcutta)$/) });
    expect(checkZone("Mars/Olympus", zones)).toEqual({ error: expect.stringContaining('"Mars/Olympus" is not a time zone') });
    expect(checkZone("+01:00", zones)).toEqual({ error: expect.stringContaining("is not a time zone") });
    expect(checkZone("", zones)).toEqual({ error: "Choose the location's time zone." });
  });

  it("labels each zone with its offset at the moment", () => {
    expect(offsetLabel("Asia/Kolkata", Date.UTC(2026, 0, 1))).toBe("UTC+05:30");
    expect(offsetLabel("America/New_York", Date.UTC(2026, 0, 1))).toBe("UTC−05:00");
    expect(offsetLabel("America/New_York", Date.UTC(2026, 6, 1))).toBe("UTC−04:00");
    expect(offsetLabel("UTC", Date.UTC(2026, 0, 1))).toBe("UTC±00:00");
  });
});

const table = (name: string, over: Partial<Table> = {}): Table => ({ id: `id-${name}`, name, minSeats: 1, maxSeats: 4, area: "", active: true, ...over });

describe("tables", () => {
  it("checks a table before sending: a name, unique, and a seat range the DO accepts", () => {
    expect(tableErrors({ name: " ", minSeats: 1, maxSeats: 4, area: "", active: true }, [])).toEqual({ name: expect.stringContaining("name") });
    expect(tableErrors({ name: "t1", minSeats: 1, maxSeats: 4, area: "", active: true }, [table("T1")])).toEqual({ name: "There is already a table called t1." });
    expect(tableErrors({ name: "T9", minSeats: 6, maxSeats: 2, area: "", active: true }, [])).toEqual({ maxSeats: "At least the smallest party (6)." });
    expect(tableErrors({ name: "T9", minSeats: 0, maxSeats: null, area: "", active: true }, [])).toEqual({ minSeats: "Use 1–100.", maxSeats: "Enter a number." });
  });

  it("checks a combination: at least two tables", () => {
    expect(combinationErrors({ name: "A+B", tableIds: ["a"], minSeats: 5, maxSeats: 8 })).toEqual({ tableIds: "Choose at least two tables." });
  });

  it("sends only what changed when editing", () => {
    const t = table("T1", { area: "Patio" });
    expect(tableBody({ ...t, name: " T1 ", maxSeats: 6 }, t)).toEqual({ maxSeats: 6 });
    expect(tableBody({ name: "T2", minSeats: 2, maxSeats: 4, area: " Bar ", active: true })).toEqual({ name: "T2", minSeats: 2, maxSeats: 4, area: "Bar", active: true });
    const c = { id: "c", name: "A+B", tableIds: ["a", "b"], minSeats: 5, maxSeats: 8 };
    expect(combinationBody({ ...c, tableIds: ["a", "b", "x"] }, c)).toEqual({ tableIds: ["a", "b", "x"] });
  });

  it("groups by area, areas by name, tables without one last", () => {
    expect(byArea([table("B1", { area: "Bar" }), table("X"), table("P1", { area: "Patio" }), table("B2", { area: "Bar" })]).map(([a, ts]) => [a, ts.map((t) => t.name)])).toEqual([["Bar", ["B1", "B2"]], ["Patio", ["P1"]], ["", ["X"]]]);
  });

  it("says what a delete or a deactivation takes with it", () => {
    const tables = [table("A"), table("B", { active: false }), table("C")];
    const combos = [{ id: "ab", name: "A+B", tableIds: ["id-A", "id-B"], minSeats: 5, maxSeats: 8 }, { id: "ac", name: "A+C", tableIds: ["id-A", "id-C"], minSeats: 5, maxSeats: 8 }];
    expect(combinationsWith("id-A", combos).map((c) => c.name)).toEqual(["A+B", "A+C"]);
    expect(combinationUnavailable(combos[0]!, tables)).toBe("Not offered while B is inactive.");
    expect(combinationUnavailable(combos[1]!, tables)).toBeNull();
    expect(combinationUnavailable({ ...combos[1]!, tableIds: ["id-A", "gone"] }, tables)).toBe("A table in it no longer exists.");
  });

  it("suggests a combination's seats from its tables: above the biggest alone, up to all together", () => {
    expect(suggestedSeats(["id-A", "id-C"], [table("A"), table("C", { maxSeats: 6 })])).toEqual({ minSeats: 7, maxSeats: 10 });
  });
});

const plan = (code: string, priceCents = 9900): Plan => ({ code, name: code, priceCents, locationsAllowed: 5, smsPerLocationPerMonth: 2000, allowOverage: true, features: { selfCheckIn: true, bookings: true, twoWaySms: true, apiAccess: true } });
function billing(over: Partial<Billing>): Billing {
  return { plan: plan("free", 0), subscribedPlan: null, status: "none", periodEnd: null, cancelAtPeriodEnd: false, pastDueSince: null, graceEndsAt: null, usage: [], notices: [], plans: [plan("starter", 3900), plan("pro")], ...over };
}
const future = new Date(Date.now() + 10 * 86_400_000).toISOString();

describe("billing actions", () => {
  it("without a subscription: only subscribing (which needs the card form)", () => {
    expect(billingActions(billing({}))).toEqual({ cancel: false, reactivate: false, changeTo: [], subscribe: true, accountLink: false });
  });
  it("active: cancel, change to the other plans, the hosted page", () => {
    const a = billingActions(billing({ status: "active", plan: plan("pro"), subscribedPlan: plan("pro"), periodEnd: future }));
    expect(a).toMatchObject({ cancel: true, reactivate: false, subscribe: false, accountLink: true });
    expect(a.changeTo.map((p) => p.code)).toEqual(["starter"]);
  });
  it("canceled at period end: reactivate only, until the period ends", () => {
    const b = billing({ status: "canceled", cancelAtPeriodEnd: true, plan: plan("pro"), subscribedPlan: plan("pro"), periodEnd: future });
    expect(billingActions(b)).toMatchObject({ cancel: false, reactivate: true, changeTo: [], subscribe: false });
    expect(billingActions({ ...b, periodEnd: new Date(Date.now() - 1000).toISOString() })).toMatchObject({ reactivate: false, subscribe: true });
  });
  it("past due: still the subscription's own actions", () => {
    expect(billingActions(billing({ status: "past_due", plan: plan("pro"), subscribedPlan: plan("pro"), periodEnd: future }))).toMatchObject({ cancel: true, subscribe: false });
  });
  it("prices in dollars", () => {
    expect(price(3900)).toBe("$39");
    expect(price(4)).toBe("$0.04");
  });
});
