import { afterEach, describe, expect, it, vi } from "vitest";
import { signUp } from "../helpers/api";
import { closeAll, connect, isSnapshot, liveTicket, upgrade } from "./socket";

afterEach(async () => {
  vi.useRealTimers();
  await closeAll();
});

describe("live ticket: 60 seconds", () => {
  it("works 59 s after it was issued", async () => {
    const o = await signUp();
    const t0 = Date.now();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(t0);
    const t = await liveTicket(o, o.locationId);
    expect(Date.parse(t.expiresAt)).toBe(t0 + 60_000);
    vi.setSystemTime(t0 + 59_000);
    const host = await connect(t.url);
    await host.next(isSnapshot);
  });

  it("is refused 401 once 60 s have passed", async () => {
    const o = await signUp();
    const t0 = Date.now();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(t0);
    const t = await liveTicket(o, o.locationId);
    vi.setSystemTime(t0 + 60_001);
    const res = await upgrade(t.url);
    expect(res.status).toBe(401);
    expect(((await res.json()) as any).error.code).toBe("unauthorized");
  });
});
