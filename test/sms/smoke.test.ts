import { describe, expect, it } from "vitest";
import { call, signUp, waitFor } from "../helpers/api";
import { flush, freshPhone, received, waitForStatus } from "./helpers";

describe("sms smoke", () => {
  it("texts a consenting guest on joining and when the table is ready", async () => {
    const o = await signUp();
    const phone = freshPhone();
    const add = await call("POST", `/api/locations/${o.locationId}/waitlist`, { token: o.token, body: { name: "Ana", partySize: 2, phone, smsConsent: true } });
    expect(add.status).toBe(201);
    await flush(o.locationId);
    await waitForStatus(phone, "joined", "sent");
    const sent = await waitFor(async () => (await received("twilio", phone)).length >= 1 && received("twilio", phone));
    expect(sent[0]!.body).toContain("Ana");
    expect(sent[0]!.body).toContain("/w/");
    await call("POST", `/api/locations/${o.locationId}/waitlist/${add.json.id}/notify`, { token: o.token });
    await flush(o.locationId);
    await waitForStatus(phone, "table_ready", "sent");
  });
});
