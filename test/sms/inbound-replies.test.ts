// HELP answers; "1" marks the party on its way; "9" takes it out of the line.
import { beforeAll, describe, expect, it } from "vitest";
import { call, signUp, type SignedUp } from "../helpers/api";
import { freshPhone, inboundFrom, optedOut, rowsTo, textedParty, textIn, waitForStatus } from "./helpers";

let o: SignedUp;
let restaurantName: string;
beforeAll(async () => {
  o = await signUp({ accountName: "Osteria Ł & Co" });
  restaurantName = (await call("GET", `/api/locations/${o.locationId}`, { token: o.token })).json.name;
});

async function partyInLine(partyId: string) {
  const res = await call("GET", `/api/locations/${o.locationId}/waitlist`, { token: o.token });
  return (res.json.parties as any[]).find((p) => p.id === partyId);
}

describe("inbound replies", () => {
  it("HELP answers with the restaurant's name and how to stop, and opts nobody out", async () => {
    const { phone } = await textedParty(o);
    await textIn(phone, " help ");
    const reply = await waitForStatus(phone, "keyword_reply", "sent");
    expect(reply.body).toContain(restaurantName);
    expect(reply.body).toMatch(/STOP/);
    expect(await optedOut(o.accountId, phone)).toBeNull();
  });

  it('"1" marks the party on its way (onMyWayAt in the waitlist)', async () => {
    const { party, phone } = await textedParty(o);
    expect((await partyInLine(party.id)).onMyWayAt).toBeNull();
    const before = Date.now();
    await textIn(phone, "1");
    const p = await partyInLine(party.id);
    expect(p.onMyWayAt).toEqual(expect.any(String));
    expect(Date.parse(p.onMyWayAt)).toBeGreaterThanOrEqual(before - 1000);
    expect((await inboundFrom(phone)).map((r) => r.body)).toEqual(["1"]);
    expect((await rowsTo(phone)).filter((r) => r.kind === "keyword_reply")).toEqual([]);
  });

  it('"1" after the table-ready text marks the notified party on its way', async () => {
    const { party, phone } = await textedParty(o);
    expect((await call("POST", `/api/locations/${o.locationId}/waitlist/${party.id}/notify`, { token: o.token })).status).toBe(200);
    await textIn(phone, "1");
    expect(await partyInLine(party.id)).toMatchObject({ status: "notified", onMyWayAt: expect.any(String) });
  });

  it('"9" takes the party out of the line', async () => {
    const { party, phone } = await textedParty(o);
    expect(await partyInLine(party.id)).toBeDefined();
    await textIn(phone, "9");
    expect(await partyInLine(party.id)).toBeUndefined();
    const res = await call("GET", `/api/locations/${o.locationId}/waitlist/${party.id}`, { token: o.token });
    expect(res.json.status).toBe("left");
  });

  it('"9" from a party that is no longer in line changes nothing', async () => {
    const { party, phone } = await textedParty(o);
    expect((await call("POST", `/api/locations/${o.locationId}/waitlist/${party.id}/seat`, { token: o.token })).status).toBe(200);
    await textIn(phone, "9");
    const res = await call("GET", `/api/locations/${o.locationId}/waitlist/${party.id}`, { token: o.token });
    expect(res.json.status).toBe("seated");
  });

  it("a text from a number we never texted is accepted and stored nowhere", async () => {
    const stranger = freshPhone();
    await textIn(stranger, "Who is this?");
    expect(await inboundFrom(stranger)).toEqual([]);
  });
});
