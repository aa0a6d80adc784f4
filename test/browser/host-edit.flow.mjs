// Issue 16 item 6: a party's every field can be edited (a phone added later, through the API's
// PATCH), the Add form stays beside an open party, and the line can be searched by name or phone.
import { assert, waitFor } from "./harness.mjs";
import { addViaApi, check, hostOwner, partyNamed, row } from "./host-helpers.mjs";

export const hostEditFlows = [
  [
    "host-edit (item 6): open a party with the Add form still there, edit name, size, phone, quote, notes and tags",
    async (ctx) => {
      const owner = await hostOwner(ctx, "Lantern House");
      ctx.editOwner = owner;
      const a = owner.page;
      await addViaApi(owner, { name: "Ferreira", partySize: 2 });
      await addViaApi(owner, { name: "Olsen", partySize: 4, phone: "+1 415 555 0177", smsConsent: true });
      await row(a, "Olsen").waitFor();
      await row(a, "Ferreira").locator("button.who").click();
      const detail = row(a, "Ferreira").locator(".detail");
      await detail.waitFor();
      assert(await a.locator("form.add").isVisible(), "the Add form stays in view while a party is open");
      await detail.getByRole("button", { name: "Edit Ferreira" }).click();
      const edit = detail.locator("form.edit");
      await edit.getByLabel("Name").fill("Ferreira-Lopes");
      await edit.getByLabel("Party size").fill("3");
      await edit.getByLabel("Mobile").fill("415 555 0199");
      assert(await edit.getByLabel("Text this guest about this visit").isChecked(), "a phone added later is consent for this visit's texts too");
      await edit.getByLabel("Quoted wait (minutes)").fill("25");
      await edit.getByLabel("Notes").fill("Window if possible");
      await edit.getByRole("button", { name: "Booth" }).click();
      await check(a, "host-edit-party");
      await edit.getByRole("button", { name: "Save" }).click();
      const r = row(a, "Ferreira-Lopes");
      await r.waitFor();
      await r.locator(".row-notes").filter({ hasText: "Window if possible" }).waitFor();
      const p = await partyNamed(owner, "Ferreira-Lopes");
      assert(p.partySize === 3 && p.phone === "+14155550199" && p.quotedWaitMinutes === 25 && p.smsConsent && p.tags.includes("Booth") && p.notes === "Window if possible", `saved: ${JSON.stringify(p)}`);
      await r.getByTestId("quoted").filter({ hasText: "quoted 25 min" }).waitFor();
      // A bad phone is answered at the field and changes nothing.
      await r.locator(".detail").getByRole("button", { name: "Edit Ferreira-Lopes" }).click();
      await r.locator("form.edit").getByLabel("Mobile").fill("12");
      await r.locator("form.edit").getByRole("button", { name: "Save" }).click();
      await r.locator("form.edit [role=alert], form.edit .field-error").first().waitFor();
      await check(a, "host-edit-error");
      assert((await partyNamed(owner, "Ferreira-Lopes")).phone === "+14155550199", "the bad phone changed nothing");
      await r.locator("form.edit").getByRole("button", { name: "Cancel edit" }).click();
    },
  ],
  [
    "host-edit: a canned quick reply fills the text box, and the host can send it as it is",
    async (ctx) => {
      const a = ctx.editOwner.page;
      await row(a, "Olsen").locator("button.who").click();
      const detail = row(a, "Olsen").locator(".detail");
      await detail.getByRole("group", { name: "Quick replies" }).getByRole("button", { name: /running a few minutes behind/ }).click();
      const box = detail.getByLabel("Text Olsen");
      assert((await box.inputValue()) === "We're running a few minutes behind. Thanks for waiting!", `box: ${await box.inputValue()}`);
      await check(a, "host-quick-reply");
      await detail.getByRole("button", { name: "Send text" }).click();
      await detail.locator(".msg.outbound").filter({ hasText: "running a few minutes behind" }).waitFor();
      await a.keyboard.press("Escape");
      await detail.waitFor({ state: "detached" });
    },
  ],
  [
    "host-edit (item 6): search the line by name or by phone",
    async (ctx) => {
      const a = ctx.editOwner.page;
      const search = a.getByRole("searchbox", { name: "Search the line" });
      await search.fill("olse");
      await waitFor(async () => (await a.locator("li.party").count()) === 1, "one match by name");
      assert((await row(a, "Olsen").count()) === 1, "Olsen matches");
      await search.fill("555 0177");
      await waitFor(async () => (await a.locator("li.party").count()) === 1 && (await row(a, "Olsen").count()) === 1, "Olsen by phone");
      await search.fill("0199");
      await waitFor(async () => (await row(a, "Ferreira-Lopes").count()) === 1 && (await a.locator("li.party").count()) === 1, "Ferreira-Lopes by the phone added later");
      await search.fill("nobody");
      await a.getByText("No party matches “nobody”").waitFor();
      await check(a, "host-search");
      await search.fill("");
      await waitFor(async () => (await a.locator("li.party").count()) === 2, "both back");
    },
  ],
  [
    "host-edit: each location's own tags and hold minutes, set in Waitlist rules, on the add and edit forms and the late mark",
    async (ctx) => {
      const owner = ctx.editOwner;
      const a = owner.page;
      await a.goto(`${ctx.base}/app/settings/waitlist`);
      const tags = a.getByLabel("Tags hosts can pick (separated by commas)");
      await tags.fill("Window, Terrace, window");
      await a.getByRole("button", { name: "Save rules" }).click();
      await a.locator("#wl-tags-error").filter({ hasText: "Each tag once." }).waitFor();
      await check(a, "host-settings-tags-error");
      await tags.fill("Window, Terrace");
      await a.getByLabel("Minutes a notified party is held before it shows as late").fill("5");
      await a.getByRole("button", { name: "Save rules" }).click();
      await a.getByRole("status").filter({ hasText: "Saved." }).waitFor();
      const saved = (await owner.api(`/api/locations/${owner.location.id}/waitlist-settings`)).body;
      assert(JSON.stringify(saved.tags) === JSON.stringify(["Window", "Terrace"]) && saved.holdMinutes === 5, `saved ${JSON.stringify(saved)}`);
      await a.clock.install();
      await a.goto(`${ctx.base}/app`);
      await row(a, "Olsen").waitFor();
      const form = a.locator("form.add");
      await form.getByRole("button", { name: "Terrace" }).waitFor();
      assert((await form.getByRole("button", { name: "Birthday" }).count()) === 0, "the old default tags are gone from the add form");
      // A party's own tag that is no longer on the list can still be unticked.
      await row(a, "Ferreira-Lopes").locator("button.who").click();
      await row(a, "Ferreira-Lopes").locator(".detail").getByRole("button", { name: "Edit Ferreira-Lopes" }).click();
      const edit = row(a, "Ferreira-Lopes").locator("form.edit");
      assert((await edit.getByRole("button", { name: "Booth" }).getAttribute("aria-pressed")) === "true", "Booth still shown, ticked");
      await edit.getByRole("button", { name: "Window" }).waitFor();
      await edit.getByRole("button", { name: "Cancel edit" }).click();
      await a.keyboard.press("Escape");
      // Late after the location's 5 minutes, not the default 10.
      await row(a, "Olsen").getByRole("button", { name: "Notify Olsen" }).click();
      await waitFor(async () => (await row(a, "Olsen").getAttribute("data-state")) === "notified", "Olsen notified");
      await a.clock.fastForward("05:30");
      await row(a, "Olsen").locator(".tag.late").filter({ hasText: "Late" }).waitFor();
      await check(a, "host-own-tags-and-hold");
    },
  ],
];
