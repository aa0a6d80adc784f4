import { afterEach, describe, expect, it } from "vitest";
import { call, signUp } from "../helpers/api";
import { closeAll, connect, hostPath, isSnapshot, liveTicket, upgrade } from "./socket";

afterEach(closeAll);

describe("live ticket: bound to its location", () => {
  it("does not open another account's location (401), and still works for its own", async () => {
    const a = await signUp();
    const b = await signUp();
    const t = await liveTicket(a, a.locationId);
    const res = await upgrade(hostPath(b.locationId, t.ticket));
    expect(res.status).toBe(401);
    expect(res.webSocket).toBeNull();
    await (await connect(t.url)).next(isSnapshot);
  });

  it("does not open another location of the same account (401)", async () => {
    const o = await signUp();
    const second = await call("POST", "/api/locations", { token: o.token, body: { name: "Uptown", timezone: "America/New_York" } });
    expect(second.status).toBe(201);
    const t = await liveTicket(o, o.locationId);
    const res = await upgrade(hostPath(second.json.id, t.ticket));
    expect(res.status).toBe(401);
  });

  it("answers 404 for a location that does not exist", async () => {
    const o = await signUp();
    const t = await liveTicket(o, o.locationId);
    const res = await upgrade(hostPath(crypto.randomUUID(), t.ticket));
    expect(res.status).toBe(404);
    expect(((await res.json()) as any).error.code).toBe("not_found");
  });

  it("is issued only for the caller's own locations (another account's id: 404)", async () => {
    const a = await signUp();
    const b = await signUp();
    const res = await call("POST", `/api/locations/${b.locationId}/live-ticket`, { token: a.token });
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe("not_found");
    expect(res.text).not.toMatch(/ticket"/);
  });
});
