// GET /api/team/invites — every invitation with its status: pending, expired, accepted, revoked.
import { afterEach, describe, expect, it, vi } from "vitest";
import { call, signUp } from "../helpers/api";
import { accept, INVITE_TTL_MS, login, sendInvite, setClock } from "./support";

afterEach(() => {
  vi.useRealTimers();
});

describe("the invitation list", () => {
  it("shows pending, expired, accepted and revoked invitations, newest first", async () => {
    const start = Date.now();
    setClock(start);
    const owner = await signUp();
    const expired = await sendInvite(owner);

    vi.setSystemTime(start + INVITE_TTL_MS + 60_000);
    const token = await login(owner.email);
    const acceptedInvite = await sendInvite({ token }, "admin");
    vi.setSystemTime(Date.now() + 1000);
    const revoked = await sendInvite({ token });
    vi.setSystemTime(Date.now() + 1000);
    const pending = await sendInvite({ token });
    expect((await accept(acceptedInvite.token)).status).toBe(201);
    expect((await call("DELETE", `/api/team/invites/${revoked.inviteId}`, { token })).status).toBe(204);

    const list = await call("GET", "/api/team/invites", { token });
    expect(list.status).toBe(200);
    expect(list.json.invites.map((i: any) => [i.id, i.status])).toEqual([
      [pending.inviteId, "pending"],
      [revoked.inviteId, "revoked"],
      [acceptedInvite.inviteId, "accepted"],
      [expired.inviteId, "expired"],
    ]);
    for (const i of list.json.invites) {
      expect(Object.keys(i).sort()).toEqual(["createdAt", "email", "expiresAt", "id", "invitedBy", "lastSentAt", "role", "status"]);
    }
  });

  it("never includes a token or its hash", async () => {
    const owner = await signUp();
    const sent = await sendInvite(owner);
    const list = await call("GET", "/api/team/invites", { token: owner.token });
    expect(list.text).not.toContain(sent.token);
    expect(list.text).not.toMatch(/[0-9a-f]{64}/);
    expect(list.text).not.toMatch(/token/i);
  });
});
