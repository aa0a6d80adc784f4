// Upgrades and downgrades go through Recurly's subscription change; the plan's limits follow.
import { describe, expect, it } from "vitest";
import { call, signUp } from "../helpers/api";
import { recurly, row, subscribedOwner, subscriptionId } from "./helpers";

const change = (owner: { token: string }, body: unknown) => call("POST", "/api/billing/subscription/change", { token: owner.token, body });

describe("changing plan", () => {
  it("upgrades starter → pro now", async () => {
    const owner = await subscribedOwner("starter");
    const res = await change(owner, { planCode: "pro" });
    expect(res.status).toBe(200);
    expect(res.json.plan).toMatchObject({ code: "pro", locationsAllowed: 5, allowOverage: true });
    expect((await recurly("subscription", { id: await subscriptionId(owner.accountId) })).plan.code).toBe("pro");
  });

  it("downgrades pro → starter now", async () => {
    const owner = await subscribedOwner("pro");
    const res = await change(owner, { planCode: "starter", timeframe: "now" });
    expect(res.status).toBe(200);
    expect(res.json.plan.code).toBe("starter");
    expect((await row(owner.accountId))!.plan_code).toBe("starter");
  });

  it("a change at renewal keeps the current plan until Recurly applies it", async () => {
    const owner = await subscribedOwner("pro");
    const res = await change(owner, { planCode: "starter", timeframe: "renewal" });
    expect(res.status).toBe(200);
    expect(res.json.plan.code).toBe("pro");
  });

  it("to the plan one is on answers 409", async () => {
    const owner = await subscribedOwner("starter");
    const res = await change(owner, { planCode: "starter" });
    expect(res.status).toBe(409);
  });

  it("without a subscription answers 409 and calls nobody", async () => {
    const owner = await signUp();
    const res = await change(owner, { planCode: "pro" });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe("conflict");
  });
});
