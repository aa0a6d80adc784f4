import { env, runInDurableObject } from "cloudflare:test";
import { afterEach, describe, expect, it } from "vitest";
import { sha256Hex } from "../../lib/crypto";
import { signUp } from "../helpers/api";
import { closeAll, connect, isSnapshot, liveTicket } from "./socket";

afterEach(closeAll);

describe("live ticket: stored only hashed", () => {
  it("keeps the SHA-256 of the ticket in the DO and the raw ticket nowhere", async () => {
    const o = await signUp();
    const t = await liveTicket(o, o.locationId);
    const stub = env.RESTAURANT.get(env.RESTAURANT.idFromName(o.locationId));
    const dump = await runInDurableObject(stub, (_instance, state) => {
      const sql = state.storage.sql;
      const tables = sql.exec("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'").toArray();
      const out: Record<string, unknown[]> = {};
      for (const { name } of tables) out[name as string] = sql.exec(`SELECT * FROM "${name as string}"`).toArray();
      return out;
    });
    expect(dump.tickets).toEqual([{ hash: await sha256Hex(t.ticket), user_id: o.userId, expires_at: Date.parse(t.expiresAt) }]);
    expect(JSON.stringify(dump)).not.toContain(t.ticket);
    // Nor in D1.
    const d1Tables = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'").all<{ name: string }>();
    for (const { name } of d1Tables.results) {
      const rows = await env.DB.prepare(`SELECT * FROM "${name}"`).all();
      expect(JSON.stringify(rows.results), name).not.toContain(t.ticket);
    }
    // The stored hash is still the ticket's: it opens the socket (and is then gone).
    await (await connect(t.url)).next(isSnapshot);
    const after = await runInDurableObject(stub, (_i, state) => state.storage.sql.exec("SELECT * FROM tickets").toArray());
    expect(after).toEqual([]);
  });
});
