// The floor-aware estimate (issue 19) reads the real occupancy once the host seats at tables
// (issue 17): a table cleared is free now, where the derived floor would still count its diners.
import { describe, expect, it } from "vitest";
import { call } from "../helpers/api";
import { bookPlace } from "../reservations/support";
import { ALL_DAY, clear, seat, walkIn } from "./support";

async function estimateOf(p: Awaited<ReturnType<typeof bookPlace>>, name: string): Promise<number> {
  const list = await call("GET", `${p.base}/waitlist`, { token: p.token });
  expect(list.status, list.text).toBe(200);
  return (list.json.parties as { name: string; estimatedWaitMinutes: number }[]).find((x) => x.name === name)!.estimatedWaitMinutes;
}

describe("waits from the occupancy", () => {
  it("the only two-top seated at its table: the next couple waits about a dining time", async () => {
    const p = await bookPlace({ timezone: "UTC", tables: [["A", 1, 2]], settings: { hours: ALL_DAY } });
    const first = await walkIn(p, "First");
    expect((await seat(p, first, { tableIds: [p.tables[0]!.id] })).status).toBe(200);
    await walkIn(p, "Next");
    expect(await estimateOf(p, "Next")).toBeGreaterThanOrEqual(90);
  });

  it("that table cleared: the couple's wait is short, though the derived floor would still see diners there", async () => {
    const p = await bookPlace({ timezone: "UTC", tables: [["A", 1, 2]], settings: { hours: ALL_DAY } });
    const first = await walkIn(p, "First");
    await seat(p, first, { tableIds: [p.tables[0]!.id] });
    expect((await clear(p, p.tables[0]!.id)).status).toBe(200);
    await walkIn(p, "Next");
    expect(await estimateOf(p, "Next")).toBeLessThanOrEqual(10);
  });
});
