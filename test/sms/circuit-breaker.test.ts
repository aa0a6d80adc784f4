// A provider that keeps failing transiently is skipped for a cool-down, so a dead provider does not
// slow every message. The breaker is one D1 table, so this file has it to itself.
import { beforeAll, describe, expect, it } from "vitest";
import { BREAKER_COOLDOWN_MS, BREAKER_THRESHOLD } from "../../src/messaging/sms/send";
import { signUp, type SignedUp } from "../helpers/api";
import { attempts, behave, deliver, freshPhone, insertQueued, messageRow, providerHealth, received, resetBreaker } from "./helpers";

let o: SignedUp;
beforeAll(async () => {
  o = await signUp();
  await resetBreaker();
});

async function twilioDownFor(): Promise<string> {
  const phone = freshPhone();
  await behave("twilio", phone, { mode: "down" });
  const id = await insertQueued(o, phone);
  await deliver("seatline-outbound", [{ messageId: id, primary: "twilio" }]);
  expect(await messageRow(id)).toMatchObject({ status: "sent", provider: "telnyx" });
  return phone;
}

describe("circuit breaker", () => {
  it("stays closed below the threshold", async () => {
    for (let i = 1; i < BREAKER_THRESHOLD; i++) await twilioDownFor();
    expect(await providerHealth("twilio")).toMatchObject({ consecutive_failures: BREAKER_THRESHOLD - 1, open_until: 0 });
    // Still tried first: a message with twilio working goes through twilio.
    const phone = freshPhone();
    const id = await insertQueued(o, phone);
    await deliver("seatline-outbound", [{ messageId: id }]);
    expect(await messageRow(id)).toMatchObject({ provider: "twilio" });
    // …and a success closes the count again.
    expect(await providerHealth("twilio")).toMatchObject({ consecutive_failures: 0, open_until: 0 });
  });

  it(`opens after ${BREAKER_THRESHOLD} transient failures, and the next message goes to telnyx first`, async () => {
    const before = Date.now();
    for (let i = 0; i < BREAKER_THRESHOLD; i++) await twilioDownFor();
    const health = await providerHealth("twilio");
    expect(health).toMatchObject({ consecutive_failures: BREAKER_THRESHOLD });
    expect(health!.open_until).toBeGreaterThanOrEqual(before + BREAKER_COOLDOWN_MS);

    // Twilio would accept this one, yet it is not even tried: telnyx goes first.
    const phone = freshPhone();
    const id = await insertQueued(o, phone, { body: "Skips the open circuit" });
    await deliver("seatline-outbound", [{ messageId: id, primary: "twilio" }]);
    expect(await messageRow(id)).toMatchObject({ status: "sent", provider: "telnyx" });
    expect(await attempts("twilio", phone)).toEqual([]);
    expect(await received("twilio", phone)).toEqual([]);
    expect((await received("telnyx", phone)).map((m) => m.body)).toEqual(["Skips the open circuit"]);
  });

  it("while open, a message whose number twilio would fail for costs no twilio attempt", async () => {
    expect((await providerHealth("twilio"))!.open_until).toBeGreaterThan(Date.now());
    const phone = freshPhone();
    await behave("twilio", phone, { mode: "down" });
    const id = await insertQueued(o, phone);
    await deliver("seatline-outbound", [{ messageId: id, primary: "twilio" }]);
    expect(await messageRow(id)).toMatchObject({ status: "sent", provider: "telnyx" });
    expect(await attempts("twilio", phone)).toEqual([]);
    expect(await providerHealth("twilio")).toMatchObject({ consecutive_failures: BREAKER_THRESHOLD });
  });

  it("while open, twilio is still the last resort when telnyx fails too", async () => {
    const phone = freshPhone();
    await behave("telnyx", phone, { mode: "down" });
    const id = await insertQueued(o, phone, { body: "Last resort" });
    await deliver("seatline-outbound", [{ messageId: id, primary: "twilio" }]);
    expect(await messageRow(id)).toMatchObject({ status: "sent", provider: "twilio" });
    expect(await attempts("telnyx", phone)).toHaveLength(1);
    expect((await received("twilio", phone)).map((m) => m.body)).toEqual(["Last resort"]);
    // Twilio answered: its circuit closes.
    expect(await providerHealth("twilio")).toMatchObject({ consecutive_failures: 0, open_until: 0 });
  });
});
