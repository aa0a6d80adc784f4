// Deleting the account cancels its Recurly subscription first, so nobody is billed for it after.
import { describe, expect, it } from "vitest";
import { call } from "../helpers/api";
import { recurly, row, subscribedOwner, subscriptionId } from "./helpers";

async function deleteAccount(o: { token: string; password: string }) {
  const me = await call("GET", "/api/me", { token: o.token });
  return call("DELETE", "/api/account", { token: o.token, body: { confirmAccountName: me.json.account.name, password: o.password } });
}

describe("account deletion and billing", () => {
  it("cancels the live subscription in Recurly, then deletes the account and its billing row", async () => {
    const o = await subscribedOwner("pro");
    const id = await subscriptionId(o.accountId);
    expect((await deleteAccount(o)).status).toBe(204);
    expect((await recurly("subscription", { id })).state).toBe("canceled");
    expect(await row(o.accountId)).toBeNull();
  });

  it("an already canceled subscription does not stop the deletion", async () => {
    const o = await subscribedOwner("starter");
    expect((await call("POST", "/api/billing/subscription/cancel", { token: o.token })).status).toBe(200);
    expect((await deleteAccount(o)).status).toBe(204);
  });
});
