import { describe, expect, it } from "vitest";
import { call, signUp } from "../helpers/api";
import { addParty } from "../live/socket";
import { checkIn, expectError, freshPhone, setSettings, slugOf } from "./support";

const guest = () => ({ name: "Walk-in", phone: freshPhone(), partySize: 2, smsConsent: false });

async function lineLength(o: Awaited<ReturnType<typeof signUp>>) {
  return (await call("GET", `/api/locations/${o.locationId}/waitlist`, { token: o.token })).json.parties.length;
}

describe("self check-in refused by the location's settings", () => {
  it("answers 409 waitlist_closed when the owner has closed the waitlist, and adds nothing", async () => {
    const o = await signUp();
    const slug = await slugOf(o);
    await setSettings(o, { open: false });
    expectError(await checkIn(slug, guest()), 409, "waitlist_closed");
    expect(await lineLength(o)).toBe(0);
    // Hosts can still add at the door.
    await addParty(o, o.locationId);
    await setSettings(o, { open: true });
    expect((await checkIn(slug, guest())).status).toBe(201);
  });

  it("answers 409 waitlist_full once maxLength parties are in line, and adds nothing", async () => {
    const o = await signUp();
    const slug = await slugOf(o);
    await setSettings(o, { maxLength: 2 });
    expect((await checkIn(slug, guest())).status).toBe(201);
    const second = await addParty(o, o.locationId);
    expectError(await checkIn(slug, guest()), 409, "waitlist_full");
    expect(await lineLength(o)).toBe(2);
    // A place frees up: check-in works again.
    await call("POST", `/api/locations/${o.locationId}/waitlist/${second.party.id}/seat`, { token: o.token });
    expect((await checkIn(slug, guest())).status).toBe(201);
  });

  it("answers 400 for a party larger than the location's maxPartySize, and adds nothing", async () => {
    const o = await signUp();
    const slug = await slugOf(o);
    await setSettings(o, { maxPartySize: 6 });
    expectError(await checkIn(slug, { ...guest(), partySize: 7 }), 400, "validation_failed");
    expect(await lineLength(o)).toBe(0);
    expect((await checkIn(slug, { ...guest(), partySize: 6 })).status).toBe(201);
  });

  it("answers 404 for an unknown slug", async () => {
    expectError(await checkIn("no-such-place-here", guest()), 404, "not_found");
  });
});
