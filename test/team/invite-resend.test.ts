// POST /api/team/invites/:inviteId/resend — a new link, valid 30 days from the resend; the old one dies.
import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { call, linkFromEmail, signUp, tokenFromPath } from "../helpers/api";
import { accept, DAY_MS, expectError, INVITE_TTL_MS, waitForEmailCount, login, preview, sendInvite, setClock, sha256Hex } from "./support";

afterEach(() => {
  vi.useRealTimers();
});

describe("resending an invitation", () => {
  it("emails a new link; the old link answers 404 and the new one works", async () => {
    const owner = await signUp();
    const sent = await sendInvite(owner);
    const res = await call("POST", `/api/team/invites/${sent.inviteId}/resend`, { token: owner.token });
    expect(res.status).toBe(200);
    expect(res.json.invite).toMatchObject({ id: sent.inviteId, status: "pending", email: sent.email });
    expect(res.json.email).toEqual({ status: "queued" });
    expect(await waitForEmailCount(sent.email, 2)).toHaveLength(2);
    await waitForEmailCount(sent.email, 2);
    const fresh = tokenFromPath(await linkFromEmail(sent.email, /invited you/));
    expect(fresh).not.toBe(sent.token);
    expect(fresh).toMatch(/^[A-Za-z0-9_-]{43,}$/);

    expectError(await preview(sent.token), 404, "not_found");
    expectError(await accept(sent.token), 404, "not_found");
    expect((await preview(fresh)).status).toBe(200);
    expect((await accept(fresh)).status).toBe(201);
  });

  it("stores only the new token's hash on the same invitation row", async () => {
    const owner = await signUp();
    const sent = await sendInvite(owner);
    await call("POST", `/api/team/invites/${sent.inviteId}/resend`, { token: owner.token });
    await waitForEmailCount(sent.email, 2);
    const fresh = tokenFromPath(await linkFromEmail(sent.email, /invited you/));
    const rows = await env.DB.prepare("SELECT id, token_hash FROM invites WHERE email = ?").bind(sent.email).all();
    expect(rows.results).toEqual([{ id: sent.inviteId, token_hash: await sha256Hex(fresh) }]);
  });

  it("sets the expiry to 30 days from the resend, so the new link outlives the original", async () => {
    const start = Date.now();
    setClock(start);
    const owner = await signUp();
    const sent = await sendInvite(owner);

    const resendAt = start + 10 * DAY_MS;
    vi.setSystemTime(resendAt);
    const token = await login(owner.email);
    const res = await call("POST", `/api/team/invites/${sent.inviteId}/resend`, { token });
    expect(res.status).toBe(200);
    expect(Date.parse(res.json.invite.expiresAt)).toBe(resendAt + INVITE_TTL_MS);
    expect(Date.parse(res.json.invite.lastSentAt)).toBe(resendAt);
    expect(res.json.invite.createdAt).toBe(sent.invite.createdAt);
    await waitForEmailCount(sent.email, 2);
    const fresh = tokenFromPath(await linkFromEmail(sent.email, /invited you/));

    // Past the original 30 days, within the new ones.
    vi.setSystemTime(resendAt + INVITE_TTL_MS - 60_000);
    const look = await preview(fresh);
    expect(look.status).toBe(200);
    expect(Date.parse(look.json.expiresAt)).toBe(resendAt + INVITE_TTL_MS);
    vi.setSystemTime(resendAt + INVITE_TTL_MS + 60_000);
    expectError(await preview(fresh), 410, "gone");
  });

  it("revives an expired invitation with a new 30-day link", async () => {
    const start = Date.now();
    setClock(start);
    const owner = await signUp();
    const sent = await sendInvite(owner);
    vi.setSystemTime(start + INVITE_TTL_MS + DAY_MS);
    const token = await login(owner.email);
    expect((await call("GET", "/api/team/invites", { token })).json.invites[0].status).toBe("expired");
    const res = await call("POST", `/api/team/invites/${sent.inviteId}/resend`, { token });
    expect(res.status).toBe(200);
    expect(res.json.invite.status).toBe("pending");
    await waitForEmailCount(sent.email, 2);
    const fresh = tokenFromPath(await linkFromEmail(sent.email, /invited you/));
    expect((await accept(fresh)).status).toBe(201);
  });

  it("refuses to resend a revoked or an accepted invitation (409) and sends nothing", async () => {
    const owner = await signUp();
    const revoked = await sendInvite(owner);
    await call("DELETE", `/api/team/invites/${revoked.inviteId}`, { token: owner.token });
    const accepted = await sendInvite(owner);
    await accept(accepted.token);
    for (const sent of [revoked, accepted]) {
      const res = await call("POST", `/api/team/invites/${sent.inviteId}/resend`, { token: owner.token });
      expectError(res, 409, "conflict");
      expect(res.json.error.message).toMatch(/send a new one/);
      expect(await waitForEmailCount(sent.email, 1)).toHaveLength(1);
    }
  });

  it("answers 404 for an invitation id that does not exist", async () => {
    const owner = await signUp();
    expectError(await call("POST", `/api/team/invites/${crypto.randomUUID()}/resend`, { token: owner.token }), 404, "not_found");
  });
});
