// On a plan that allows overage, texts past the allowance are sent and reported to Recurly as usage
// on the sms_overage add-on, once per text however often it is retried.
import { describe, expect, it } from "vitest";
import { reportOverage } from "../../src/billing/service";
import { localMonth } from "../../src/billing/usage";
import { env } from "cloudflare:test";
import { call } from "../helpers/api";
import { deliver, freshPhone, insertQueued, messageRow, received } from "../sms/helpers";
import { billing, recurly, seedUsage, subscribedOwner, subscriptionId, usageRow } from "./helpers";

const thisMonth = () => localMonth(Date.now(), "UTC");

async function proAtAllowance() {
  const o = await subscribedOwner("pro");
  await call("PATCH", `/api/locations/${o.locationId}`, { token: o.token, body: { timezone: "UTC" } });
  await seedUsage(o, thisMonth(), 2000);
  return o;
}

describe("SMS overage", () => {
  it("sends past the allowance and reports the text to Recurly as usage", async () => {
    const o = await proAtAllowance();
    const phone = freshPhone();
    const id = await insertQueued(o, phone);
    await deliver("seatline-outbound", [{ messageId: id }]);
    expect((await messageRow(id))!.status).toBe("sent");
    expect(await received("twilio", phone)).toHaveLength(1);
    const usage = await recurly("usage", { subscriptionId: await subscriptionId(o.accountId) });
    expect(usage).toEqual([expect.objectContaining({ add_on_code: "sms_overage", amount: 1, merchant_tag: `sms:${id}` })]);
    expect(await usageRow(o.locationId, thisMonth())).toMatchObject({ count: 2001, overage_count: 1, overage_reported: 1 });
  });

  it("reports each overage text once: redelivery and a second report add nothing", async () => {
    const o = await proAtAllowance();
    const id = await insertQueued(o, freshPhone());
    await deliver("seatline-outbound", [{ messageId: id }]);
    await deliver("seatline-outbound", [{ messageId: id, attempts: 2 }]);
    // Even if our "reported" mark were lost, the Idempotency-Key keeps Recurly's count at one.
    await env.DB.prepare("UPDATE sms_usage_events SET overage_reported_at = NULL WHERE message_id = ?").bind(id).run();
    await reportOverage(env, o.accountId, Date.now());
    expect(await recurly("usage", { subscriptionId: await subscriptionId(o.accountId) })).toHaveLength(1);
  });

  it("the owner is told overage is billed", async () => {
    const o = await proAtAllowance();
    expect((await billing(o)).notices).toEqual([expect.objectContaining({ code: "sms_overage", level: "info" })]);
  });
});
