import { describe, expect, it } from "vitest";
import { INVITE_KEEP, purgeExpiredCredentials } from "../../src/lifecycle/expiry";
import { DAY, HOUR, MINUTE } from "../../src/lib/clock";
import { INVITE_TTL } from "../../src/routes/team";
import { d, invite, remaining, tenant } from "./rows";

const AT = Date.UTC(2031, 2, 1, 9);

describe("purging invitations", () => {
  it("keeps a pending invitation until its 30 days are up and deletes it at the first sweep after", async () => {
    const t = await tenant(AT - 60 * DAY);
    const sentToday = await invite(t, { createdAt: AT - HOUR, expiresAt: AT - HOUR + INVITE_TTL });
    const aMinuteLeft = await invite(t, { createdAt: AT - INVITE_TTL + MINUTE, expiresAt: AT + MINUTE });
    const aMinuteOver = await invite(t, { createdAt: AT - INVITE_TTL - MINUTE, expiresAt: AT - MINUTE });
    const expiredLongAgo = await invite(t, { createdAt: AT - INVITE_TTL - INVITE_KEEP - DAY, expiresAt: AT - INVITE_KEEP - DAY });

    await purgeExpiredCredentials(d(), AT);

    expect(await remaining("invites", [sentToday, aMinuteLeft, aMinuteOver, expiredLongAgo])).toEqual([sentToday, aMinuteLeft]);
  });

  it("deletes accepted and revoked invitations a week after they ended", async () => {
    const t = await tenant(AT - 60 * DAY);
    const created = AT - 20 * DAY;
    const expiresAt = created + INVITE_TTL;
    const acceptedLongAgo = await invite(t, { createdAt: created, expiresAt, acceptedAt: AT - INVITE_KEEP - 1 });
    const acceptedRecently = await invite(t, { createdAt: created, expiresAt, acceptedAt: AT - DAY });
    const revokedLongAgo = await invite(t, { createdAt: created, expiresAt, revokedAt: AT - INVITE_KEEP - 1 });
    const revokedRecently = await invite(t, { createdAt: created, expiresAt, revokedAt: AT - HOUR });

    await purgeExpiredCredentials(d(), AT);

    expect(await remaining("invites", [acceptedLongAgo, acceptedRecently, revokedLongAgo, revokedRecently])).toEqual([acceptedRecently, revokedRecently]);
  });
});
