// Feedback after the meal (issue 22): a host seats a party, the feedback text lands in the dev SMS
// outbox at once (the location's delay is 0), the guest opens its link on a phone, taps a rating and
// adds a comment, and the low score shows on the host screen (a toast and a badge that opens the
// answer). Then Insights shows the average, and Settings › Feedback saves a change. axe-core at each state.
import { assertNoAxeViolations } from "./axe.mjs";
import { assert, assertLabelled, assertNoExternal, newPage, screenshots, SIZES, waitFor } from "./harness.mjs";
import { addViaApi, check, hostOwner, row } from "./host-helpers.mjs";

const PHONE_NUMBER = "+14155550188";

async function feedbackText(base, to) {
  return waitFor(async () => {
    const { emails } = await (await fetch(`${base}/api/dev/outbox`)).json();
    return emails.find((e) => e.to === to && e.subject === "SMS (feedback)");
  }, `the feedback text to ${to} in the dev outbox`);
}

export const feedbackFlows = [
  [
    "feedback: a seated party gets the text, rates 2 with a comment on a phone, and the host screen shows the low score",
    async (ctx) => {
      const owner = await hostOwner(ctx, "Harbor Kitchen");
      const a = owner.page;
      const s = await owner.api(`/api/locations/${owner.location.id}/feedback-settings`, { method: "PATCH", body: JSON.stringify({ enabled: true, delayMinutes: 0 }) });
      assert(s.status === 200, `feedback settings: ${s.status} ${JSON.stringify(s.body)}`);
      await addViaApi(owner, { name: "Rivera", partySize: 2, phone: PHONE_NUMBER, smsConsent: true });
      await row(a, "Rivera").getByRole("button", { name: /^Seat/ }).click();
      const text = await feedbackText(ctx.base, PHONE_NUMBER);
      assert(/How was it\? One tap to rate your visit/.test(text.text), `the text: ${text.text}`);
      const link = new URL(text.text.match(/https?:\/\/\S+\/feedback\/\S+/)[0]);

      // The guest, on a phone.
      const context = await ctx.browser.newContext({ viewport: SIZES.phone, hasTouch: true, isMobile: true });
      const g = await newPage(context, ctx.base);
      await g.goto(`${ctx.base}${link.pathname}`);
      await g.getByRole("heading", { name: "How was your visit?" }).waitFor();
      await assertLabelled(g);
      await assertNoAxeViolations(g, "the feedback page");
      const two = g.getByRole("button", { name: "2 Poor" });
      const box = await two.boundingBox();
      assert(box.width >= 44 && box.height >= 44, `a big enough target: ${box.width}×${box.height}`);
      await two.tap();
      await g.getByTestId("feedback-thanks").filter({ hasText: "You rated your visit 2 out of 5." }).waitFor();
      assert((await two.getAttribute("aria-pressed")) === "true", "the rating shows as chosen");

      // The host screen hears of it at once: a toast, and a badge that opens the answer.
      await a.getByTestId("feedback-badge").filter({ hasText: "1 low rating" }).waitFor();
      await a.locator(".toast").filter({ hasText: "Rivera rated their visit 2/5." }).waitFor();

      await g.getByLabel("Anything you'd like to tell us? (optional)").fill("The mains took 40 minutes.");
      await g.getByRole("button", { name: "Send comment" }).tap();
      await g.getByRole("status").filter({ hasText: "Thank you for your comment." }).waitFor();
      await assertNoAxeViolations(g, "the feedback page, answered");
      await screenshots(g, "guest-feedback");
      assertNoExternal(g);
      await context.close();

      await a.getByTestId("feedback-badge").click();
      const dialog = a.getByRole("dialog", { name: "Low ratings today" });
      await dialog.getByText("“The mains took 40 minutes.”").waitFor();
      assert((await dialog.getByTestId("feedback-rating").textContent()) === "2/5", "the rating in the list");
      await check(a, "host-feedback-dialog");
      await dialog.getByRole("button", { name: "Done" }).click();
      await a.getByTestId("feedback-badge").filter({ hasText: "Low ratings" }).waitFor();
      ctx.feedbackOwner = owner;
    },
  ],
  [
    "feedback: Insights shows the average, the distribution and the comment",
    async (ctx) => {
      const a = ctx.feedbackOwner.page;
      await a.goto(`${ctx.base}/app/insights`);
      const section = a.getByTestId("insights-feedback");
      await section.getByTestId("feedback-average").filter({ hasText: "2.00" }).waitFor();
      await section.getByText("“The mains took 40 minutes.”").waitFor();
      await assertNoAxeViolations(a, "Insights with feedback");
    },
  ],
  [
    "feedback: Settings › Feedback shows the location's settings and saves a change",
    async (ctx) => {
      const owner = ctx.feedbackOwner;
      const a = owner.page;
      await a.goto(`${ctx.base}/app/settings/feedback`);
      const on = a.getByLabel("Ask seated guests for feedback");
      await on.waitFor();
      assert(await on.isChecked(), "switched on (through the API in the first flow)");
      await a.getByLabel("Minutes after seating").fill("45");
      await a.getByLabel("Alert at or below").selectOption("3");
      await a.getByRole("button", { name: "Save feedback settings" }).click();
      await a.getByRole("status").filter({ hasText: "Feedback settings saved." }).waitFor();
      const s = await owner.api(`/api/locations/${owner.location.id}/feedback-settings`);
      assert(s.body.delayMinutes === 45 && s.body.alertAtOrBelow === 3 && s.body.enabled === true, `saved: ${JSON.stringify(s.body)}`);
      await assertLabelled(a);
      await assertNoAxeViolations(a, "Settings › Feedback");
    },
  ],
];
