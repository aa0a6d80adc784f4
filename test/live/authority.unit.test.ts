// Who may keep a live channel open: the pure rules (durable-objects/live/authority.ts).
import { describe, expect, it } from "vitest";
import { applyRevocation, CLOSE, deadlineOf, judge, SESSION_IDLE_MS, type HostGrant, type SessionFacts } from "../../durable-objects/live/authority";

const grant: HostGrant = { userId: "u1", sessionId: "s1", role: "admin", deadline: null };
const facts = (over: Partial<SessionFacts> = {}): SessionFacts => ({
  sessionId: "s1",
  userId: "u1",
  accountId: "a1",
  role: "admin",
  endedAt: null,
  endReason: null,
  lastSeenAt: 1_000,
  expiresAt: 10_000_000_000,
  ...over,
});

describe("judge", () => {
  it("keeps a live session of a member of the account", () => {
    expect(judge(grant, facts(), "a1", 2_000)).toBeNull();
  });

  it("closes 4403 when the member or session is gone, or belongs to another account", () => {
    expect(judge(grant, null, "a1", 0)?.code).toBe(CLOSE.roleNotAllowed);
    expect(judge(grant, facts({ accountId: "a2" }), "a1", 0)?.code).toBe(CLOSE.roleNotAllowed);
    expect(judge(grant, facts({ userId: "u2" }), "a1", 0)?.code).toBe(CLOSE.roleNotAllowed);
    expect(judge(grant, facts({ endedAt: 5, endReason: "removed" }), "a1", 10)).toEqual({ code: 4403, reason: "You were removed from this team." });
  });

  it("closes 4401 for an ended, idle or expired session, with the reason in words", () => {
    expect(judge(grant, facts({ endedAt: 5, endReason: "logout" }), "a1", 10)).toEqual({ code: 4401, reason: "You signed out." });
    expect(judge(grant, facts({ endedAt: 5, endReason: "password_changed" }), "a1", 10)?.reason).toMatch(/password was changed/);
    expect(judge(grant, facts({ lastSeenAt: 0 }), "a1", SESSION_IDLE_MS - 1)).toBeNull();
    expect(judge(grant, facts({ lastSeenAt: 0 }), "a1", SESSION_IDLE_MS)?.reason).toMatch(/24 hours/);
    expect(judge(grant, facts({ expiresAt: 100 }), "a1", 100)?.reason).toMatch(/30-day/);
  });

  it("closes 4403 when the role is below what the channel needs", () => {
    expect(judge(grant, facts({ role: "host" }), "a1", 2_000, "admin")).toEqual({ code: 4403, reason: "Your role no longer allows this screen." });
    expect(judge(grant, facts({ role: "host" }), "a1", 2_000, "host")).toBeNull();
  });

  it("the deadline is the earlier of the lifetime and the inactivity limit", () => {
    expect(deadlineOf(facts({ lastSeenAt: 0, expiresAt: 5 }))).toBe(5);
    expect(deadlineOf(facts({ lastSeenAt: 0, expiresAt: SESSION_IDLE_MS * 2 }))).toBe(SESSION_IDLE_MS);
  });
});

describe("applyRevocation", () => {
  it("a logout closes only that session", () => {
    expect(applyRevocation(grant, { kind: "session", sessionId: "s1", reason: "logout" }).verdict?.code).toBe(4401);
    expect(applyRevocation(grant, { kind: "session", sessionId: "s2", reason: "logout" }).verdict).toBeNull();
  });

  it("a password change closes every session of the user but the one kept", () => {
    expect(applyRevocation(grant, { kind: "user_sessions", userId: "u1", reason: "password_reset" }).verdict?.code).toBe(4401);
    expect(applyRevocation(grant, { kind: "user_sessions", userId: "u1", keep: "s1", reason: "password_changed" }).verdict).toBeNull();
    expect(applyRevocation(grant, { kind: "user_sessions", userId: "u2", reason: "password_reset" }).verdict).toBeNull();
  });

  it("a removal closes 4403; a role change below the channel's need closes 4403, else updates the role", () => {
    expect(applyRevocation(grant, { kind: "removed", userId: "u1" }).verdict?.code).toBe(4403);
    expect(applyRevocation(grant, { kind: "role", userId: "u1", role: "host" }, "admin").verdict?.code).toBe(4403);
    expect(applyRevocation(grant, { kind: "role", userId: "u1", role: "host" })).toEqual({ verdict: null, role: "host" });
  });
});
