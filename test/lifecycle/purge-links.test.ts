import { describe, expect, it } from "vitest";
import { GRACE, purgeExpiredCredentials } from "../../src/lifecycle/expiry";
import { DAY, HOUR, MINUTE } from "../../src/lib/clock";
import { d, pending, remaining, reset, tenant } from "./rows";

const AT = Date.UTC(2031, 5, 10, 18);

describe("purging reset and sign-up links", () => {
  it("deletes password reset links a day after they expired or were used", async () => {
    const t = await tenant(AT - 10 * DAY);
    const live = await reset(t, { createdAt: AT - 10 * MINUTE, expiresAt: AT + 50 * MINUTE });
    const expiredRecently = await reset(t, { createdAt: AT - 2 * HOUR, expiresAt: AT - HOUR });
    const expiredLongAgo = await reset(t, { createdAt: AT - GRACE - 2 * HOUR, expiresAt: AT - GRACE - HOUR });
    const usedRecently = await reset(t, { createdAt: AT - 20 * MINUTE, expiresAt: AT + 40 * MINUTE, usedAt: AT - 10 * MINUTE });
    const usedLongAgo = await reset(t, { createdAt: AT - GRACE - 20 * MINUTE, expiresAt: AT - GRACE + 40 * MINUTE, usedAt: AT - GRACE - 1 });

    await purgeExpiredCredentials(d(), AT);

    expect(await remaining("password_resets", [live, expiredRecently, expiredLongAgo, usedRecently, usedLongAgo])).toEqual([live, expiredRecently, usedRecently]);
  });

  it("deletes pending sign-ups a day after their link expired or was used", async () => {
    const live = await pending({ createdAt: AT - HOUR, expiresAt: AT + 23 * HOUR });
    const expiredRecently = await pending({ createdAt: AT - DAY - HOUR, expiresAt: AT - HOUR });
    const expiredLongAgo = await pending({ createdAt: AT - 3 * DAY, expiresAt: AT - 2 * DAY });
    const usedRecently = await pending({ createdAt: AT - 2 * HOUR, expiresAt: AT + 22 * HOUR, usedAt: AT - HOUR });
    const usedLongAgo = await pending({ createdAt: AT - 2 * DAY, expiresAt: AT + HOUR, usedAt: AT - GRACE - 1 });

    await purgeExpiredCredentials(d(), AT);

    expect(await remaining("pending_signups", [live, expiredRecently, expiredLongAgo, usedRecently, usedLongAgo])).toEqual([live, expiredRecently, usedRecently]);
  });
});
