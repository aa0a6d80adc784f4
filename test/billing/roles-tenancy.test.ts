// Billing is the owner's: admins and hosts get 403, no token 401, and one account never sees or
// changes another's billing.
import { describe, expect, it } from "vitest";
import { addMember, call, signUp } from "../helpers/api";
import { billing, notification, postWebhook, recurly, row, subscribedOwner, token } from "./helpers";

const ROUTES: [string, string, unknown?][] = [
  ["GET", "/api/billing"],
  ["POST", "/api/billing/subscription", { planCode: "starter", billingToken: "tok-abc" }],
  ["POST", "/api/billing/subscription/change", { planCode: "pro" }],
  ["POST", "/api/billing/subscription/cancel"],
  ["POST", "/api/billing/subscription/reactivate"],
  ["GET", "/api/billing/account-link"],
];

describe("who may use billing", () => {
  it("admins and hosts get 403 on every billing route, and nothing changes", async () => {
    const owner = await subscribedOwner("starter");
    const before = await row(owner.accountId);
    for (const role of ["admin", "host"] as const) {
      const m = await addMember(owner, role);
      for (const [method, path, body] of ROUTES) {
        const res = await call(method, path, { token: m.token, body });
        expect(res.status, `${role} ${method} ${path}`).toBe(403);
        expect(res.json.error.code).toBe("forbidden");
      }
    }
    expect(await row(owner.accountId)).toEqual(before);
  });

  it("a second owner may manage billing", async () => {
    const owner = await subscribedOwner("starter");
    const co = await addMember(owner, "owner");
    const res = await call("GET", "/api/billing", { token: co.token });
    expect(res.status).toBe(200);
    expect(res.json.plan.code).toBe("starter");
  });

  it("no token answers 401 on every billing route", async () => {
    for (const [method, path, body] of ROUTES) {
      expect((await call(method, path, { body })).status, `${method} ${path}`).toBe(401);
    }
  });

  it("another account's owner sees only their own billing and cancels only their own", async () => {
    const a = await subscribedOwner("pro");
    const b = await signUp();
    expect((await billing(b)).status).toBe("none");
    expect((await billing(b)).usage.map((u: { locationId: string }) => u.locationId)).toEqual([b.locationId]);
    expect((await call("POST", "/api/billing/subscription/cancel", { token: b.token })).status).toBe(409);
    expect((await row(a.accountId))!.status).toBe("active");
    // b's subscription goes to b's own Recurly account.
    await call("POST", "/api/billing/subscription", { token: b.token, body: { planCode: "starter", billingToken: token() } });
    expect((await recurly("account", { code: b.accountId }))?.code).toBe(b.accountId);
    expect((await row(a.accountId))!.plan_code).toBe("pro");
  });

  it("a webhook for another account's code cannot touch a Seatline account through a foreign subscription", async () => {
    const a = await subscribedOwner("starter");
    const b = await subscribedOwner("pro");
    const bSub = await recurly("subscription", { id: (await row(b.accountId))!.recurly_subscription_id });
    const before = await row(a.accountId);
    // A notification naming a's account code with b's subscription uuid: the fetched subscription
    // belongs to b's Recurly account, so it is not applied to a.
    expect((await postWebhook(notification("subscription", "updated", a.accountId, bSub.uuid))).status).toBe(204);
    expect(await row(a.accountId)).toEqual(before);
  });
});
