import { describe, expect, it } from "vitest";
import { BREAKER_COOLDOWN_MS, providerOrder, retryDelaySeconds } from "../../src/messaging/sms/send";

const at = 1_800_000_000_000;

describe("providerOrder", () => {
  it("tries the primary first, then the other", () => {
    expect(providerOrder("twilio", {}, at)).toEqual(["twilio", "telnyx"]);
    expect(providerOrder("telnyx", {}, at)).toEqual(["telnyx", "twilio"]);
  });

  it("skips a provider whose circuit is open, for its whole cool-down", () => {
    expect(providerOrder("twilio", { twilio: at + BREAKER_COOLDOWN_MS }, at)).toEqual(["telnyx"]);
    expect(providerOrder("twilio", { twilio: at + BREAKER_COOLDOWN_MS }, at + BREAKER_COOLDOWN_MS - 1)).toEqual(["telnyx"]);
    expect(providerOrder("telnyx", { telnyx: at + 1 }, at)).toEqual(["twilio"]);
  });

  it("keeps the primary when only the other provider's circuit is open (that one is skipped)", () => {
    expect(providerOrder("twilio", { telnyx: at + 1 }, at)).toEqual(["twilio"]);
  });

  it("treats a circuit as closed once its cool-down has passed", () => {
    expect(providerOrder("twilio", { twilio: at }, at)).toEqual(["twilio", "telnyx"]);
    expect(providerOrder("twilio", { twilio: at - 1, telnyx: 0 }, at)).toEqual(["twilio", "telnyx"]);
  });

  it("tries neither while both circuits are open (the message waits for the first to close)", () => {
    expect(providerOrder("telnyx", { twilio: at + 5, telnyx: at + 5 }, at)).toEqual([]);
    expect(providerOrder("telnyx", { twilio: at + 5, telnyx: at + 9 }, at + 5)).toEqual(["twilio"]);
  });
});

describe("retryDelaySeconds", () => {
  it("backs off exponentially from 10 s", () => {
    expect([1, 2, 3, 4, 5].map(retryDelaySeconds)).toEqual([10, 20, 40, 80, 160]);
  });

  it("never waits more than 5 minutes", () => {
    expect(retryDelaySeconds(6)).toBe(300);
    expect(retryDelaySeconds(50)).toBe(300);
  });

  it("treats a first delivery reported as attempt 0 like attempt 1", () => {
    expect(retryDelaySeconds(0)).toBe(10);
  });
});
