// /api/docs (issue 15, item 2): search narrows the reference, Try it calls the API with an API key
// typed once at the top, and the page fits a phone without sideways scrolling, under the page CSP.
import { assertNoAxeViolations } from "./axe.mjs";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { assert, assertLabelled, assertNoExternal, newPage, SCREENSHOTS } from "./harness.mjs";
import { signUpOwner } from "./owner.mjs";

export const docsFlows = [
  [
    "docs: search finds an operation, Try it with an API key lists the waitlist, and a phone shows the page without sideways scrolling",
    async (ctx) => {
      const owner = await signUpOwner(ctx, "Docs Diner");
      const key = await owner.api("/api/api-keys", { method: "POST", body: JSON.stringify({ name: "Docs try-it", scopes: ["read"] }) });
      assert(key.status === 201, `key created (${key.status})`);
      const context = await ctx.browser.newContext({ viewport: { width: 390, height: 844 } });
      const page = await newPage(context, ctx.base);
      await page.goto(`${ctx.base}/api/docs`);
      await page.getByRole("searchbox", { name: "Search operations and events" }).waitFor();

      const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert((await sideways()) <= 0, `no sideways scrolling on a phone (${await sideways()} px too wide)`);

      await page.getByRole("searchbox", { name: "Search operations and events" }).fill("waitlist notify");
      await page.getByText(/^\d+ match(es)?$/).waitFor();
      const visible = await page.locator("article.op:not([hidden])").evaluateAll((els) => els.map((e) => e.id));
      assert(visible.includes("op-post-api-locations-locationid-waitlist-partyid-notify"), `notify is found (${visible.join(", ")})`);
      assert(visible.every((id) => id.includes("notify")), `only matching operations are shown (${visible.join(", ")})`);

      await page.getByRole("searchbox", { name: "Search operations and events" }).fill("get waitlist");
      const op = page.locator("#op-get-api-locations-locationid-waitlist");
      await op.waitFor();
      await page.getByLabel("API key or token for Try it (kept in this page only)").fill(key.body.secret);
      await op.locator("summary", { hasText: "Try it" }).click();
      await op.getByLabel("locationId (path, required)").fill(owner.location.id);
      await op.getByRole("button", { name: "Send GET" }).click();
      await op.locator(".try-result").getByText("200").waitFor();
      const answer = await op.locator(".try-result pre").textContent();
      assert(JSON.parse(answer).parties !== undefined, `the waitlist came back: ${answer.slice(0, 120)}`);
      assert((await sideways()) <= 0, "still no sideways scrolling with Try it open");

      // A missing key answers 401 in the one error shape, shown as it came.
      await page.getByLabel("API key or token for Try it (kept in this page only)").fill("");
      await op.getByRole("button", { name: "Send GET" }).click();
      await op.locator(".try-result").getByText("401").waitFor();

      await page.getByRole("searchbox", { name: "Search operations and events" }).fill("party.status_changed");
      await page.locator("#event-party-status-changed").waitFor();
      await page.getByRole("searchbox", { name: "Search operations and events" }).fill("");
      await assertLabelled(page);
      await assertNoAxeViolations(page, "/api/docs");
      // The reference is thousands of lines long: the top of it, as a phone shows it (a full-page shot times out).
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, "api-docs-phone.png") });
      assertNoExternal(page);
      await context.close();
    },
  ],
];
