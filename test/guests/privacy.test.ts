// Guest history is staff-only: a returning guest's tags, notes and visit count never reach their own
// status page, the public location, the guest socket or the display board's socket.
import { afterEach, describe, expect, it } from "vitest";
import { call, signUp } from "../helpers/api";
import { checkIn, freshIp, setSettings, slugOf } from "../public/support";
import { closeAll, connect, openGuest, tokenOf } from "../live/socket";
import { flushed, guestOf, newPhone, seatedVisit } from "./support";

afterEach(closeAll);

describe("guest history stays off public pages and sockets", () => {
  it("a returning VIP checking in sees none of it, nor does the board", async () => {
    const o = await signUp();
    const phone = newPhone();
    await flushed(o.locationId, [await seatedVisit(o, o.locationId, phone, "Qxjvw")]);
    await flushed(o.locationId, [await seatedVisit(o, o.locationId, phone, "Qxjvw")]);
    const g = await guestOf(o, phone);
    const secrets = ["tagjqxvw", "notevwqxj"];
    expect((await call("PATCH", `/api/guests/${g.id}`, { token: o.token, body: { tags: [secrets[0]], notes: secrets[1] } })).status).toBe(200);
    const slug = await setSettings(o, { boardEnabled: true }).then(() => slugOf(o));
    const board = await connect(`/api/public/locations/${slug}/board/live`);
    await board.next((m) => m?.type === "board");

    const joined = await checkIn(slug, { name: "Qxjvw", partySize: 2, phone, smsConsent: true }, freshIp());
    expect(joined.status, joined.text).toBe(201);
    const token = tokenOf(joined.json.guestUrl);
    const guest = await openGuest(token);
    await guest.next((m) => m?.type === "status");
    const answers = [
      joined.text,
      (await call("GET", `/api/public/parties/${token}`)).text,
      (await call("GET", `/api/public/locations/${slug}`)).text,
      (await call("GET", `/join/${slug}`)).text,
      (await call("GET", `/w/${token}`)).text,
    ];
    await board.next((m) => m?.type === "board" && JSON.stringify(m).includes("Q."));
    const everything = [...answers, ...guest.frames, ...board.frames].join("\n");
    for (const s of [...secrets, g.id, "visitCount", "lastVisit"]) expect(everything).not.toContain(s);
    // Staff do see them.
    expect(await guestOf(o, phone)).toMatchObject({ visitCount: 2, tags: [secrets[0]], notes: secrets[1] });
  });
});
