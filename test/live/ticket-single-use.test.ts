import { afterEach, describe, expect, it } from "vitest";
import { signUp } from "../helpers/api";
import { closeAll, connect, hostPath, isSnapshot, liveTicket, upgrade } from "./socket";

afterEach(closeAll);

describe("live ticket: single use", () => {
  it("opens one socket; the second connect with the same ticket is refused 401", async () => {
    const o = await signUp();
    const t = await liveTicket(o, o.locationId);
    expect(t.url).toBe(hostPath(o.locationId, t.ticket));
    const first = await connect(t.url);
    await first.next(isSnapshot);
    const second = await upgrade(t.url);
    expect(second.status).toBe(401);
    expect(second.webSocket).toBeNull();
    expect(await second.json()).toEqual({ error: { code: "unauthorized", message: expect.any(String), details: [] } });
  });

  it("refuses a made-up ticket and a missing one", async () => {
    const o = await signUp();
    const madeUp = await upgrade(hostPath(o.locationId, "A".repeat(43)));
    expect(madeUp.status).toBe(401);
    const missing = await upgrade(`/api/locations/${o.locationId}/live`);
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as any).error.code).toBe("validation_failed");
  });

  it("gives each request its own ticket (at least 128 random bits)", async () => {
    const o = await signUp();
    const a = await liveTicket(o, o.locationId);
    const b = await liveTicket(o, o.locationId);
    expect(a.ticket).not.toBe(b.ticket);
    expect(a.ticket).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    // Both work, once each.
    await (await connect(b.url)).next(isSnapshot);
    await (await connect(a.url)).next(isSnapshot);
  });
});
