import { describe, expect, it } from "vitest";
import { MESSAGE_STATUSES } from "../../src/db/schema";
import { isForward, mapProviderStatus } from "../../src/messaging/sms/inbound";

describe("mapProviderStatus", () => {
  it("maps Twilio's MessageStatus, any case", () => {
    expect(mapProviderStatus("twilio", "sent")).toBe("sent");
    expect(mapProviderStatus("twilio", "Delivered")).toBe("delivered");
    expect(mapProviderStatus("twilio", "undelivered")).toBe("undelivered");
    expect(mapProviderStatus("twilio", "FAILED")).toBe("failed");
  });

  it("ignores Twilio's intermediate statuses", () => {
    for (const s of ["queued", "accepted", "sending", "scheduled", "", "bogus"]) expect(mapProviderStatus("twilio", s), s).toBeNull();
  });

  it("maps Telnyx's per-recipient statuses", () => {
    expect(mapProviderStatus("telnyx", "sent")).toBe("sent");
    expect(mapProviderStatus("telnyx", "delivered")).toBe("delivered");
    expect(mapProviderStatus("telnyx", "delivery_failed")).toBe("undelivered");
    expect(mapProviderStatus("telnyx", "sending_failed")).toBe("failed");
    expect(mapProviderStatus("telnyx", "delivery_unconfirmed")).toBe("sent");
  });

  it("ignores Telnyx's intermediate statuses", () => {
    for (const s of ["queued", "sending", "", "bogus"]) expect(mapProviderStatus("telnyx", s), s).toBeNull();
  });
});

describe("isForward", () => {
  it("moves queued → sent → delivered", () => {
    expect(isForward("queued", "sent")).toBe(true);
    expect(isForward("sending", "sent")).toBe(true);
    expect(isForward("sent", "delivered")).toBe(true);
    expect(isForward("sent", "undelivered")).toBe(true);
    expect(isForward("sent", "failed")).toBe(true);
  });

  it("never moves back or sideways from a final status", () => {
    expect(isForward("delivered", "sent")).toBe(false);
    expect(isForward("delivered", "failed")).toBe(false);
    expect(isForward("failed", "delivered")).toBe(false);
    expect(isForward("undelivered", "sent")).toBe(false);
  });

  it("treats a repeated status as no change", () => {
    for (const s of MESSAGE_STATUSES) expect(isForward(s, s), s).toBe(false);
  });
});
