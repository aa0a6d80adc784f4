// An account's own senders over REST: admins add and remove them; bad input is a clear 4xx that
// changes nothing; another account's ids are 404; texts then go from the account's own number.
import { beforeAll, describe, expect, it } from "vitest";
import { addMember, call, signUp, type SignedUp } from "../helpers/api";
import { expectError } from "../helpers/errors";
import { deliver, freshPhone, insertQueued, messageRow, received } from "./helpers";

let o: SignedUp;
let other: SignedUp;
beforeAll(async () => {
  [o, other] = await Promise.all([signUp(), signUp()]);
});

const ownNumber = () => `+1500555${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`;
const add = (who: { token: string }, body: unknown) => call("POST", "/api/sms-senders", { token: who.token, body });
const list = async (who: { token: string }) => (await call("GET", "/api/sms-senders", { token: who.token })).json.items as { id: string; address: string }[];

describe("/api/sms-senders", () => {
  it("an owner adds a number; texts go from it; removing it goes back to the shared number", async () => {
    const address = ownNumber();
    const res = await add(o, { provider: "twilio", address });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({ id: expect.any(String), provider: "twilio", address, locationId: null, createdAt: expect.any(String) });
    expect(await list(o)).toEqual([res.json]);

    const phone = freshPhone();
    const id = await insertQueued(o, phone, { body: "From our own number" });
    await deliver("seatline-outbound", [{ messageId: id, primary: "twilio" }]);
    expect(await messageRow(id)).toMatchObject({ status: "sent", from_phone: address });
    expect((await received("twilio", phone)).map((m) => m.from)).toEqual([address]);

    expect((await call("DELETE", `/api/sms-senders/${res.json.id}`, { token: o.token })).status).toBe(204);
    expect(await list(o)).toEqual([]);
    const again = await insertQueued(o, phone, { body: "From the shared number" });
    await deliver("seatline-outbound", [{ messageId: again, primary: "twilio" }]);
    expect((await received("twilio", phone)).map((m) => m.from)).toEqual([address, "+15005550006"]);
  });

  it("a location-only sender belongs to one of the account's locations", async () => {
    const res = await add(o, { provider: "telnyx", address: ownNumber(), locationId: o.locationId });
    expect(res.status).toBe(201);
    expect(res.json.locationId).toBe(o.locationId);
    await call("DELETE", `/api/sms-senders/${res.json.id}`, { token: o.token });
  });

  it("refuses bad input with the one error shape, and changes nothing", async () => {
    for (const body of [{ provider: "twilio", address: "12345" }, { provider: "telnyx", address: "MG0123456789abcdef0123456789abcdef" }, { provider: "sinch", address: ownNumber() }, { provider: "twilio", address: ownNumber(), extra: 1 }, "nope"]) {
      expectError(await add(o, body), 400, "validation_failed");
    }
    expect(await list(o)).toEqual([]);
  });

  it("refuses the platform's shared numbers and a number another account uses (409)", async () => {
    expectError(await add(o, { provider: "twilio", address: "+15005550006" }), 409, "conflict");
    const address = ownNumber();
    expect((await add(other, { provider: "twilio", address })).status).toBe(201);
    expectError(await add(o, { provider: "twilio", address }), 409, "conflict");
    expect(await list(o)).toEqual([]);
  });

  it("another account's location and sender ids answer 404", async () => {
    expectError(await add(o, { provider: "twilio", address: ownNumber(), locationId: other.locationId }), 404, "not_found");
    const [theirs] = await list(other);
    expectError(await call("DELETE", `/api/sms-senders/${theirs!.id}`, { token: o.token }), 404, "not_found");
    expect(await list(other)).toHaveLength(1);
  });

  it("hosts may look but not change (403); no token is 401", async () => {
    const host = await addMember(o, "host");
    expect((await call("GET", "/api/sms-senders", { token: host.token })).status).toBe(200);
    expectError(await add(host, { provider: "twilio", address: ownNumber() }), 403, "forbidden");
    expect((await call("GET", "/api/sms-senders")).status).toBe(401);
  });
});
