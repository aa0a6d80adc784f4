// Issue 16: each location's own tags and hold minutes, in the waitlist settings (PATCH merges; the
// tags list is replaced whole), sent to host screens, and refused with 400 when bad.
import { afterEach, describe, expect, it } from "vitest";
import { call, signUp } from "../helpers/api";
import { expectError } from "../helpers/errors";
import { closeAll, openHost } from "./socket";

afterEach(closeAll);

describe("waitlist settings: tags and hold minutes", () => {
  it("start with the six common tags and a 10-minute hold", async () => {
    const o = await signUp();
    const got = await call("GET", `/api/locations/${o.locationId}/waitlist-settings`, { token: o.token });
    expect(got.json).toMatchObject({ tags: ["High chair", "Booth", "Patio", "Bar", "Accessible", "Birthday"], holdMinutes: 10 });
  });

  it("change with a PATCH that keeps the other settings, and reach open host screens", async () => {
    const o = await signUp();
    const path = `/api/locations/${o.locationId}/waitlist-settings`;
    const host = await openHost(o, o.locationId);
    await host.next((m) => m.type === "snapshot");
    const res = await call("PATCH", path, { token: o.token, body: { tags: [" Window ", "Terrace"], holdMinutes: 5 } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ tags: ["Window", "Terrace"], holdMinutes: 5, open: true, maxPartySize: 12 });
    const event = await host.next((m) => m.type === "event" && m.event === "settings.updated");
    expect(event.settings).toMatchObject({ tags: ["Window", "Terrace"], holdMinutes: 5 });
    expect((await call("GET", path, { token: o.token })).json).toEqual(res.json);
    // An empty list is allowed: hosts then have no tags to pick.
    expect((await call("PATCH", path, { token: o.token, body: { tags: [] } })).json.tags).toEqual([]);
  });

  it("refuses bad tags and hold minutes with 400 and changes nothing", async () => {
    const o = await signUp();
    const path = `/api/locations/${o.locationId}/waitlist-settings`;
    const before = (await call("GET", path, { token: o.token })).json;
    const bodies: [string, unknown][] = [
      ["tags not a list", { tags: "Patio" }],
      ["an empty tag", { tags: ["Patio", " "] }],
      ["a tag over 32 characters", { tags: ["x".repeat(33)] }],
      ["the same tag twice, any case", { tags: ["Patio", "patio"] }],
      ["more than 20 tags", { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }],
      ["a tag that is a number", { tags: [7] }],
      ["hold 0", { holdMinutes: 0 }],
      ["hold over 2 hours", { holdMinutes: 121 }],
      ["hold not whole", { holdMinutes: 2.5 }],
      ["hold a string", { holdMinutes: "10" }],
    ];
    for (const [what, body] of bodies) expectError(await call("PATCH", path, { token: o.token, body }), 400, "validation_failed", what);
    expect((await call("GET", path, { token: o.token })).json).toEqual(before);
  });
});
