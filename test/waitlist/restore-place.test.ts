// Restore through the API: an undone close puts the party back at its place in line and in the
// active state it left — including ahead of parties that joined after it closed.
import { describe, expect, it } from "vitest";
import { act, added, freshPlace, list, names } from "./support";

describe("restore: back to its place in line", () => {
  it("returns a seated party between the parties it stood between", async () => {
    const p = await freshPlace();
    await added(p, "A");
    const b = await added(p, "B");
    await added(p, "C");
    expect((await act(p, b.id, "seat")).status).toBe(200);
    expect(await names(p)).toEqual(["A", "C"]);
    const res = await act(p, b.id, "restore");
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: "waiting", position: 2, seatedAt: null, closedAt: null });
    expect(await names(p)).toEqual(["A", "B", "C"]);
  });

  it("returns a notified party to notified, keeping its notification count", async () => {
    const p = await freshPlace();
    const a = await added(p, "A");
    await act(p, a.id, "notify");
    await act(p, a.id, "notify");
    expect((await act(p, a.id, "no_show")).json.status).toBe("no_show");
    const res = await act(p, a.id, "restore");
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: "notified", notifyCount: 2, position: 1 });
  });

  it("puts a restored party ahead of a party that joined after it closed", async () => {
    const p = await freshPlace();
    await added(p, "A");
    const b = await added(p, "B");
    await act(p, b.id, "seat");
    await added(p, "D");
    expect((await act(p, b.id, "restore")).json.position).toBe(2);
    expect(await names(p)).toEqual(["A", "B", "D"]);
  });

  it("puts every restored party ahead of those who joined after it, however many closed at the end of the line", async () => {
    const p = await freshPlace();
    await added(p, "A");
    const b = await added(p, "B");
    const c = await added(p, "C");
    await act(p, b.id, "seat");
    await act(p, c.id, "seat");
    await added(p, "D");
    expect((await act(p, c.id, "restore")).status).toBe(200);
    expect((await act(p, b.id, "restore")).status).toBe(200);
    // B and C were both in line before D arrived; undoing both seats must put both back ahead of D.
    expect(await names(p)).toEqual(["A", "B", "C", "D"]);
  });

  it("keeps a closed party's place when moves elsewhere force the line to be renumbered", async () => {
    const p = await freshPlace();
    await added(p, "P");
    await added(p, "Q");
    await added(p, "A");
    const x = await added(p, "X");
    await added(p, "B");
    await act(p, x.id, "seat");
    const r = await added(p, "R");
    const s = await added(p, "S");
    const t = await added(p, "T");
    expect((await act(p, t.id, "move", { position: 1 })).status).toBe(200);
    // Bump R and S into third place in turn: each move halves the same gap until it cannot be split.
    const before = (await list(p)).version;
    let renumbered = false;
    for (let i = 0; i < 80 && !renumbered; i++) {
      const res = await act(p, (i % 2 === 0 ? r : s).id, "move", { position: 3 });
      expect(res.status).toBe(200);
      // A renumbered line spends a version per party it renumbers, on top of the move's own.
      renumbered = (await list(p)).version > before + i + 1;
    }
    expect(renumbered, "the gap was never exhausted").toBe(true);
    const line = await names(p);
    expect(line).toEqual(["T", "P", line[2], line[3], "Q", "A", "B"]);
    expect([line[2], line[3]].sort()).toEqual(["R", "S"]);
    // A and B never moved: X, seated between them, must come back between them.
    expect((await act(p, x.id, "restore")).status).toBe(200);
    expect(await names(p)).toEqual(["T", "P", line[2], line[3], "Q", "A", "X", "B"]);
  });
});
