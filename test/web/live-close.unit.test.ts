// The web app stops reconnecting after a final close and shows the server's reason (web/src/shared/live.ts).
import { describe, expect, it } from "vitest";
import { FINAL_CLOSE_CODES as SERVER_FINAL, CLOSE } from "../../durable-objects/live/authority";
import { finalCloseMessage, FINAL_CLOSE_CODES, isFinalClose } from "../../web/src/shared/live-close";

describe("final closes in the web app", () => {
  it("are exactly the server's final codes", () => {
    expect([...FINAL_CLOSE_CODES].sort()).toEqual([...SERVER_FINAL].sort());
    for (const code of [CLOSE.sessionEnded, CLOSE.roleNotAllowed, CLOSE.locationGone, CLOSE.policyViolation]) expect(isFinalClose(code)).toBe(true);
  });

  it("are not network drops, server restarts or the client's own closes (those reconnect)", () => {
    for (const code of [1000, 1001, 1006, 1011, 1012, 4000, 4001]) expect(isFinalClose(code)).toBe(false);
  });

  it("show the server's reason, or a default by code", () => {
    expect(finalCloseMessage(4401, "You signed out.")).toBe("You signed out.");
    expect(finalCloseMessage(4401, "")).toMatch(/Sign in again/);
    expect(finalCloseMessage(4404, "")).toMatch(/no longer exists/);
  });
});
