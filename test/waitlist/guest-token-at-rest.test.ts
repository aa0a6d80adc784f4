// Guest tokens are stored only as SHA-256 (DESIGN.md rule 4) — including when an add carries an
// Idempotency-Key and its answer (with the guest link) is kept for replays.
import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { addParty, freshPlace, type Place } from "./support";

/** Every row of every table of the DO's SQLite, as text. */
function everythingStored(p: Place): Promise<string> {
  return runInDurableObject(p.stub, (_i, state) => {
    const sql = state.storage.sql;
    const tables = sql
      .exec("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")
      .toArray()
      .map((r) => r.name as string);
    return tables.map((t) => JSON.stringify(sql.exec(`SELECT * FROM "${t}"`).toArray())).join("\n");
  });
}

const secretPart = (guestUrl: string) => guestUrl.split("/w/")[1]!.slice(32);

describe("guest tokens at rest", () => {
  it("an add is stored without its guest token in clear", async () => {
    const p = await freshPlace();
    const res = await addParty(p, { name: "Garcia", partySize: 2 });
    expect(res.status).toBe(201);
    const stored = await everythingStored(p);
    expect(stored).toContain(res.json.id);
    expect(stored).not.toContain(secretPart(res.json.guestUrl));
  });

  it("an add with an Idempotency-Key is stored without its guest token in clear", async () => {
    const p = await freshPlace();
    const res = await addParty(p, { name: "Garcia", partySize: 2 }, { "Idempotency-Key": "at-rest-1" });
    expect(res.status).toBe(201);
    const stored = await everythingStored(p);
    expect(stored).toContain(res.json.id);
    expect(stored).not.toContain(secretPart(res.json.guestUrl));
  });
});
