// Issue 16 item 3 end to end: the figure the host sees on the add form is the quote, and the "joined"
// text, the guest's status page and the host row all say it; a self check-in's estimate on the join
// page is the quote its status page then states. Waited and remaining are labelled in words.
import { assert, newPage, waitFor } from "./harness.mjs";
import { addViaApi, check, hostOwner, row } from "./host-helpers.mjs";

const minutesIn = (text) => Number(/(\d+)\s*min/.exec(text)?.[1] ?? NaN);

async function joinedText(ctx, phone) {
  return waitFor(async () => {
    const { emails } = await (await fetch(`${ctx.base}/api/dev/outbox`)).json();
    return emails.find((e) => e.to === phone && e.text.includes("you're on the list"));
  }, `the joined text to ${phone}`);
}

export const hostQuoteFlows = [
  [
    "host-add (item 3): the quote the host saw is what the joined text, the guest page and the row say; a self check-in's estimate is its quote on its status page",
    async (ctx) => {
      const owner = await hostOwner(ctx, "Saltmarsh Kitchen");
      const a = owner.page;
      for (const name of ["Arden", "Birch", "Cole"]) await addViaApi(owner, { name, partySize: 2 });
      await row(a, "Cole").waitFor();

      // Host add: the estimate shown is the quote stored and said everywhere.
      const form = a.locator("form.add");
      await form.getByRole("button", { name: "2", exact: true }).click();
      const estimate = form.getByTestId("add-estimate");
      await estimate.filter({ hasText: "Estimate for 2:" }).waitFor();
      const quoted = minutesIn(await estimate.textContent());
      assert(quoted > 0 && (await form.getByLabel("Quoted wait (minutes)").inputValue()) === String(quoted), `the quote starts at the estimate (${quoted})`);
      await form.getByLabel("Name").fill("Dara");
      await form.getByLabel("Mobile (optional)").fill("+1 415 555 0181");
      assert(await form.getByLabel("Text this guest about this visit").isChecked(), "a phone given to the host is consent for this visit");
      await form.getByRole("button", { name: /^Add Dara/ }).click();
      await row(a, "Dara").getByTestId("quoted").filter({ hasText: `quoted ${quoted} min` }).waitFor();
      assert(/^waited \d+ min$/.test(await row(a, "Dara").getByTestId("waited").textContent()), "waited is labelled");
      const sms = await joinedText(ctx, "+14155550181");
      assert(sms.text.includes(`about ${quoted} min`), `the joined text says the quote: ${sms.text}`);
      const link = await a.getByTestId("toast").getByTestId("guest-link").getAttribute("href");

      const phone = await ctx.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      const g = await newPage(phone, ctx.base);
      await g.goto(`${ctx.base}${link}`);
      await g.getByText(`Quoted ${quoted} min when you joined.`).waitFor();
      await check(g, "guest-status-quote-agrees");

      // Self check-in: the estimate on the join page is the quote its status page states.
      await g.goto(`${ctx.base}/join/${owner.location.slug}`);
      await g.getByRole("heading", { name: "Join the line" }).waitFor();
      await g.getByRole("button", { name: "2", exact: true }).click();
      const shown = g.getByTestId("estimate").filter({ hasText: "for 2" });
      await shown.waitFor();
      const promised = minutesIn(await shown.textContent());
      assert(promised > 0, `the join page shows an estimate: ${await shown.textContent()}`);
      await g.getByLabel("Name").fill("Emre");
      await g.getByLabel("Mobile phone").fill("+1 415 555 0182");
      await g.getByLabel(/Text me about my place in line/).check();
      await g.getByRole("button", { name: "Join the line" }).click();
      await g.waitForURL(/\/w\//);
      await g.getByText(`Quoted ${promised} min when you joined.`).waitFor();
      await row(a, "Emre").getByTestId("quoted").filter({ hasText: `quoted ${promised} min` }).waitFor();
      const selfSms = await joinedText(ctx, "+14155550182");
      assert(selfSms.text.includes(`about ${promised} min`), `the self check-in's joined text says its quote: ${selfSms.text}`);
      await phone.close();
    },
  ],
];
