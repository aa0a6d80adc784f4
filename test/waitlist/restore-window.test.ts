// Restore through the API is allowed for 15 minutes after a close, then refused with 409.
import { afterEach, describe, expect, it, vi } from "vitest";
import { act, added, freshPlace, names } from "./support";

const MIN = 60_000;

describe("restore: the 15-minute window", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("is allowed 14 minutes after a close", async () => {
    const p = await freshPlace();
    const a = await added(p, "A");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now());
    expect((await act(p, a.id, "cancel")).status).toBe(200);
    vi.setSystemTime(Date.now() + 14 * MIN);
    expect((await act(p, a.id, "restore")).status).toBe(200);
    expect(await names(p)).toEqual(["A"]);
  });

  it("is refused 16 minutes after a close, and the party stays closed", async () => {
    const p = await freshPlace();
    const a = await added(p, "A");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now());
    expect((await act(p, a.id, "seat")).status).toBe(200);
    vi.setSystemTime(Date.now() + 16 * MIN);
    const res = await act(p, a.id, "restore");
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe("invalid_transition");
    expect(await names(p)).toEqual([]);
  });

  it("is refused for a party still in line", async () => {
    const p = await freshPlace();
    const a = await added(p, "A");
    const res = await act(p, a.id, "restore");
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe("invalid_transition");
  });
});
