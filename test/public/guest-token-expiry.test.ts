import { afterEach, describe, expect, it, vi } from "vitest";
import { call, signUp } from "../helpers/api";
import { addParty, closeAll, connect, upgrade } from "../live/socket";

const DAY = 24 * 3600_000;

afterEach(async () => {
  vi.useRealTimers();
  await closeAll();
});

describe("guest token lifetime", () => {
  it("keeps working (showing the closed state) until a day after the party closes, then answers 410", async () => {
    const o = await signUp();
    const me = await addParty(o, o.locationId, { name: "Mine" });
    const t0 = Date.now();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(t0);
    expect((await call("POST", `/api/locations/${o.locationId}/waitlist/${me.party.id}/seat`, { token: o.token })).status).toBe(200);

    vi.setSystemTime(t0 + DAY - 60_000);
    const late = await call("GET", `/api/public/parties/${me.guestToken}`);
    expect(late.status).toBe(200);
    expect(late.json).toMatchObject({ status: "seated", position: null });
    const socket = await connect(`/api/public/parties/${me.guestToken}/live`);
    expect(await socket.next()).toMatchObject({ type: "status", status: "seated" });

    vi.setSystemTime(t0 + DAY + 1_000);
    const gone = await call("GET", `/api/public/parties/${me.guestToken}`);
    expect(gone.status).toBe(410);
    expect(gone.json.error.code).toBe("gone");
    expect((await call("POST", `/api/public/parties/${me.guestToken}/leave`)).status).toBe(410);
    expect((await upgrade(`/api/public/parties/${me.guestToken}/live`)).status).toBe(410);
  });

  it("does not expire while the party is still in line, however long that is", async () => {
    const o = await signUp();
    const me = await addParty(o, o.locationId, { name: "Mine" });
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 3 * DAY);
    const res = await call("GET", `/api/public/parties/${me.guestToken}`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: "waiting", position: 1 });
  });
});
