// The feedback text is a text like any other: the opt-out ledger refuses it at send time and it
// counts against the plan's SMS allowance (held back past it).
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { localMonth } from "../../src/billing/usage";
import { seedUsage, subscribedOwner, usageRow } from "../billing/helpers";
import { call, waitFor } from "../helpers/api";
import { attempts, freshPhone, messageRow, received } from "../sms/helpers";
import { restaurantStub, type Place } from "../waitlist/support";
import { feedbackPlace, feedbackTexts, runAlarm, seatedGuest } from "./support";

async function ownerPlace(): Promise<Place> {
  const o = await subscribedOwner("starter");
  await call("PATCH", `/api/locations/${o.locationId}`, { token: o.token, body: { timezone: "UTC" } });
  return feedbackPlace({ delayMinutes: 0 }, { ...o, base: `/api/locations/${o.locationId}`, stub: restaurantStub(o.locationId) });
}

/** Seats a guest, runs the alarm and waits until the consumer has finished with the feedback text. */
async function feedbackMessage(p: Place, phone: string) {
  const g = await seatedGuest(p, { phone });
  await runAlarm(p);
  const [text] = await waitFor(async () => {
    const t = await feedbackTexts(p, g.id);
    return t.length > 0 && t;
  }, 10_000, "the feedback text");
  return waitFor(async () => {
    const row = await messageRow(text!.id);
    return row && !["queued", "sending", "retrying"].includes(row.status) && row;
  }, 10_000, "the feedback text to be handled");
}

describe("feedback texts and the SMS rules", () => {
  it("never reach an opted-out number: refused at send time, through neither provider", async () => {
    const p = await ownerPlace();
    const phone = freshPhone();
    await env.DB.prepare("INSERT INTO sms_opt_outs (account_id, phone, source, created_at) VALUES (?, ?, 'keyword', ?)").bind(p.accountId, phone, Date.now()).run();
    const row = await feedbackMessage(p, phone);
    expect(row).toMatchObject({ kind: "feedback", status: "refused", error_code: "opted_out" });
    expect((await attempts("twilio", phone)).filter((a) => /rate your visit/.test(a.body))).toEqual([]);
    expect((await attempts("telnyx", phone)).filter((a) => /rate your visit/.test(a.body))).toEqual([]);
  });

  it("count against the SMS allowance like any text: one usage event for the feedback text, in the month's count", async () => {
    const p = await ownerPlace();
    const phone = freshPhone();
    const row = await feedbackMessage(p, phone);
    expect(row).toMatchObject({ kind: "feedback", status: "sent" });
    expect((await received("twilio", phone)).map((m) => m.body).filter((b) => /rate your visit/.test(b))).toHaveLength(1);
    const events = await waitFor(async () => {
      const r = await env.DB.prepare("SELECT * FROM sms_usage_events WHERE message_id = ?").bind(row.id).all();
      return r.results.length > 0 && r.results;
    }, 10_000, "the feedback text counted");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ location_id: p.locationId, month: localMonth(Date.now(), "UTC") });
    // The joined text and the feedback text: both in the month's count.
    await waitFor(async () => ((await usageRow(p.locationId, localMonth(Date.now(), "UTC")))?.count as number) >= 2, 10_000, "both texts in the month's count");
  });

  it("are held back past the allowance (failed with the allowance reason), never sent", async () => {
    const p = await ownerPlace();
    await seedUsage(p, localMonth(Date.now(), "UTC"), 500);
    const phone = freshPhone();
    const row = await feedbackMessage(p, phone);
    expect(row).toMatchObject({ kind: "feedback", status: "failed", error_code: "sms_allowance_exhausted" });
    expect(await received("twilio", phone)).toEqual([]);
  });
});
