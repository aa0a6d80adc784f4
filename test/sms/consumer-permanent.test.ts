// An error about the recipient is final: no failover (the other provider would fail too), and an
// opt-out reported by a provider goes into our own ledger so neither provider is used again.
import { env } from "cloudflare:test";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signUp, type SignedUp } from "../helpers/api";
import { attempts, behave, deliver, freshPhone, insertQueued, messageRow, optedOut, resetBreaker, type Provider } from "./helpers";

let o: SignedUp;
beforeAll(async () => {
  o = await signUp();
});
beforeEach(resetBreaker);

const other = (p: Provider): Provider => (p === "twilio" ? "telnyx" : "twilio");

describe("permanent errors", () => {
  it.each([
    ["twilio", 400, 21211],
    ["twilio", 400, 21614],
    ["twilio", 400, 30006],
    ["telnyx", 422, "40310"],
    ["telnyx", 422, "40001"],
  ] as const)("%s %i/%s → failed, no failover", async (provider, status, code) => {
    const phone = freshPhone();
    await behave(provider, phone, { mode: "error", status, code });
    const id = await insertQueued(o, phone);

    const { result } = await deliver("seatline-outbound", [{ messageId: id, primary: provider }]);

    expect(result.retryMessages).toEqual([]);
    expect(result.explicitAcks).toHaveLength(1);
    expect(await messageRow(id)).toMatchObject({ status: "failed", provider, error_code: `${provider}:${code}` });
    expect(await attempts(provider, phone)).toHaveLength(1);
    expect(await attempts(other(provider), phone)).toEqual([]);
    expect(await optedOut(o.accountId, phone)).toBeNull();
  });

  it.each([
    ["twilio", 400, 21610],
    ["telnyx", 403, "40300"],
  ] as const)("%s %i/%s (opted out at the provider) → failed and the number is in our opt-out ledger", async (provider, status, code) => {
    const phone = freshPhone();
    await behave(provider, phone, { mode: "error", status, code });
    const id = await insertQueued(o, phone);

    await deliver("seatline-outbound", [{ messageId: id, primary: provider }]);

    expect(await messageRow(id)).toMatchObject({ status: "failed", provider, error_code: `${provider}:${code}` });
    expect(await attempts(other(provider), phone)).toEqual([]);
    expect(await optedOut(o.accountId, phone)).toMatchObject({ source: `${provider}:${code}` });

    // The next text to that number goes through neither provider.
    const next = await insertQueued(o, phone);
    await deliver("seatline-outbound", [{ messageId: next, primary: other(provider) }]);
    expect(await messageRow(next)).toMatchObject({ status: "refused", error_code: "opted_out" });
    expect(await attempts(provider, phone)).toHaveLength(1);
    expect(await attempts(other(provider), phone)).toEqual([]);
  });

  it("a permanent error at the failover provider is final too", async () => {
    const phone = freshPhone();
    await behave("twilio", phone, { mode: "down" });
    await behave("telnyx", phone, { mode: "error", status: 422, code: "40310" });
    const id = await insertQueued(o, phone);
    const { result } = await deliver("seatline-outbound", [{ messageId: id, primary: "twilio" }]);
    expect(result.retryMessages).toEqual([]);
    expect(await messageRow(id)).toMatchObject({ status: "failed", provider: "telnyx", error_code: "telnyx:40310" });
  });

  it("the opt-out recorded from a provider error belongs to that account only", async () => {
    const phone = freshPhone();
    await behave("twilio", phone, { mode: "error", status: 400, code: 21610 });
    await deliver("seatline-outbound", [{ messageId: await insertQueued(o, phone), primary: "twilio" }]);
    const rows = await env.DB.prepare("SELECT account_id FROM sms_opt_outs WHERE phone = ?").bind(phone).all();
    expect(rows.results).toEqual([{ account_id: o.accountId }]);
  });
});
