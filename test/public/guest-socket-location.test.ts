// The guest socket route remembers locations it has seen (to spare D1 during join storms); the DO
// still judges every token, so a deleted location's links stop working at once.
import { afterEach, describe, expect, it } from "vitest";
import { call, signUp } from "../helpers/api";
import { addParty, closeAll, isStatus, openGuest, upgrade } from "../live/socket";

afterEach(closeAll);

describe("guest socket and the location behind the token", () => {
  it("answers 404 for a link of a location deleted after its guests had connected", async () => {
    const o = await signUp();
    const created = await call("POST", "/api/locations", { token: o.token, body: { name: "Pop-up", timezone: "UTC" } });
    expect(created.status).toBe(201);
    const me = await addParty(o, created.json.id, { name: "Early", partySize: 2 });
    const guest = await openGuest(me.guestToken);
    expect(await guest.next(isStatus)).toMatchObject({ status: "waiting", position: 1 });

    expect((await call("DELETE", `/api/locations/${created.json.id}`, { token: o.token })).status).toBe(204);
    const again = await upgrade(`/api/public/parties/${me.guestToken}/live`);
    expect(again.status).toBe(404);
    expect((await again.json<any>()).error.code).toBe("not_found");
  });

  it("answers 404 for a well-formed link whose location never existed", async () => {
    const token = crypto.randomUUID().replace(/-/g, "") + "A".repeat(43);
    const res = await upgrade(`/api/public/parties/${token}/live`);
    expect(res.status).toBe(404);
    expect((await res.json<any>()).error.code).toBe("not_found");
  });
});
