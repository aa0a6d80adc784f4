// Issue 16 item 3 end to end: the figure the host sees on the add form is the quote, and the "joined"
// text, the guest's status page and the host row all say it; a self check-in's estimate on the join
// page is the quote its status page then states. Waited and remaining are labelled in words.
// With tables on the floor (issue 19 item 5) those figures are the floor estimator's, the Durable
// Object's, on the host screen as on the guest's page and in the text.
import { assert, newPage, waitFor } from "./harness.mjs";
import { addViaApi, check, hostOwner, live, row } from "./host-helpers.mjs";

const minutesIn = (text) => Number(/(\d+)\s*min/.exec(text)?.[1] ?? NaN);
/** A wait as any screen writes it ("98 min", "1 h 38 min", "1 hr, 38 min") in minutes; a range after it in brackets is not read. */
function waitIn(full) {
  const text = full.split("(")[0];
  const h = /(\d+)\s*(?:h|hr|hrs|hours?)\b/.exec(text);
  const m = /(\d+)\s*min/.exec(text);
  if (!h && !m) return NaN;
  return (h ? Number(h[1]) * 60 : 0) + (m ? Number(m[1]) : 0);
}

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
  [
    "host-quotes (issue 19 item 5): with tables on the floor, the Add form's estimate, the row, the guest page and the joined text give the floor's figure",
    async (ctx) => {
      const owner = await hostOwner(ctx, "Tideline Grill");
      const a = owner.page;
      const base = `/api/locations/${owner.location.id}`;
      // Two two-tops, both just taken by walk-ins seated at them: a couple waits about a dining time.
      const tables = [];
      for (const name of ["Rail 1", "Rail 2"]) {
        const t = await owner.api(`${base}/tables`, { method: "POST", body: JSON.stringify({ name, minSeats: 1, maxSeats: 2 }) });
        assert(t.status === 201, `table ${name}: ${t.status} ${JSON.stringify(t.body)}`);
        tables.push(t.body.table.id);
      }
      for (const [i, name] of ["Ibarra", "Jensen"].entries()) {
        const p = await addViaApi(owner, { name, partySize: 2 });
        const s = await owner.api(`${base}/waitlist/${p.id}/seat`, { method: "POST", body: JSON.stringify({ tableIds: [tables[i]] }) });
        assert(s.status === 200, `seat ${name}: ${s.status} ${JSON.stringify(s.body)}`);
      }
      await a.reload();
      await live(a);

      const form = a.locator("form.add");
      await form.getByRole("button", { name: "2", exact: true }).click();
      const estimate = form.getByTestId("add-estimate");
      await estimate.filter({ hasText: "Estimate for 2:" }).waitFor();
      assert((await estimate.getAttribute("data-source")) === "server", "the Add form's estimate is the server's");
      const offered = waitIn(await estimate.textContent());
      // The interval estimate would say 8 minutes (one seating interval); the floor says a dining time.
      assert(offered > 60, `the estimate for 2 is the floor's (both two-tops taken): ${await estimate.textContent()}`);
      assert(await form.getByTestId("add-estimate-range").isVisible(), "the Add form shows the floor's range");
      assert((await form.getByLabel("Quoted wait (minutes)").inputValue()) === String(offered), `the quote starts at the estimate (${offered})`);
      await check(a, "host-quotes-floor-estimate");

      await form.getByLabel("Name").fill("Kowalski");
      await form.getByLabel("Mobile (optional)").fill("+1 415 555 0191");
      await form.getByRole("button", { name: /^Add Kowalski/ }).click();
      const r = row(a, "Kowalski");
      await r.getByTestId("quoted").filter({ hasText: "quoted" }).waitFor();
      assert(waitIn(await r.getByTestId("quoted").textContent()) === offered, `the row's quote: ${await r.getByTestId("quoted").textContent()}`);
      await waitFor(async () => waitIn(await r.getByTestId("remaining").textContent()) === offered, `the row's remaining wait is ${offered}`);
      assert(/likely .+ to .+/.test(await r.locator("[title^='Estimated wait from now']").getAttribute("title")), "the row names the range");
      // Opened, the party shows its remaining wait with the floor's range.
      await r.locator("button.who").click();
      const detail = a.getByTestId("detail-wait");
      await detail.waitFor();
      assert(/^· about .+ left \(likely .+ to .+\)$/.test((await detail.textContent()).trim()) && waitIn(await detail.textContent()) === offered, `the detail's wait: ${await detail.textContent()}`);
      await r.locator("button.who").click();
      const stored = (await owner.api(`${base}/waitlist`)).body.parties.find((p) => p.name === "Kowalski");
      assert(stored.estimatedWaitMinutes === offered, `REST gives the same figure: ${JSON.stringify(stored)}`);

      const sms = await joinedText(ctx, "+14155550191");
      assert(sms.text.includes(`about ${offered} min`), `the joined text says the floor's figure: ${sms.text}`);
      const link = await a.getByTestId("toast").getByTestId("guest-link").getAttribute("href");
      const phone = await ctx.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      const g = await newPage(phone, ctx.base);
      await g.goto(`${ctx.base}${link}`);
      const fact = g.getByText(/estimated wait/);
      await fact.waitFor();
      assert(waitIn(await fact.textContent()) === offered, `the guest page's estimate: ${await fact.textContent()}`);
      assert(waitIn(await g.getByText(/^Quoted .* when you joined\.$/).textContent()) === offered, "the guest page's quote");
      await check(g, "host-quotes-floor-guest");

      // Self check-in at the same floor: the join page's figure and range are its status page's.
      await g.goto(`${ctx.base}/join/${owner.location.slug}`);
      await g.getByRole("heading", { name: "Join the line" }).waitFor();
      await g.getByRole("button", { name: "2", exact: true }).click();
      const shown = g.getByTestId("estimate").filter({ hasText: "for 2" });
      await shown.waitFor();
      const promised = waitIn(await shown.textContent());
      const promisedRange = (await g.getByTestId("estimate-range").textContent()).trim();
      assert(promised > offered, `the next couple waits longer than Kowalski: ${await shown.textContent()}`);
      await check(g, "host-quotes-floor-join");
      await g.getByLabel("Name").fill("Lindgren");
      await g.getByLabel("Mobile phone").fill("+1 415 555 0192");
      await g.getByLabel(/Text me about my place in line/).check();
      await g.getByRole("button", { name: "Join the line" }).click();
      await g.waitForURL(/\/w\//);
      const own = g.getByText(/estimated wait/);
      await own.waitFor();
      assert(waitIn(await own.textContent()) === promised, `the status page's estimate: ${await own.textContent()} (join page: ${promised})`);
      assert((await g.locator(".fact .range").textContent()).trim() === promisedRange, `the status page's range is the join page's (${promisedRange})`);
      await waitFor(async () => waitIn((await row(a, "Lindgren").getByTestId("remaining").textContent()) ?? "") === promised, `the host row says ${promised} for Lindgren`);
      const selfSms = await joinedText(ctx, "+14155550192");
      assert(selfSms.text.includes(`about ${promised} min`), `the self check-in's joined text says its figure: ${selfSms.text}`);
      await phone.close();
      await check(a, "host-quotes-floor-row");
    },
  ],
];
