// Issue 16 items 1–3: a large party keeps its size, a phone given to the host is consent for this
// visit's texts (and Notify says when a party cannot be texted), and the quote starts from the estimate.
import { assert, waitFor } from "./harness.mjs";
import { addViaApi, check, hostOwner, partyNamed, row } from "./host-helpers.mjs";

export const hostAddFlows = [
  [
    "host-add (item 1): typing 14 in the 11+ field adds a party of 14",
    async (ctx) => {
      const owner = await hostOwner(ctx, "Harbour Grill", { settings: { maxPartySize: 20 } });
      ctx.addOwner = owner;
      const a = owner.page;
      const form = a.locator("form.add");
      const more = form.getByLabel("Larger party size");
      await more.click();
      await more.pressSequentially("14");
      assert((await more.inputValue()) === "14", `the field keeps what was typed (${await more.inputValue()})`);
      await form.getByLabel("Name").fill("Brennan");
      await form.getByRole("button", { name: "Add Brennan (14)" }).waitFor();
      // Beyond the location's largest party the field says so and nothing is added.
      await more.fill("25");
      await form.getByText("1 to 20 guests").waitFor();
      assert(await form.getByRole("button", { name: /^Add Brennan/ }).isDisabled(), "no add with a size beyond the limit");
      await more.fill("14");
      await form.getByRole("button", { name: "Add Brennan (14)" }).click();
      await row(a, "Brennan").waitFor();
      assert((await partyNamed(owner, "Brennan")).partySize === 14, "the party of 14 is stored as 14");
      await check(a, "host-add-large-party");
    },
  ],
  [
    "host-add (item 2): a phone given to the host is consent for this visit's texts; Notify on a party without a phone says no text goes out",
    async (ctx) => {
      const owner = ctx.addOwner;
      const a = owner.page;
      const form = a.locator("form.add");
      await form.getByRole("button", { name: "2", exact: true }).click();
      await form.getByLabel("Name").fill("Lindqvist");
      await form.getByLabel("Mobile (optional)").fill("+1 415 555 0161");
      const consent = form.getByLabel("Text this guest about this visit");
      assert(await consent.isChecked(), "a phone given to the host ticks the consent for this visit");
      await check(a, "host-add-consent");
      await form.getByRole("button", { name: /^Add Lindqvist/ }).click();
      await row(a, "Lindqvist").waitFor();
      assert((await partyNamed(owner, "Lindqvist")).smsConsent === true, "stored with consent");
      // Switched off, the party is added without it and the row says it cannot be texted.
      await form.getByRole("button", { name: "3", exact: true }).click();
      await form.getByLabel("Name").fill("Moreau");
      await form.getByLabel("Mobile (optional)").fill("+1 415 555 0162");
      await form.getByLabel("Text this guest about this visit").uncheck();
      await form.getByRole("button", { name: /^Add Moreau/ }).click();
      await row(a, "Moreau").getByText("No texts").waitFor();
      assert((await partyNamed(owner, "Moreau")).smsConsent === false, "stored without consent");

      // Notify on a party that cannot be texted asks first, and the toast says no text went out.
      await addViaApi(owner, { name: "Achebe", partySize: 2 });
      await row(a, "Achebe").getByRole("button", { name: "Notify Achebe" }).click();
      const dialog = a.getByRole("dialog", { name: "Achebe can't get a text" });
      await dialog.getByText("no mobile number").waitFor();
      await check(a, "host-notify-unreachable");
      await dialog.getByRole("button", { name: "Mark notified" }).click();
      await a.getByTestId("toast").filter({ hasText: "No text was sent" }).waitFor();
      await waitFor(async () => (await row(a, "Achebe").getAttribute("data-state")) === "notified", "Achebe marked notified");
      // A reachable party is notified at once, and its text goes out.
      await row(a, "Lindqvist").getByRole("button", { name: "Notify Lindqvist" }).click();
      await a.getByTestId("toast").filter({ hasText: "Lindqvist notified by text" }).waitFor();
      const lindqvist = await partyNamed(owner, "Lindqvist");
      await waitFor(async () => {
        const r = await owner.api(`/api/locations/${owner.location.id}/waitlist/${lindqvist.id}/messages`);
        return r.body.messages.filter((m) => m.direction === "outbound").length >= 2;
      }, "the joined and the ready texts to Lindqvist");
    },
  ],
  [
    "host-add (item 3): the add form shows the estimate for the chosen size and quotes it; rows label waited, quoted and remaining",
    async (ctx) => {
      const owner = ctx.addOwner;
      const a = owner.page;
      const form = a.locator("form.add");
      // Parties of 1–2 in line now: Lindqvist, Achebe (Brennan is 7+, Moreau 3–4); the default interval for 1–2 is 8 min.
      await form.getByRole("button", { name: "2", exact: true }).click();
      const estimate = form.getByTestId("add-estimate");
      await estimate.filter({ hasText: "Estimate for 2: 24 min" }).waitFor();
      const quote = form.getByLabel("Quoted wait (minutes)");
      assert((await quote.inputValue()) === "24", `the quote starts at the estimate (${await quote.inputValue()})`);
      await form.getByRole("button", { name: "5", exact: true }).click();
      await estimate.filter({ hasText: "Estimate for 5: 15 min" }).waitFor();
      assert((await quote.inputValue()) === "15", "the quote follows the size until the host changes it");
      await check(a, "host-add-estimate");
      await form.getByRole("button", { name: "2", exact: true }).click();
      await form.getByLabel("Name").fill("Okoye");
      await form.getByRole("button", { name: /^Add Okoye/ }).click();
      await row(a, "Okoye").waitFor();
      assert((await partyNamed(owner, "Okoye")).quotedWaitMinutes === 24, "the quote stored is the estimate shown");
      const r = row(a, "Okoye");
      assert((await r.getByTestId("quoted").textContent()) === "quoted 24 min", `quoted label: ${await r.getByTestId("quoted").textContent()}`);
      assert(/^waited \d+ min$/.test(await r.getByTestId("waited").textContent()), `waited label: ${await r.getByTestId("waited").textContent()}`);
      assert((await r.getByTestId("remaining").textContent()) === "about 24 min left", `remaining label: ${await r.getByTestId("remaining").textContent()}`);
      // The host's own quote wins over the estimate.
      await form.getByRole("button", { name: "4", exact: true }).click();
      await form.getByLabel("Name").fill("Dubois");
      await quote.fill("35");
      await form.getByRole("button", { name: "1", exact: true }).click();
      assert((await quote.inputValue()) === "35", "a quote the host typed is kept when the size changes");
      await form.getByRole("button", { name: /^Add Dubois/ }).click();
      await row(a, "Dubois").waitFor();
      assert((await partyNamed(owner, "Dubois")).quotedWaitMinutes === 35, "the host's quote is stored");
      await check(a, "host-rows-labelled");
    },
  ],
];
