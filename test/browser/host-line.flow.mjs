// Issue 16 items 4, 5, 7 and 8: time since notified and a late marker, a toast that covers nothing
// and goes away by itself, Undo for seat/cancel/no-show, and a line that fits a rush at 1024×768.
import { assert, waitFor } from "./harness.mjs";
import { addViaApi, check, hostOwner, overlaps, row } from "./host-helpers.mjs";

const NAMES = ["Abara", "Bianchi", "Castro", "Duarte", "Eklund", "Fofana", "Gupta", "Horvat", "Ibsen", "Jansen", "Kowalski", "Laine"];

export const hostLineFlows = [
  [
    "host-line (item 8): 12 parties, at least 11 rows in view at 1024×768, 44 px targets, 8 px between actions",
    async (ctx) => {
      const owner = await hostOwner(ctx, "Quayside Kitchen");
      ctx.lineOwner = owner;
      const a = owner.page;
      // Abara can be texted, so notifying it is one tap (the no-text dialog is host-add's).
      for (const [i, name] of NAMES.entries()) await addViaApi(owner, { name, partySize: 1 + (i % 6), tags: i % 4 === 0 ? ["Patio"] : [], notes: i === 2 ? "Nut allergy" : undefined, ...(i === 0 ? { phone: "+1 415 555 0100", smsConsent: true } : {}) });
      await row(a, "Laine").waitFor();
      const inView = await a.evaluate(() => [...document.querySelectorAll("li.party")].filter((li) => { const r = li.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }).length);
      assert(inView >= 11, `${inView} rows fully in view at 1024×768`);
      const small = await a.evaluate(() =>
        [...document.querySelectorAll("li.party button")].filter((b) => b.getClientRects().length).map((b) => [b.getAttribute("aria-label") ?? b.textContent, b.getBoundingClientRect()]).filter(([, r]) => r.width < 44 || r.height < 44).map(([n, r]) => `${n} ${Math.round(r.width)}×${Math.round(r.height)}`),
      );
      assert(small.length === 0, `touch targets under 44×44: ${small.slice(0, 5).join(", ")}`);
      const gaps = await a.evaluate(() =>
        [...document.querySelectorAll("li.party")].map((li) => {
          const bs = [...li.querySelectorAll(".acts button")].map((b) => b.getBoundingClientRect()).sort((x, y) => x.left - y.left);
          return Math.min(...bs.slice(1).map((b, i) => b.left - bs[i].right));
        }),
      );
      assert(Math.min(...gaps) >= 8, `smallest gap between a row's actions: ${Math.min(...gaps)} px`);
      // Notes show on the row itself.
      await row(a, "Castro").getByText("Nut allergy").waitFor();
      await check(a, "host-line-rush");
    },
  ],
  [
    "host-line (item 5): the toast after an add covers neither the new row's Notify nor its Seat, and goes by itself",
    async (ctx) => {
      const a = ctx.lineOwner.page;
      await a.clock.install();
      await a.reload();
      await row(a, "Laine").waitFor();
      const form = a.locator("form.add");
      await form.getByRole("button", { name: "2", exact: true }).click();
      await form.getByLabel("Name").fill("Mensah");
      await form.getByRole("button", { name: /^Add Mensah/ }).click();
      const toast = a.getByTestId("toast").filter({ hasText: "Mensah added" });
      await toast.waitFor();
      await row(a, "Mensah").scrollIntoViewIfNeeded();
      const t = await toast.boundingBox();
      for (const name of [/^Notify/, /^Seat/]) {
        const b = await row(a, "Mensah").getByRole("button", { name }).boundingBox();
        assert(!overlaps(t, b), `the toast covers ${name}`);
      }
      await check(a, "host-toast-after-add");
      await a.clock.fastForward(8_000);
      await toast.waitFor({ state: "detached" });
      // An error toast goes by itself too (after longer), and its words stay readable until then.
      await ctx.lineOwner.context.setOffline(true);
      await form.getByRole("button", { name: "3", exact: true }).click();
      await form.getByLabel("Name").fill("Nakamura");
      await form.getByRole("button", { name: /^Add Nakamura/ }).click();
      const error = a.getByTestId("toast").filter({ hasText: "when the connection is back" });
      await error.waitFor();
      await a.clock.fastForward(8_000);
      assert(await error.isVisible(), "an error stays longer than news");
      await a.clock.fastForward(8_000);
      await error.waitFor({ state: "detached" });
      await ctx.lineOwner.context.setOffline(false);
      await row(a, "Nakamura").waitFor();
    },
  ],
  [
    "host-line (item 4): a notified party shows the time since notify and is marked late, in words, after 10 minutes (client-side)",
    async (ctx) => {
      const a = ctx.lineOwner.page;
      await row(a, "Abara").getByRole("button", { name: /^Notify/ }).click();
      await waitFor(async () => (await row(a, "Abara").getAttribute("data-state")) === "notified", "Abara notified");
      await row(a, "Abara").getByTestId("since-notified").filter({ hasText: "notified 0 min ago" }).waitFor();
      await a.clock.fastForward("04:00");
      await row(a, "Abara").getByTestId("since-notified").filter({ hasText: "notified 4 min ago" }).waitFor();
      assert((await row(a, "Abara").locator(".tag.late").count()) === 0, "not late at 4 minutes");
      await a.clock.fastForward("07:00");
      await row(a, "Abara").locator(".tag.late").filter({ hasText: "Late" }).waitFor();
      await row(a, "Abara").getByTestId("since-notified").filter({ hasText: "notified 11 min ago" }).waitFor();
      await check(a, "host-notified-late");
    },
  ],
  [
    "host-line (item 7): seat, cancel and no-show each offer Undo in the toast, which puts the party back in its place",
    async (ctx) => {
      const a = ctx.lineOwner.page;
      const position = async (name) => Number(await row(a, name).locator(".pos").textContent());
      const before = await position("Bianchi");
      await row(a, "Bianchi").getByRole("button", { name: /^Seat/ }).click();
      const toast = a.getByTestId("toast").filter({ hasText: "Bianchi seated" });
      await toast.getByRole("button", { name: "Undo" }).waitFor();
      await row(a, "Bianchi").waitFor({ state: "detached" });
      await check(a, "host-undo-toast");
      await toast.getByRole("button", { name: "Undo" }).click();
      await row(a, "Bianchi").waitFor();
      assert((await position("Bianchi")) === before, "Bianchi is back at the same place");
      for (const [action, done] of [["Cancel", "cancelled"], ["No-show", "no-show"]]) {
        await row(a, "Castro").locator("button.who").click();
        await row(a, "Castro").locator(".detail").getByRole("button", { name: action, exact: true }).click();
        const t = a.getByTestId("toast").filter({ hasText: `Castro ${done}` });
        await t.getByRole("button", { name: "Undo" }).click();
        await waitFor(async () => (await row(a, "Castro").getAttribute("data-state")) === "waiting", `Castro back after ${action}`);
      }
    },
  ],
];
