// Issue 16 item 11: landmarks and a heading, a skip link to Add, focus kept where the host acted,
// actions named with their party, side tabs that are ARIA tabs, and lateness said in words.
import { assert, waitFor } from "./harness.mjs";
import { addViaApi, check, hostOwner, row } from "./host-helpers.mjs";
import { assertNoAxeViolations } from "./axe.mjs";

const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return { tag: el?.tagName, id: el?.id, name: el?.getAttribute("aria-label") ?? el?.textContent?.trim(), party: el?.closest("li.party")?.dataset.party ?? null };
});

export const hostA11yFlows = [
  [
    "host-a11y (item 11): main and h1 on /app and settings, a skip link to Add, actions named with the party",
    async (ctx) => {
      const owner = await hostOwner(ctx, "Juniper Yard");
      ctx.a11yOwner = owner;
      const a = owner.page;
      for (const name of ["Amari", "Berg", "Cohen", "Diaz", "Evans", "Faure", "Gallo", "Hale", "Iqbal", "Jung"]) await addViaApi(owner, { name, partySize: 2 });
      await row(a, "Jung").waitFor();
      assert((await a.locator("main").count()) === 1, "one main landmark");
      assert((await a.locator("h1").count()) === 1, "one h1");
      await a.evaluate(() => document.activeElement?.blur());
      await a.keyboard.press("Tab");
      const skip = await focused(a);
      assert(skip.name === "Skip to Add party", `first Tab: ${JSON.stringify(skip)}`);
      await a.keyboard.press("Enter");
      await waitFor(async () => (await focused(a)).id === "add-name", "the skip link landing in the Name field");
      // And a shortcut from anywhere on the line: "a" outside a field.
      await row(a, "Cohen").getByRole("button", { name: "Seat Cohen" }).focus();
      await a.keyboard.press("a");
      await waitFor(async () => (await focused(a)).id === "add-name", "the a shortcut landing in the Name field");
      for (const name of ["Notify Amari", "Seat Amari", "Move Amari down"]) await row(a, "Amari").getByRole("button", { name, exact: true }).waitFor();
      await check(a, "host-a11y-line");
      for (const path of ["/app/settings/waitlist", "/app/settings/account"]) {
        await a.goto(`${ctx.base}${path}`);
        await a.locator("main h1, main h2").first().waitFor();
        assert((await a.locator("main").count()) === 1 && (await a.locator("h1").count()) === 1, `main and one h1 on ${path}`);
        await assertNoAxeViolations(a, path);
      }
      await a.goto(`${ctx.base}/app`);
      await row(a, "Jung").waitFor();
    },
  ],
  [
    "host-a11y (item 11): focus returns to the row after Escape and moves to the next row after Seat",
    async (ctx) => {
      const a = ctx.a11yOwner.page;
      await row(a, "Cohen").locator("button.who").focus();
      await a.keyboard.press("Enter");
      await row(a, "Cohen").locator(".detail").waitFor();
      // The panel listens for Escape once it has rendered; on a loaded machine the first key can come
      // before that, so press until it closes (a person cannot be that quick).
      await waitFor(async () => {
        await a.keyboard.press("Escape");
        return (await row(a, "Cohen").locator(".detail").count()) === 0;
      }, "Escape closes the party panel");
      // The screen puts focus back on the row in the next animation frame, after the panel is gone.
      let back = null;
      await waitFor(async () => (back = await focused(a)).party === "Cohen", () => `focus back on Cohen's row after Escape (it is on ${back?.tag}${back?.id ? `#${back.id}` : ""}, party ${back?.party})`);
      await row(a, "Cohen").getByRole("button", { name: "Seat Cohen" }).focus();
      await a.keyboard.press("Enter");
      await row(a, "Cohen").waitFor({ state: "detached" });
      await waitFor(async () => (await focused(a)).party === "Diaz", "focus on the row that took Cohen's place");
    },
  ],
  [
    "host-a11y (item 11): the side tabs are ARIA tabs with arrow keys; lateness is said in words",
    async (ctx) => {
      const owner = ctx.a11yOwner;
      const a = owner.page;
      const tablist = a.getByRole("tablist", { name: "Side panel" });
      const tabs = tablist.getByRole("tab");
      assert((await tabs.count()) >= 2, "at least two tabs");
      const first = tabs.first();
      assert((await first.getAttribute("aria-selected")) === "true", "the first tab is selected");
      const panelId = await first.getAttribute("aria-controls");
      assert(panelId && (await a.locator(`#${panelId}[role=tabpanel]`).count()) === 1, "the tab controls its tabpanel");
      assert((await tabs.nth(1).getAttribute("tabindex")) === "-1", "unselected tabs are out of the Tab order");
      await first.focus();
      await a.keyboard.press("ArrowRight");
      const second = tabs.nth(1);
      assert((await second.getAttribute("aria-selected")) === "true", "ArrowRight selects the next tab");
      assert(await second.evaluate((el) => el === document.activeElement), "and moves focus to it");
      await a.keyboard.press("Home");
      assert((await first.getAttribute("aria-selected")) === "true", "Home goes back to the first tab");
      // A party waiting past its quote says so in words, not only in red.
      await addViaApi(owner, { name: "Kimura", partySize: 2, quotedWaitMinutes: 0 });
      await a.clock.install();
      await a.reload();
      await row(a, "Kimura").waitFor();
      await addViaApi(owner, { name: "Lowe", partySize: 2, quotedWaitMinutes: 5 });
      await a.clock.fastForward("06:00");
      await row(a, "Lowe").getByText("over quote").waitFor();
      await check(a, "host-a11y-late");
    },
  ],
];
