import { describe, expect, it } from "vitest";
import { SESSION_IDLE_TIMEOUT, SESSION_MAX_LIFETIME } from "../../src/auth/sessions";
import { purgeExpiredCredentials } from "../../src/lifecycle/expiry";
import { DAY, HOUR } from "../../src/lib/clock";
import { d, remaining, session, tenant } from "./rows";

const AT = Date.UTC(2031, 0, 15, 12);

describe("purging sessions", () => {
  it("deletes sessions idle or past their absolute end for over a day, and ended ones a day on; keeps the rest", async () => {
    const t = await tenant(AT - 40 * DAY);
    const live = await session(t, { createdAt: AT - 2 * DAY, lastSeenAt: AT - HOUR, expiresAt: AT - 2 * DAY + SESSION_MAX_LIFETIME });
    const idleLong = await session(t, { createdAt: AT - 5 * DAY, lastSeenAt: AT - SESSION_IDLE_TIMEOUT - DAY - 1, expiresAt: AT + 20 * DAY });
    const idleRecently = await session(t, { createdAt: AT - 5 * DAY, lastSeenAt: AT - SESSION_IDLE_TIMEOUT - HOUR, expiresAt: AT + 20 * DAY });
    const pastAbsolute = await session(t, { createdAt: AT - 32 * DAY, lastSeenAt: AT - HOUR, expiresAt: AT - DAY - 1 });
    const justPastAbsolute = await session(t, { createdAt: AT - 30 * DAY, lastSeenAt: AT - HOUR, expiresAt: AT - HOUR });
    const endedLong = await session(t, { createdAt: AT - 3 * DAY, lastSeenAt: AT - 3 * DAY, expiresAt: AT + 20 * DAY, endedAt: AT - DAY - 1 });
    const endedRecently = await session(t, { createdAt: AT - 3 * DAY, lastSeenAt: AT - 2 * HOUR, expiresAt: AT + 20 * DAY, endedAt: AT - HOUR });

    const purged = await purgeExpiredCredentials(d(), AT);

    const all = [live, idleLong, idleRecently, pastAbsolute, justPastAbsolute, endedLong, endedRecently];
    expect(await remaining("sessions", all)).toEqual([live, idleRecently, justPastAbsolute, endedRecently]);
    expect(purged.sessions).toBeGreaterThanOrEqual(3);
  });

  it("deletes nothing more when run again at the same time", async () => {
    const t = await tenant(AT);
    await session(t, { createdAt: AT - 40 * DAY, lastSeenAt: AT - 10 * DAY, expiresAt: AT - 10 * DAY });
    await purgeExpiredCredentials(d(), AT);
    expect(await purgeExpiredCredentials(d(), AT)).toEqual({ sessions: 0, invites: 0, passwordResets: 0, pendingSignups: 0, throttles: 0 });
  });
});
