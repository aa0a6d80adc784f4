import { describe, expect, it } from "vitest";
import { addMember, call, signUp } from "../helpers/api";

describe("waitlist settings: who may change them", () => {
  it("refuses a host with 403 and changes nothing; a host may still read them", async () => {
    const o = await signUp();
    const host = await addMember(o, "host");
    const path = `/api/locations/${o.locationId}/waitlist-settings`;
    const before = (await call("GET", path, { token: o.token })).json;
    const res = await call("PATCH", path, { token: host.token, body: { open: false } });
    expect(res.status).toBe(403);
    expect(res.json).toEqual({ error: { code: "forbidden", message: expect.any(String), details: [] } });
    const read = await call("GET", path, { token: host.token });
    expect(read.status).toBe(200);
    expect(read.json).toEqual(before);
    expect(read.json.open).toBe(true);
  });

  it("lets an admin and the owner change them", async () => {
    const o = await signUp();
    const admin = await addMember(o, "admin");
    const path = `/api/locations/${o.locationId}/waitlist-settings`;
    const byAdmin = await call("PATCH", path, { token: admin.token, body: { maxLength: 25 } });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.json.maxLength).toBe(25);
    const byOwner = await call("PATCH", path, { token: o.token, body: { open: false, maxLength: null } });
    expect(byOwner.status).toBe(200);
    expect(byOwner.json).toMatchObject({ open: false, maxLength: null });
  });

  it("lets a host run the line: add, act and open the live channel", async () => {
    const o = await signUp();
    const host = await addMember(o, "host");
    const base = `/api/locations/${o.locationId}`;
    const add = await call("POST", `${base}/waitlist`, { token: host.token, body: { name: "Ames", partySize: 2 } });
    expect(add.status).toBe(201);
    expect((await call("POST", `${base}/waitlist/${add.json.id}/seat`, { token: host.token })).status).toBe(200);
    expect((await call("POST", `${base}/live-ticket`, { token: host.token })).status).toBe(201);
  });
});
