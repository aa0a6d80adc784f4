import { afterEach, describe, expect, it, vi } from "vitest";
import { addMember, call, signUp } from "./helpers/api";

afterEach(() => {
  vi.useRealTimers();
});

describe("first flow", () => {
  it("signs up, sees itself, invites a host", async () => {
    const owner = await signUp();
    const me = await call("GET", "/api/me", { token: owner.token });
    expect(me.status).toBe(200);
    expect(me.json.user.role).toBe("owner");
    const host = await addMember(owner, "host");
    const members = await call("GET", "/api/team/members", { token: host.token });
    expect(members.json.members).toHaveLength(2);
    const locs = await call("GET", "/api/locations", { token: host.token });
    expect(locs.json.locations).toHaveLength(1);
  });

  it("ends a session after 24 hours idle (system time moved)", async () => {
    const owner = await signUp();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 24 * 3600_000 + 1000);
    const me = await call("GET", "/api/me", { token: owner.token });
    expect(me.status).toBe(401);
  });
});
