// A provider that keeps failing transiently is skipped for a cool-down, so a dead provider does not
// slow every message. The breaker is one D1 table, so this file has it to itself.
import { env } from "cloudflare:test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BREAKER_COOLDOWN_MS, BREAKER_THRESHOLD } from "../../src/messaging/sms/send";
import { signUp, type SignedUp } from "../helpers/api";
import { attempts, behave, deliver, freshPhone, insertQueued, messageRow, providerHealth, received, resetBreaker } from "./helpers";

let o: SignedUp;
beforeAll(async () => {
  o = await signUp();
  await resetBreaker();
});
// The breaker is one table for the whole D1: leave it closed for the files that run next.
afterAll(resetBreaker);


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

  it("while open, twilio is not tried even when telnyx fails too: the message waits for the cool-down", async () => {
    const openUntil = (await providerHealth("twilio"))!.open_until as number;
    const phone = freshPhone();
    await behave("telnyx", phone, { mode: "down" });
    const id = await insertQueued(o, phone, { body: "Waits for the cool-down" });
    const { result } = await deliver("seatline-outbound", [{ messageId: id, primary: "twilio" }]);
    expect(result.retryMessages).toHaveLength(1);
    expect(await messageRow(id)).toMatchObject({ status: "retrying", error_code: "telnyx:10007" });
    expect(await attempts("twilio", phone)).toEqual([]);
    expect(await attempts("telnyx", phone)).toHaveLength(1);
    expect((await providerHealth("twilio"))!.open_until).toBe(openUntil);
  });

  it("with every circuit open nothing is tried, and the retry comes when the first one closes", async () => {
    const until = Date.now() + 30_000;
    await env.DB.prepare("INSERT OR REPLACE INTO provider_health (provider, consecutive_failures, open_until, updated_at) VALUES ('telnyx', ?, ?, ?)").bind(BREAKER_THRESHOLD, until, Date.now()).run();
    const phone = freshPhone();
    const id = await insertQueued(o, phone);
    const { result, retries } = await deliver("seatline-outbound", [{ messageId: id, primary: "twilio" }]);
    expect(result.retryMessages).toHaveLength(1);
    expect(await messageRow(id)).toMatchObject({ status: "retrying", error_code: "circuit_open" });
    const twilioUntil = (await providerHealth("twilio"))!.open_until as number;
    const first = Math.min(until, twilioUntil);
    expect(retries[0]!.delaySeconds).toBeGreaterThan(0);
    expect(retries[0]!.delaySeconds).toBeLessThanOrEqual(Math.ceil((first - Date.now()) / 1000) + 1);
    expect(await attempts("twilio", phone)).toEqual([]);
    expect(await attempts("telnyx", phone)).toEqual([]);
    await env.DB.prepare("DELETE FROM provider_health WHERE provider = 'telnyx'").run();
  });

  it("after the cool-down twilio is tried again with a fresh count: one failure does not reopen it", async () => {
    // The cool-down is over (moved into the past rather than waiting 60 s).
    await env.DB.prepare("UPDATE provider_health SET open_until = ? WHERE provider = 'twilio'").bind(Date.now() - 1).run();
    expect(await providerHealth("twilio")).toMatchObject({ consecutive_failures: BREAKER_THRESHOLD });
    await twilioDownFor();
    expect(await providerHealth("twilio")).toMatchObject({ consecutive_failures: 1, open_until: 0 });
    // Still closed: the next message goes through twilio.
    const phone = freshPhone();
    const id = await insertQueued(o, phone);
    await deliver("seatline-outbound", [{ messageId: id, primary: "twilio" }]);
    expect(await messageRow(id)).toMatchObject({ status: "sent", provider: "twilio" });
    expect(await providerHealth("twilio")).toMatchObject({ consecutive_failures: 0, open_until: 0 });
  });

  it("a closed count reopens only after another full run of failures", async () => {
    for (let i = 1; i < BREAKER_THRESHOLD; i++) await twilioDownFor();
    expect(await providerHealth("twilio")).toMatchObject({ consecutive_failures: BREAKER_THRESHOLD - 1, open_until: 0 });
    await twilioDownFor();
    expect((await providerHealth("twilio"))!.open_until).toBeGreaterThan(Date.now());
  });
});
