// The SMS side of the host screen, and adds queued while offline.
import { assert, screenshots, waitFor, WAIT } from "./harness.mjs";

const row = (page, name) => page.locator(`li.party[data-party="${name}"]`);

async function addParty(page, { name, partySize: size, phone }) {
  const form = page.locator("form.add");
  await form.getByRole("button", { name: String(size), exact: true }).click();
  await form.getByLabel("Name").fill(name);
  if (phone) {
    await form.getByLabel("Mobile (optional)").fill(phone);
    // A phone given to the host is consent for this visit's texts (issue 16): ticked already.
    await form.getByLabel("Text this guest about this visit").check();
  }
  await form.getByRole("button", { name: new RegExp(`^Add ${name}`) }).click();
}

export const conversationFlows = [
  [
    "a consenting guest's texts show their status icon and the conversation, and the host can text them",
    async (ctx) => {
      const a = ctx.hostA;
      await a.goto(`${ctx.base}/app`);
      await waitFor(() => a.evaluate(() => (window.seatline?.version() ?? -1) >= 0), "host A live");
      await addParty(a, { name: "Lopez", partySize: 2, phone: "+1 415 555 0190" });
      // The "joined" text goes through the queue to the dev outbox, which marks it sent.
      await row(a, "Lopez").locator(".sms svg.sms-smsOk").waitFor({ timeout: WAIT });
      await row(ctx.hostB, "Lopez").locator(".sms svg.sms-smsOk").waitFor({ timeout: WAIT });
      await row(a, "Lopez").locator("button.who").click();
      const panel = a.locator(".detail");
      await panel.locator(".msg.outbound").filter({ hasText: "you're on the list" }).waitFor();
      await panel.getByLabel("Text Lopez").fill("Your table is almost ready");
      await panel.getByTestId("segments").filter({ hasText: "1 segment" }).waitFor();
      await panel.getByRole("button", { name: "Send text" }).click();
      await panel.locator(".msg.outbound").filter({ hasText: "Your table is almost ready" }).waitFor({ timeout: WAIT });
      await panel.locator(".msg.outbound").filter({ hasText: "Your table is almost ready" }).filter({ hasText: "sent" }).waitFor({ timeout: WAIT });
      await screenshots(a, "host-conversation");
      await panel.getByRole("button", { name: "Close" }).click();
    },
  ],
  [
    "a party added while the host screen is offline is queued and added once when it is back",
    async (ctx) => {
      const a = ctx.hostA;
      await ctx.hostContext.setOffline(true);
      await addParty(a, { name: "Patel", partySize: 5 });
      await a.getByTestId("pending-banner").waitFor();
      await ctx.hostContext.setOffline(false);
      await row(ctx.hostB, "Patel").waitFor({ timeout: WAIT });
      await a.getByTestId("pending-banner").waitFor({ state: "detached", timeout: WAIT });
      await row(a, "Patel").waitFor();
      // Give any duplicate a chance to show, then check there is exactly one.
      await waitFor(async () => (await a.evaluate(() => window.seatline.version())) === (await ctx.hostB.evaluate(() => window.seatline.version())), "both screens at the same version");
      assert((await row(ctx.hostB, "Patel").count()) === 1, "Patel added exactly once");
      // The phone layout of the host screen with its add panel open.
      await a.setViewportSize({ width: 390, height: 844 });
      await a.getByRole("button", { name: "Add", exact: true }).click();
      await a.locator("aside.side.open form.add").waitFor();
      await a.screenshot({ path: new URL("./screenshots/host-add-phone.png", import.meta.url).pathname });
      await a.locator("form.add").getByRole("button", { name: "Close" }).click();
      await a.setViewportSize({ width: 1024, height: 768 });
    },
  ],
];
