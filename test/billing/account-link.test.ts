// The hosted account page link is built from the Recurly account's hosted_login_token.
import { describe, expect, it } from "vitest";
import { call, signUp } from "../helpers/api";
import { recurly, subscribedOwner } from "./helpers";

describe("GET /api/billing/account-link", () => {
  it("links to the site's hosted account page with the account's token", async () => {
    const owner = await subscribedOwner("starter");
    const account = await recurly("account", { code: owner.accountId });
    const res = await call("GET", "/api/billing/account-link", { token: owner.token });
    expect(res.status).toBe(200);
    expect(res.json.url).toBe(`https://seatline-test.recurly.com/account/${account.hosted_login_token}`);
  });

  it("answers 409 before there is a billing account", async () => {
    const owner = await signUp();
    const res = await call("GET", "/api/billing/account-link", { token: owner.token });
    expect(res.status).toBe(409);
  });
});
