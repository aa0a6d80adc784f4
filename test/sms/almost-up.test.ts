// "Almost up" goes out once per party, when it first reaches the configured position.
import { describe, expect, it } from "vitest";
import { call, signUp, type SignedUp } from "../helpers/api";
import { addParty, flush, freshPhone, received, rowsTo, waitForStatus } from "./helpers";

const act = (o: SignedUp, partyId: string, action: string) => call("POST", `/api/locations/${o.locationId}/waitlist/${partyId}/${action}`, { token: o.token });
const almostUps = async (phone: string) => (await rowsTo(phone)).filter((r) => r.kind === "almost_up");

async function line(o: SignedUp, names: string[]) {
  const out: { id: string; phone: string }[] = [];
  for (const name of names) {
    const phone = freshPhone();
    out.push({ id: (await addParty(o, { name, phone, smsConsent: true })).id, phone });
  }
  await flush(o.locationId);
  return out;
}

describe("almost up", () => {
  it("texts a party once when it reaches the configured position, and never again", async () => {
    const o = await signUp();
    const res = await call("PATCH", `/api/locations/${o.locationId}/sms-settings`, { token: o.token, body: { almostUpPosition: 2 } });
    expect(res.status).toBe(200);
    expect(res.json.almostUpPosition).toBe(2);
    const [a, b, c, d] = await line(o, ["Ava", "Ben", "Cleo", "Dan"]);
    // The first two joined within reach: their "joined" text says where they stand; nobody else is close.
    for (const p of [a, b, c, d]) expect(await almostUps(p!.phone)).toEqual([]);

    expect((await act(o, a!.id, "seat")).status).toBe(200); // Cleo is now #2
    await flush(o.locationId);
    const [sent] = await almostUps(c!.phone);
    expect(sent!.body).toContain("Cleo");
    expect(sent!.body).toContain("#2");
    await waitForStatus(c!.phone, "almost_up", "sent");
    expect((await received("twilio", c!.phone)).map((m) => m.body)).toContain(sent!.body);
    expect(await almostUps(d!.phone)).toEqual([]);

    // Other changes while Cleo stays near the front, and Cleo moving back and returning, send nothing new.
    const [e] = await line(o, ["Eve"]);
    expect((await call("POST", `/api/locations/${o.locationId}/waitlist/${c!.id}/move`, { token: o.token, body: { position: 4 } })).status).toBe(200);
    await flush(o.locationId); // Ben, Dan, Eve, Cleo: Dan is #2
    expect(await almostUps(d!.phone)).toHaveLength(1);
    expect((await act(o, b!.id, "seat")).status).toBe(200); // Dan, Eve, Cleo
    expect((await act(o, d!.id, "seat")).status).toBe(200); // Eve, Cleo: Cleo back at #2
    await flush(o.locationId);
    expect(await almostUps(c!.phone)).toHaveLength(1);
    expect(await almostUps(e!.phone)).toHaveLength(1);
    for (const p of [a, b]) expect(await almostUps(p!.phone)).toEqual([]);
  });

  it("uses the default position 3 until changed", async () => {
    const o = await signUp();
    expect((await call("GET", `/api/locations/${o.locationId}/sms-settings`, { token: o.token })).json.almostUpPosition).toBe(3);
    const [a, , , d] = await line(o, ["Ann", "Bo", "Cy", "Di"]);
    expect(await almostUps(d!.phone)).toEqual([]);
    expect((await act(o, a!.id, "seat")).status).toBe(200); // Di is #3
    await flush(o.locationId);
    const [sent] = await almostUps(d!.phone);
    expect(sent!.body).toContain("#3");
  });

  it("a disabled almost-up template sends nothing", async () => {
    const o = await signUp();
    const res = await call("PATCH", `/api/locations/${o.locationId}/sms-settings`, { token: o.token, body: { almostUpPosition: 1, templates: { almost_up: { enabled: false } } } });
    expect(res.status).toBe(200);
    const [a, b] = await line(o, ["Uno", "Due"]);
    expect((await act(o, a!.id, "seat")).status).toBe(200);
    await flush(o.locationId);
    expect(await almostUps(b!.phone)).toEqual([]);
  });
});
