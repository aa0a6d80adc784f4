// Two host screens and a guest page in step over the live sockets; notify; a dropped socket that
// reconnects and catches up; self check-in.
import { assert, assertNoExternal, newPage, screenshots, waitFor, WAIT } from "./harness.mjs";

const row = (page, name) => page.locator(`li.party[data-party="${name}"]`);

export const liveFlows = [
  [
    "a second host screen signs in and a party added on the first appears on it without a reload",
    async (ctx) => {
      const contextB = await ctx.browser.newContext({ viewport: { width: 1024, height: 768 } });
      const b = await newPage(contextB, ctx.base);
      await b.goto(`${ctx.base}/app`);
      await b.waitForURL(/\/login/);
      await b.getByLabel("Email").fill(ctx.email);
      await b.getByLabel("Password").fill(ctx.password);
      await b.getByRole("button", { name: "Sign in" }).click();
      await b.waitForURL(`${ctx.base}/app`);
      await b.getByText("No one is waiting.").waitFor();
      // Both screens are live before the add.
      await waitFor(() => b.evaluate(() => (window.seatline?.version() ?? -1) >= 0), "host B's snapshot");
      await waitFor(() => ctx.hostA.evaluate(() => (window.seatline?.version() ?? -1) >= 0), "host A's snapshot");

      const a = ctx.hostA;
      const form = a.locator("form.add");
      await form.getByRole("button", { name: "4", exact: true }).click();
      await form.getByLabel("Name").fill("Garcia");
      await form.getByRole("button", { name: "Patio" }).click();
      await form.getByRole("button", { name: /^Add Garcia/ }).click();
      await row(a, "Garcia").waitFor();
      await row(b, "Garcia").waitFor({ timeout: WAIT });
      assert((await row(b, "Garcia").locator(".pos").textContent()) === "1", "Garcia is #1 on B");
      assert((await row(b, "Garcia").textContent()).includes("Patio"), "tag shown on B");
      const guestPath = await a.getByTestId("guest-link").getAttribute("href");
      assert(guestPath?.startsWith("/w/"), `guest link ${guestPath}`);
      Object.assign(ctx, { hostB: b, hostBContext: contextB, guestPath });
      await screenshots(a, "host-one-party");
    },
  ],
  [
    "the guest page shows its place live, and changes state when the host notifies",
    async (ctx) => {
      const guestContext = await ctx.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      const g = await newPage(guestContext, ctx.base);
      await g.goto(`${ctx.base}${ctx.guestPath}`);
      await g.locator("[data-state=waiting]").waitFor();
      assert((await g.getByTestId("position").textContent()) === "1", "guest is #1");
      await g.locator(".live-dot:not(.off)").waitFor();
      await screenshots(g, "guest-waiting");

      // A party added on host B moves nobody ahead of Garcia; the guest sees the host's notify.
      await row(ctx.hostA, "Garcia").getByRole("button", { name: "Notify" }).click();
      // Garcia gave no phone: the host screen says no text will go out before marking the party notified.
      await ctx.hostA.getByRole("dialog", { name: "Garcia can't get a text" }).getByRole("button", { name: "Mark notified" }).click();
      await g.locator("[data-state=notified]").waitFor({ timeout: WAIT });
      await g.getByRole("heading", { name: "Your table is ready!" }).waitFor();
      await row(ctx.hostB, "Garcia").locator(".tag.notified").waitFor();
      await screenshots(g, "guest-notified");

      await g.getByRole("button", { name: "I'm on my way" }).click();
      await g.getByText("the host knows you're on your way").waitFor();
      await row(ctx.hostA, "Garcia").locator(".tag.omw").waitFor({ timeout: WAIT });
      Object.assign(ctx, { guest: g, guestContext });
      assertNoExternal(g);
    },
  ],
  [
    "a dropped socket shows a banner, reconnects by itself and catches up on what it missed",
    async (ctx) => {
      const b = ctx.hostB;
      const before = await b.evaluate(() => window.seatline.version());
      // Offline first so the reconnect cannot happen until we allow it, then drop the socket.
      await ctx.hostBContext.setOffline(true);
      await b.evaluate(() => window.seatline.dropLive());
      await b.getByTestId("offline-banner").waitFor();
      await screenshots(b, "host-offline");

      const a = ctx.hostA;
      const form = a.locator("form.add");
      await form.getByRole("button", { name: "2", exact: true }).click();
      await form.getByLabel("Name").fill("Nguyen");
      await form.getByRole("button", { name: /^Add Nguyen/ }).click();
      await row(a, "Nguyen").waitFor();
      assert((await row(b, "Nguyen").count()) === 0, "B cannot see it while offline");

      await ctx.hostBContext.setOffline(false);
      await row(b, "Nguyen").waitFor({ timeout: WAIT });
      await b.getByTestId("offline-banner").waitFor({ state: "detached", timeout: WAIT });
      const after = await b.evaluate(() => window.seatline.version());
      assert(after > before, `version moved on (${before} → ${after})`);
      assert((await row(b, "Nguyen").locator(".pos").textContent()) === "2", "Nguyen is #2 on B");
    },
  ],
  [
    "host actions: move up, drag to reorder, seat, cancel from the party panel, restore",
    async (ctx) => {
      const a = ctx.hostA;
      await row(a, "Nguyen").getByRole("button", { name: "Move Nguyen up" }).click();
      await waitFor(async () => (await row(ctx.hostB, "Nguyen").locator(".pos").textContent()) === "1", "Nguyen moved to #1 on B");
      // Drag Garcia by the grip back above Nguyen.
      await row(a, "Garcia").locator(".grip").dragTo(row(a, "Nguyen"), { targetPosition: { x: 200, y: 5 } });
      await waitFor(async () => (await row(ctx.hostB, "Garcia").locator(".pos").textContent()) === "1", "Garcia dragged back to #1 on B");
      await row(a, "Garcia").getByRole("button", { name: "Seat" }).click();
      await ctx.guest.locator("[data-state=seated]").waitFor({ timeout: WAIT });
      await screenshots(ctx.guest, "guest-seated");
      await row(a, "Nguyen").locator("button.who").click();
      await a.locator(".detail").getByRole("button", { name: "Cancel" }).click();
      await row(ctx.hostB, "Nguyen").waitFor({ state: "detached" });
      // The party opens under its own row, so it closes with the row.
      await a.locator(".detail").waitFor({ state: "detached" });
      await a.locator(".closed-list summary").click();
      await a.locator(`.closed-list li[data-party="Nguyen"]`).getByRole("button", { name: "Restore" }).click();
      await row(ctx.hostB, "Nguyen").waitFor({ timeout: WAIT });
    },
  ],
  [
    "self check-in creates a party that the host screen shows",
    async (ctx) => {
      const slug = await ctx.hostA.evaluate(async () => {
        const s = JSON.parse(localStorage.getItem("seatline.session"));
        const r = await fetch("/api/locations", { headers: { authorization: `Bearer ${s.token}` } });
        return (await r.json()).locations[0].slug;
      });
      ctx.slug = slug;
      const context = await ctx.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      const j = await newPage(context, ctx.base);
      await j.goto(`${ctx.base}/join/${slug}`);
      await j.getByRole("heading", { name: "Join the line" }).waitFor();
      await j.getByRole("button", { name: "3", exact: true }).click();
      await j.getByTestId("estimate").filter({ hasText: "for 3" }).waitFor();
      await screenshots(j, "join");
      await j.getByLabel("Name").fill("Okafor");
      await j.getByLabel("Mobile phone").fill("+1 415 555 0142");
      await j.getByRole("button", { name: "Join the line" }).click();
      await j.waitForURL(/\/w\//);
      await j.locator("[data-state=waiting]").waitFor();
      await row(ctx.hostA, "Okafor").waitFor({ timeout: WAIT });
      await row(ctx.hostB, "Okafor").locator(".tag.self").waitFor({ timeout: WAIT });
      await screenshots(ctx.hostA, "host-list");
      await screenshots(j, "guest-after-check-in");
      assertNoExternal(j);

      // The guest leaves the line from their page; the host screens drop the party.
      await j.getByRole("button", { name: "Leave the line" }).click();
      await j.getByRole("button", { name: "Yes, leave the line" }).click();
      await j.locator("[data-state=left]").waitFor();
      await row(ctx.hostB, "Okafor").waitFor({ state: "detached", timeout: WAIT });
      await context.close();
    },
  ],
  [
    "self check-in shows the closed state when the waitlist is closed",
    async (ctx) => {
      const a = ctx.hostA;
      await a.goto(`${ctx.base}/app/settings/waitlist`);
      await a.getByLabel("Self check-in is open (guests can join from /join)").uncheck();
      await a.getByRole("button", { name: "Save rules" }).click();
      await a.getByRole("status").filter({ hasText: "Saved." }).waitFor();
      await screenshots(a, "settings-waitlist");
      const context = await ctx.browser.newContext({ viewport: { width: 390, height: 844 } });
      const j = await newPage(context, ctx.base);
      await j.goto(`${ctx.base}/join/${ctx.slug}`);
      await j.locator("[data-state=closed]").waitFor();
      await screenshots(j, "join-closed");
      await context.close();
      await a.getByLabel("Self check-in is open (guests can join from /join)").check();
      await a.getByRole("button", { name: "Save rules" }).click();
      await a.getByRole("status").filter({ hasText: "Saved." }).waitFor();
    },
  ],
];
