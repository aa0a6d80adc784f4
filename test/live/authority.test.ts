// Live channels follow authority (issue 20, item 1): a host socket closes at once when its member is
// removed, its session ends (logout, password change or reset), its account or location is deleted,
// and the DO's alarm re-reads D1 so a socket never outlives its session's limits even when nobody
// told this DO (a change made elsewhere, an idle or expired session).
import { env, evictDurableObject, runDurableObjectAlarm } from "cloudflare:test";
import { afterEach, describe, expect, it } from "vitest";
import { addMember, call, GOOD_PASSWORD, signUp } from "../helpers/api";
import { login, resetToken, sessionIdOf } from "../auth/support";
import { addParty, closeAll, connect, hostPath, isSnapshot, openHost } from "./socket";

afterEach(closeAll);

const stubOf = (locationId: string) => env.RESTAURANT.get(env.RESTAURANT.idFromName(locationId));
const isAdded = (m: any) => m?.type === "event" && m.event === "party.created";
/** Disposes an RPC stub (Symbol.dispose, which this project's TypeScript lib does not declare). */
const release = (stub: unknown) => (stub as Record<symbol, () => void>)[(Symbol as unknown as { dispose: symbol }).dispose]!();

async function opened(token: string, locationId: string) {
  const s = await openHost({ token }, locationId);
  await s.next(isSnapshot);
  return s;
}

describe("announced changes close host sockets at once", () => {
  it("removal from the team closes the member's socket (4403) and it receives no more of the line", async () => {
    const o = await signUp();
    const host = await addMember(o, "host");
    const hostSocket = await opened(host.token, o.locationId);
    const ownerSocket = await opened(o.token, o.locationId);
    expect((await call("DELETE", `/api/team/members/${host.userId}`, { token: o.token })).status).toBe(204);
    expect(await hostSocket.closed()).toEqual({ code: 4403, reason: "You were removed from this team." });
    await addParty(o, o.locationId, { name: "After Removal", phone: "+12125550123", smsConsent: true });
    expect((await ownerSocket.next(isAdded)).party.name).toBe("After Removal");
    expect(hostSocket.frames.join("\n")).not.toContain("After Removal");
    expect(ownerSocket.closeEvent()).toBeNull();
  });

  it("logout closes that session's sockets (4401) and keeps the same user's other session", async () => {
    const o = await signUp();
    const second = (await login(o.email, o.password, "10.1.2.3")).json.token as string;
    const first = await opened(o.token, o.locationId);
    const other = await opened(second, o.locationId);
    expect((await call("POST", "/api/auth/logout", { token: o.token })).status).toBe(204);
    expect(await first.closed()).toEqual({ code: 4401, reason: "You signed out." });
    await addParty({ token: second }, o.locationId, { name: "Still Here" });
    expect((await other.next(isAdded)).party.name).toBe("Still Here");
    expect(other.closeEvent()).toBeNull();
  });

  it("a password change closes the user's other sessions' sockets, not the one that changed it", async () => {
    const o = await signUp();
    const second = (await login(o.email, o.password, "10.1.2.4")).json.token as string;
    const changing = await opened(o.token, o.locationId);
    const elsewhere = await opened(second, o.locationId);
    const res = await call("POST", "/api/auth/password", { token: o.token, body: { currentPassword: GOOD_PASSWORD, newPassword: "Another-Horse-8" } });
    expect(res.status).toBe(200);
    expect(await elsewhere.closed()).toEqual({ code: 4401, reason: "Your password was changed. Sign in again." });
    await addParty(o, o.locationId, { name: "Kept" });
    expect((await changing.next(isAdded)).party.name).toBe("Kept");
  });

  it("a password reset closes every socket of the user", async () => {
    const o = await signUp();
    const socket = await opened(o.token, o.locationId);
    const token = await resetToken(o.email, "10.1.2.5");
    expect((await call("POST", `/api/auth/password-reset/${token}`, { ip: "10.1.2.5", body: { password: "Reset-Horse-77" } })).status).toBe(200);
    expect(await socket.closed()).toEqual({ code: 4401, reason: "Your password was reset. Sign in again." });
  });

  it("a role change keeps a socket whose new role still allows the host screen, with the new role", async () => {
    const o = await signUp();
    const admin = await addMember(o, "admin");
    const socket = await opened(admin.token, o.locationId);
    expect((await call("PATCH", `/api/team/members/${admin.userId}`, { token: o.token, body: { role: "host" } })).status).toBe(200);
    await addParty(o, o.locationId, { name: "Demoted Sees" });
    expect((await socket.next(isAdded)).party.name).toBe("Demoted Sees");
    expect(socket.closeEvent()).toBeNull();
  });

  it("location deletion closes host and guest sockets with 4404", async () => {
    const o = await signUp();
    const loc = await call("POST", "/api/locations", { token: o.token, body: { name: "Second Room", timezone: "Europe/London" } });
    expect(loc.status).toBe(201);
    const locationId = loc.json.id as string;
    const socket = await opened(o.token, locationId);
    expect((await call("DELETE", `/api/locations/${locationId}`, { token: o.token })).status).toBe(204);
    expect(await socket.closed()).toEqual({ code: 4404, reason: "This location was deleted." });
  });

  it("account deletion closes every socket of the account", async () => {
    const o = await signUp({ accountName: "Closing Down" });
    const socket = await opened(o.token, o.locationId);
    const res = await call("DELETE", "/api/account", { token: o.token, body: { confirmAccountName: "Closing Down", password: GOOD_PASSWORD } });
    expect(res.status).toBe(204);
    expect(await socket.closed()).toEqual({ code: 4404, reason: "This account was deleted." });
  });
});

describe("the alarm re-checks sessions nobody announced", () => {
  it("a socket opened on a ticket issued elsewhere (straight at the DO, then evicted) closes when its session ends in D1", async () => {
    const o = await signUp();
    const host = await addMember(o, "host");
    const sid = sessionIdOf(host.token);
    const session = await env.DB.prepare("SELECT expires_at FROM sessions WHERE id = ?").bind(sid).first<{ expires_at: number }>();
    const location = await env.DB.prepare("SELECT id, account_id, name, timezone FROM locations WHERE id = ?").bind(o.locationId).first<any>();
    const stub = stubOf(o.locationId);
    // Another isolate of the Worker asked the DO for this ticket; this one knows nothing about it.
    const api = stub.at({ id: location.id, accountId: location.account_id, name: location.name, timezone: location.timezone });
    const t = await api.createTicket(
      host.userId,
      { sessionId: sid, role: "host", sessionExpiresAt: session!.expires_at },
    );
    // Done with the bound API: release it, as a Worker request does when it ends.
    release(api);
    await evictDurableObject(stub);
    const socket = await connect(hostPath(o.locationId, t.ticket));
    await socket.next(isSnapshot);
    await evictDurableObject(stub);
    // The session ends without any announcement reaching the DO (say, the call was lost).
    await env.DB.prepare("UPDATE sessions SET ended_at = ?, end_reason = 'logout' WHERE id = ?").bind(Date.now(), sid).run();
    expect(socket.closeEvent()).toBeNull();
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await socket.closed()).toEqual({ code: 4401, reason: "You signed out." });
  });

  it("a ticket issued elsewhere still closes at once on a removal announced through another route", async () => {
    const o = await signUp();
    const host = await addMember(o, "host");
    const sid = sessionIdOf(host.token);
    const location = await env.DB.prepare("SELECT id, account_id, name, timezone FROM locations WHERE id = ?").bind(o.locationId).first<any>();
    const stub = stubOf(o.locationId);
    const api = stub.at({ id: location.id, accountId: location.account_id, name: location.name, timezone: location.timezone });
    const t = await api.createTicket(
      host.userId,
      { sessionId: sid, role: "host", sessionExpiresAt: Date.now() + 86_400_000 },
    );
    // Done with the bound API: release it, as a Worker request does when it ends.
    release(api);
    const socket = await connect(hostPath(o.locationId, t.ticket));
    await socket.next(isSnapshot);
    await evictDurableObject(stub);
    expect((await call("DELETE", `/api/team/members/${host.userId}`, { token: o.token })).status).toBe(204);
    expect((await socket.closed()).code).toBe(4403);
  });

  it("closes a socket whose session has been idle for 24 hours", async () => {
    const o = await signUp();
    const socket = await opened(o.token, o.locationId);
    await env.DB.prepare("UPDATE sessions SET last_seen_at = ? WHERE id = ?").bind(Date.now() - 24 * 3600_000 - 1000, sessionIdOf(o.token)).run();
    expect(await runDurableObjectAlarm(stubOf(o.locationId))).toBe(true);
    expect(await socket.closed()).toEqual({ code: 4401, reason: "Your session ended after 24 hours without activity. Sign in again." });
  });

  it("closes a socket whose session reached its 30-day lifetime", async () => {
    const o = await signUp();
    const socket = await opened(o.token, o.locationId);
    await env.DB.prepare("UPDATE sessions SET expires_at = ? WHERE id = ?").bind(Date.now() - 1000, sessionIdOf(o.token)).run();
    expect(await runDurableObjectAlarm(stubOf(o.locationId))).toBe(true);
    expect(await socket.closed()).toEqual({ code: 4401, reason: "Your session reached its 30-day limit. Sign in again." });
  });

  it("closes a removed member's socket on the re-check even when the removal was never announced", async () => {
    const o = await signUp();
    const host = await addMember(o, "host");
    const socket = await opened(host.token, o.locationId);
    const kept = await opened(o.token, o.locationId);
    await env.DB.prepare("DELETE FROM users WHERE id = ?").bind(host.userId).run();
    expect(await runDurableObjectAlarm(stubOf(o.locationId))).toBe(true);
    expect((await socket.closed()).code).toBe(4403);
    await addParty(o, o.locationId, { name: "Owner Still Sees" });
    expect((await kept.next(isAdded)).party.name).toBe("Owner Still Sees");
  });

  it("keeps an open host socket's re-check on the alarm (one is set while it is open)", async () => {
    const o = await signUp();
    await opened(o.token, o.locationId);
    const alarmAt = await runDurableObjectAlarm(stubOf(o.locationId));
    expect(alarmAt).toBe(true);
    // After the run, the next re-check is scheduled again: a second run still finds an alarm.
    expect(await runDurableObjectAlarm(stubOf(o.locationId))).toBe(true);
  });
});
