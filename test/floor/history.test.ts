// A seated party's tables reach D1 with the rest of the party (issue 17), so history shows them.
import { describe, expect, it } from "vitest";
import { call } from "../helpers/api";
import { d1Parties, drainOutbox } from "../waitlist/support";
import { floorPlace, seat, tableId, walkIn } from "./support";

describe("the party's tables in history", () => {
  it("are mirrored to D1 and returned by the history read", async () => {
    const p = await floorPlace([["A", 1, 4], ["B", 1, 4]]);
    const id = await walkIn(p, "Eight", 8);
    expect((await seat(p, id, { tableIds: [tableId(p, "A"), tableId(p, "B")] })).status).toBe(200);
    const plain = await walkIn(p, "Plain", 2);
    await seat(p, plain);
    await drainOutbox(p.stub);
    const rows = await d1Parties(p.locationId);
    expect(JSON.parse(rows.find((r: any) => r.id === id)!.table_ids as unknown as string)).toEqual([tableId(p, "A"), tableId(p, "B")]);
    const history = await call("GET", `${p.base}/history`, { token: p.token });
    expect(history.status, history.text).toBe(200);
    const byName = Object.fromEntries(history.json.parties.map((x: any) => [x.name, x.tableIds]));
    expect(byName).toEqual({ Eight: [tableId(p, "A"), tableId(p, "B")], Plain: [] });
  });
});
