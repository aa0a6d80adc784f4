// Issue 22: a display board keeps its socket across an eviction of the location's DO (hibernation),
// gets the next change that moves the board, and is not sent an unchanged board after waking.
import { env, evictDurableObject, runInDurableObject } from "cloudflare:test";
import { afterEach, describe, expect, it } from "vitest";
import { call, signUp } from "../helpers/api";
import { setSettings, slugOf } from "../public/support";
import { addParty, closeAll, connect } from "./socket";

afterEach(closeAll);

const seen = new WeakSet<object>();
const isBoard = (m: any) => m?.type === "board";

describe("display board across hibernation", () => {
  it("keeps the socket, sends the next real change, and nothing for a change the board does not show", async () => {
    const o = await signUp();
    await setSettings(o, { boardEnabled: true });
    const slug = await slugOf(o);
    const base = `/api/locations/${o.locationId}/waitlist`;
    const a = await addParty(o, o.locationId, { name: "Ana Garcia", partySize: 2 });
    const board = await connect(`/api/public/locations/${slug}/board/live`);
    expect((await board.next(isBoard)).next).toEqual([{ label: "Ana G.", partySize: 2 }]);

    const stub = env.RESTAURANT.get(env.RESTAURANT.idFromName(o.locationId));
    await runInDurableObject(stub, (instance) => void seen.add(instance));
    await evictDurableObject(stub);
    expect(await runInDurableObject(stub, (instance) => seen.has(instance))).toBe(false);

    // Not on the board: the new instance remembers the last board it sent (SQLite) and sends nothing.
    await call("PATCH", `${base}/${a.party.id}`, { token: o.token, body: { notes: "by the window" } });
    await call("POST", `${base}/${a.party.id}/notify`, { token: o.token });
    const next = await board.next(isBoard);
    expect(next.called).toEqual([{ label: "Ana G.", partySize: 2 }]);
    expect(next.next).toEqual([]);
    expect(board.messages.filter(isBoard)).toHaveLength(2);
  });
});
