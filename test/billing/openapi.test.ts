// The billing routes are in the generated OpenAPI document, with the 402 on limited routes.
import { describe, expect, it } from "vitest";
import { call } from "../helpers/api";

describe("OpenAPI", () => {
  it("lists the billing routes and the 402 plan_limit answers", async () => {
    const doc = (await call("GET", "/api/openapi.json")).json;
    for (const path of ["/api/billing", "/api/billing/subscription", "/api/billing/subscription/change", "/api/billing/subscription/cancel", "/api/billing/subscription/reactivate", "/api/billing/account-link"]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.paths["/api/locations"].post.responses["402"]).toBeDefined();
    expect(doc.paths["/api/public/locations/{slug}/waitlist"].post.responses["402"]).toBeDefined();
    expect(doc.components.schemas.Billing).toBeDefined();
  });
});
