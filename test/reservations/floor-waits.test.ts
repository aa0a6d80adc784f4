// Issue 19: where the location has tables and seats its walk-ins through the line, the waits shown
// and sent come from the floor (which tables fit, when the seated parties are expected to leave),
// not from minutes-between-seatings × parties ahead.
import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call } from "../helpers/api";
import { addParty } from "../live/socket";
import { bookPlace } from "./support";

const ALL_DAY = Object.fromEntries(["0", "1", "2", "3", "4", "5", "6"].map((d) => [d, [{ start: "00:00", end: "23:59" }]]));
/** The default booking settings' dining time for a party of two. */
const TWO_TOP_MINUTES = 90;

async function line(p: Awaited<ReturnType<typeof bookPlace>>) {
  const list = await call("GET", `${p.base}/waitlist`, { token: p.token });
  expect(list.status, list.text).toBe(200);
  return list.json.parties as { id: string; name: string; estimatedWaitMinutes: number; estimatedWaitRange: { lowMinutes: number; highMinutes: number } | null }[];
}

async function seatOne(p: Awaited<ReturnType<typeof bookPlace>>, name: string) {
  const a = await call("POST", `${p.base}/waitlist`, { token: p.token, body: { name, partySize: 2 } });
  expect(a.status, a.text).toBe(201);
  const s = await call("POST", `${p.base}/waitlist/${a.json.id}/seat`, { token: p.token });
  expect(s.status, s.text).toBe(200);
}

describe("floor-aware waits in the DO", () => {
  it("one two-top just taken: the next couple waits about a dining time, not one seating interval", async () => {
    const p = await bookPlace({ timezone: "UTC", tables: [["A", 1, 2]], settings: { hours: ALL_DAY } });
    await seatOne(p, "First");
    await call("POST", `${p.base}/waitlist`, { token: p.token, body: { name: "Next", partySize: 2 } });
    const [next] = await line(p);
    expect(next!.estimatedWaitMinutes).toBeGreaterThanOrEqual(TWO_TOP_MINUTES);
    expect(next!.estimatedWaitMinutes).toBeLessThan(TWO_TOP_MINUTES + 20);
    // The join page quotes the same for a couple joining behind it: one more turn of the table.
    const info = await call("GET", `/api/public/locations/${p.slug}`);
    expect(info.status, info.text).toBe(200);
    const two = (info.json.estimates as { partySize: number; estimatedWaitMinutes: number }[]).find((e) => e.partySize === 2)!;
    expect(two.estimatedWaitMinutes).toBeGreaterThanOrEqual(2 * TWO_TOP_MINUTES);
  });

  it("a second two-top still free: the couple is told a short wait with a range, and a party no table seats keeps the interval estimate", async () => {
    const p = await bookPlace({ timezone: "UTC", tables: [["A", 1, 2], ["B", 1, 2]], settings: { hours: ALL_DAY } });
    await seatOne(p, "First");
    const couplePlace = await addParty(p, p.locationId, { name: "Couple", partySize: 2 });
    const sixPlace = await addParty(p, p.locationId, { name: "Six", partySize: 6 });
    const parties = await line(p);
    expect(parties.find((x) => x.name === "Couple")!.estimatedWaitMinutes).toBeLessThanOrEqual(10);
    // The guest page gets the range around its figure; the party no table seats gets none.
    const couple = await call("GET", `/api/public/parties/${couplePlace.guestToken}`);
    expect(couple.status, couple.text).toBe(200);
    const r = couple.json.estimatedWaitRange as { lowMinutes: number; highMinutes: number };
    expect(r.lowMinutes).toBeLessThanOrEqual(couple.json.estimatedWaitMinutes);
    expect(r.highMinutes).toBeGreaterThan(couple.json.estimatedWaitMinutes);
    const six = await call("GET", `/api/public/parties/${sixPlace.guestToken}`);
    expect(six.json.estimatedWaitRange).toBeUndefined();
    expect(six.json.estimatedWaitMinutes).toBe(15);
    // No table or combination seats six: the DO falls back to the 5-6 band's default interval (15) × 1.
    expect(parties.find((x) => x.name === "Six")!.estimatedWaitMinutes).toBe(15);
  });

  it("REST answers carry the floor's range beside the figure, and null where the figure is the interval estimate", async () => {
    const p = await bookPlace({ timezone: "UTC", tables: [["A", 1, 2], ["B", 1, 2]], settings: { hours: ALL_DAY } });
    await seatOne(p, "First");
    const added = await call("POST", `${p.base}/waitlist`, { token: p.token, body: { name: "Couple", partySize: 2 } });
    expect(added.status, added.text).toBe(201);
    // The add answer is what the host's form shows right after adding.
    const r = added.json.estimatedWaitRange as { lowMinutes: number; highMinutes: number };
    expect(r.lowMinutes).toBeLessThanOrEqual(added.json.estimatedWaitMinutes);
    expect(r.highMinutes).toBeGreaterThan(added.json.estimatedWaitMinutes);
    await call("POST", `${p.base}/waitlist`, { token: p.token, body: { name: "Six", partySize: 6 } });
    const parties = await line(p);
    expect(parties.find((x) => x.name === "Couple")!.estimatedWaitRange).toEqual(r);
    expect(parties.find((x) => x.name === "Six")!.estimatedWaitRange).toBeNull();
  });

  it("the estimate recorded at join (Insights' estimate accuracy) is the floor's figure the party was given", async () => {
    const p = await bookPlace({ timezone: "UTC", tables: [["A", 1, 2]], settings: { hours: ALL_DAY } });
    await seatOne(p, "First");
    const added = await call("POST", `${p.base}/waitlist`, { token: p.token, body: { name: "Next", partySize: 2 } });
    expect(added.status, added.text).toBe(201);
    const given = added.json.estimatedWaitMinutes as number;
    // A dining time of the one two-top, not the interval estimate (one seating interval).
    expect(given).toBeGreaterThanOrEqual(TWO_TOP_MINUTES);
    const recorded = await runInDurableObject(p.stub, async (_i, state) =>
      state.storage.sql.exec("SELECT join_estimate_minutes AS e FROM parties WHERE id = ?", added.json.id).one().e,
    );
    expect(recorded).toBe(given);
  });
});
