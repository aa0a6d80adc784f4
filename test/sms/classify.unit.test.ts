import { describe, expect, it } from "vitest";
import { classifyTelnyx } from "../../src/messaging/sms/providers/telnyx";
import { classifyTwilio } from "../../src/messaging/sms/providers/twilio";

describe("classifyTwilio", () => {
  it.each([
    [400, 21211, "invalid number"],
    [400, 21614, "not a mobile number"],
    [400, 21610, "unsubscribed recipient"],
    [400, 30006, "landline or unreachable carrier"],
  ])("%i/%i (%s) is permanent", (status, code, _why) => {
    expect(classifyTwilio(status, code)).toBe("permanent");
  });

  it.each([
    [429, null, "rate limited, no code"],
    [429, 20429, "too many requests"],
    [500, null, "server error"],
    [503, 20503, "service unavailable"],
    [502, null, "bad gateway"],
    [401, 20003, "credentials: about Twilio, not the guest"],
  ])("%i/%s (%s) is transient", (status, code, _why) => {
    expect(classifyTwilio(status, code)).toBe("transient");
  });
});

describe("classifyTelnyx", () => {
  it.each([
    [422, "40310", "invalid destination"],
    [422, "40001", "not routable / landline"],
    [403, "40300", "recipient opted out"],
  ])("%i/%s (%s) is permanent", (status, code, _why) => {
    expect(classifyTelnyx(status, code)).toBe("permanent");
  });

  it.each([
    [429, "10011", "too many requests"],
    [429, null, "rate limited, no code"],
    [500, null, "server error"],
    [503, "10007", "unexpected error"],
    [502, null, "bad gateway"],
  ])("%i/%s (%s) is transient", (status, code, _why) => {
    expect(classifyTelnyx(status, code)).toBe("transient");
  });
});
