// Issue 16 item 4: the hold timer. Each notified party shows the time since its notify and, with the
// location's automatic no-show on, how long until it becomes one; when its hold runs out the server
// (the DO's alarm, not this page) marks it a no-show, which every screen shows at once, with Undo and
// "Notify next" in the toast, "(automatic)" in the closed list and history, and Restore to undo it.
import { assert, newPage, waitFor } from "./harness.mjs";
import { addViaApi, check, hostOwner, live, partyNamed, row } from "./host-helpers.mjs";

/** The hold is one minute here (the shortest the setting allows); the wait for it is a condition. */
const HOLD_RUNS_OUT = 4 * 60_000;

export const hostHoldFlows = [
  [
    "host-hold (item 4): automatic no-show switched on in Waitlist rules; a notified party shows its hold, and becomes a no-show by itself on two screens",
    async (ctx) => {
      const owner = await hostOwner(ctx, "Quayside Grill");
      const a = owner.page;
      // The setting, from the Waitlist rules page.
      await a.goto(`${ctx.base}/app/settings/waitlist`);
      const auto = a.getByLabel("Mark a notified party a no-show by itself when its hold runs out");
      assert(!(await auto.isChecked()), "automatic no-show is off by default");
      await auto.check();
      await a.getByLabel("Minutes a notified party is held before it shows as late").fill("1");
      await a.getByRole("button", { name: "Save rules" }).click();
      await a.getByRole("status").filter({ hasText: "Saved." }).waitFor();
      await check(a, "host-hold-settings");
      const saved = (await owner.api(`/api/locations/${owner.location.id}/waitlist-settings`)).body;
      assert(saved.autoNoShow === true && saved.holdMinutes === 1, `saved ${JSON.stringify(saved)}`);

      // Two screens of the same location.
      await a.goto(`${ctx.base}/app`);
      await live(a);
      const context = await ctx.browser.newContext({ viewport: { width: 1024, height: 768 } });
      await context.addInitScript((s) => localStorage.setItem("seatline.session", s), JSON.stringify(owner.session));
      const b = await newPage(context, ctx.base);
      await b.goto(`${ctx.base}/app`);
      await live(b);

      await addViaApi(owner, { name: "Nakamura", partySize: 2, phone: "+1 415 555 0161", smsConsent: true });
      await addViaApi(owner, { name: "Okafor", partySize: 4, phone: "+1 415 555 0162", smsConsent: true });
      await row(b, "Okafor").waitFor();
      await row(a, "Nakamura").getByRole("button", { name: "Notify Nakamura" }).click();
      for (const page of [a, b]) {
        await waitFor(async () => (await row(page, "Nakamura").getAttribute("data-state")) === "notified", "Nakamura notified on both screens");
        await row(page, "Nakamura").getByTestId("since-notified").filter({ hasText: "notified 0 min ago" }).waitFor();
        await row(page, "Nakamura").getByTestId("hold-left").filter({ hasText: "no-show in 1 min" }).waitFor();
      }
      await check(a, "host-hold-notified");

      // The server's alarm, not either page, closes it: both screens see it go.
      for (const page of [a, b]) await row(page, "Nakamura").waitFor({ state: "detached", timeout: HOLD_RUNS_OUT });
      const closed = await partyNamed(owner, "Okafor");
      assert(closed.position === 1, `Okafor moved up: ${JSON.stringify(closed)}`);
      const nakamura = (await owner.api(`/api/locations/${owner.location.id}/history?status=no_show`)).body.parties.find((p) => p.name === "Nakamura");
      assert(nakamura?.closedBy === "automatic", `history says automatic: ${JSON.stringify(nakamura)}`);

      // The toast says what happened, with Undo and the next party to notify (held open while focused).
      const toast = a.getByTestId("toast").filter({ hasText: "Nakamura is now a no-show" });
      await toast.waitFor();
      const next = toast.getByRole("button", { name: "Notify next: Okafor" });
      await next.focus();
      await check(a, "host-hold-auto-no-show");
      await next.click();
      for (const page of [a, b]) await waitFor(async () => (await row(page, "Okafor").getAttribute("data-state")) === "notified", "Okafor notified from the toast, on both screens");

      // History (D1, through the outbox) names the outcome as automatic.
      await a.goto(`${ctx.base}/app/settings/history`);
      await a.locator('table.history tr[data-party="Nakamura"]').getByTestId("closed-by").filter({ hasText: "automatic" }).waitFor();
      await check(a, "host-hold-history");
      await a.goto(`${ctx.base}/app`);
      await live(a);

      // The other screen lists it as an automatic no-show, and Restore undoes it there.
      await b.locator(".closed-list summary").click();
      const item = b.locator('.closed-list li[data-party="Nakamura"]');
      await item.filter({ hasText: "no-show (automatic)" }).waitFor();
      await item.getByRole("button", { name: "Restore Nakamura" }).click();
      for (const page of [a, b]) await waitFor(async () => (await row(page, "Nakamura").getAttribute("data-state")) === "notified", "Nakamura back, notified, on both screens");
      // Seat Okafor before its own hold runs out, so nothing else changes on the way out.
      await row(a, "Okafor").getByRole("button", { name: "Seat Okafor" }).click();
      await row(b, "Okafor").waitFor({ state: "detached" });
      // Restored after its automatic no-show, Nakamura is late (in words, not colour alone) and not closed again.
      await row(b, "Nakamura").locator(".tag.late").filter({ hasText: "Late" }).waitFor();
      await check(b, "host-hold-restored");

      await context.close();
    },
  ],
];
