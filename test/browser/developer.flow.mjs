// Settings › Developer (issue 15 item 6): an admin creates an API key, copies it once, uses it, and
// revokes it; adds a webhook endpoint pointing at a local receiver, sends a test event that the
// standardwebhooks package verifies, and sees it delivered in the log.
import { createServer } from "node:http";
import { Webhook } from "standardwebhooks";
import { assertNoAxeViolations } from "./axe.mjs";
import { assert, assertNoExternal, screenshots, waitFor } from "./harness.mjs";
import { signUpOwner } from "./owner.mjs";

function receiver() {
  const got = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      got.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ got, url: `http://127.0.0.1:${server.address().port}/hooks`, close: () => server.close() })));
}

export const developerFlows = [
  [
    "an owner creates an API key, sees it once, uses it and revokes it",
    async (ctx) => {
      const owner = await signUpOwner(ctx, "Developer Diner");
      ctx.developerOwner = owner;
      const { page } = owner;
      await page.goto(`${ctx.base}/app/settings/developer`);
      await page.getByRole("heading", { name: "API keys" }).waitFor();
      await page.getByRole("button", { name: "Create an API key" }).click();
      // The server's error at the field: no name.
      await page.getByRole("button", { name: "Create key" }).click();
      await page.locator("#key-name-error").waitFor();
      await page.getByLabel("Name").fill("POS sync");
      await page.getByRole("checkbox", { name: /Run the waitlist/ }).check();
      await page.getByRole("button", { name: "Create key" }).click();
      const secret = await page.getByLabel("Key for POS sync").inputValue();
      assert(/^sl_live_[A-Za-z0-9_-]{43}$/.test(secret), `the key is shown once: ${secret}`);
      await assertNoAxeViolations(page, "developer with a new key");
      await screenshots(page, "developer-new-key");
      const used = await fetch(`${ctx.base}/api/locations/${owner.location.id}/waitlist`, { headers: { authorization: `Bearer ${secret}` } });
      assert(used.status === 200, `the key reads the waitlist: ${used.status}`);
      await page.getByRole("button", { name: "Done" }).click();
      assert((await page.getByLabel("Key for POS sync").count()) === 0, "the secret is gone from the page");
      await page.reload();
      await page.locator("tr[data-key='POS sync']").getByText(/sl_live_/).waitFor();
      assert(!(await page.content()).includes(secret), "the list never shows the secret");
      await page.getByRole("button", { name: "Revoke POS sync" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
      await page.locator("tr[data-key='POS sync']").getByText(/Revoked/).waitFor();
      const refused = await fetch(`${ctx.base}/api/locations/${owner.location.id}/waitlist`, { headers: { authorization: `Bearer ${secret}` } });
      assert(refused.status === 401, `a revoked key is refused: ${refused.status}`);
      assertNoExternal(page);
    },
  ],
  [
    "an owner adds a webhook endpoint, sends a test event the receiver can verify, and sees it delivered",
    async (ctx) => {
      const { page } = ctx.developerOwner;
      const rx = await receiver();
      try {
        await page.goto(`${ctx.base}/app/settings/developer`);
        await page.getByRole("button", { name: "Add an endpoint" }).click();
        await page.getByLabel("Endpoint URL").fill("https://10.0.0.5/hooks");
        await page.getByRole("button", { name: "Add endpoint" }).click();
        await page.locator("#hook-url-error").filter({ hasText: /private/ }).waitFor();
        await page.getByLabel("Endpoint URL").fill(rx.url);
        await page.getByLabel("Description (optional)").fill("Kitchen display");
        await page.getByRole("button", { name: "Add endpoint" }).click();
        const card = page.locator(`li[data-endpoint='${rx.url}']`);
        await card.getByRole("button", { name: "Show signing secret" }).click();
        const secret = await card.getByLabel("Signing secret").inputValue();
        assert(secret.startsWith("whsec_"), "the signing secret");
        await card.getByRole("button", { name: "Send a test event" }).click();
        await waitFor(async () => rx.got.length > 0, "the receiver got the test event");
        const event = new Webhook(secret).verify(rx.got[0].body, rx.got[0].headers);
        assert(event.type === "webhook.test", "a verified webhook.test event");
        // The receiver answered; once the server has recorded it, the log shows it on refresh.
        const owner = ctx.developerOwner;
        const endpointId = (await owner.api("/api/webhook-endpoints")).body.items[0].id;
        await waitFor(async () => (await owner.api(`/api/webhook-endpoints/${endpointId}/deliveries`)).body.items[0]?.status === "succeeded", "the delivery recorded");
        await card.getByRole("button", { name: /^Refresh the deliveries/ }).click();
        await card.locator("tr[data-delivery='webhook.test']").getByText("Delivered").waitFor();
        await assertNoAxeViolations(page, "developer with an endpoint");
        await screenshots(page, "developer-webhook");
        assertNoExternal(page);
      } finally {
        rx.close();
      }
    },
  ],
];
