// Booking and managing a reservation: a guest books at /book/:slug, then changes and cancels it
// from the manage link.
import { assert, assertNoExternal, newPage, screenshots, WAIT } from "./harness.mjs";

export const bookingFlows = [
  [
    "a guest books a table at /book/:slug and manages it from the link",
    async (ctx) => {
      const d = new Date(Date.now() + 2 * 86400_000);
      const date = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
      // A new location has no tables yet: the owner adds one through the API, then times are offered.
      const session = await ctx.hostA.evaluate(() => JSON.parse(localStorage.getItem("seatline.session")));
      const auth = { authorization: `Bearer ${session.token}`, "content-type": "application/json" };
      const locs = await (await fetch(`${ctx.base}/api/locations`, { headers: auth })).json();
      const created = await fetch(`${ctx.base}/api/locations/${locs.locations[0].id}/tables`, { method: "POST", headers: auth, body: JSON.stringify({ name: "T1", minSeats: 1, maxSeats: 4 }) });
      assert(created.status === 201, `creating a table answered ${created.status} ${await created.text()}`);
      const availability = await fetch(`${ctx.base}/api/public/locations/${ctx.slug}/availability?date=${date}&partySize=2`);
      assert(availability.status === 200, `availability answered ${availability.status}`);
      const slots = (await availability.json()).slots;
      assert(slots.length > 0, "the location offers times two days ahead (booking settings may need switching on)");
      // The day after is closed (a special date), and its answer is made slow: a guest who looks at it
      // and quickly picks the open day must see the open day's times, not the late "no tables".
      const closed = new Date(d.getTime() + 86400_000);
      const closedDate = `${closed.getFullYear()}-${String(closed.getMonth() + 1).padStart(2, "0")}-${String(closed.getDate()).padStart(2, "0")}`;
      const rules = await fetch(`${ctx.base}/api/locations/${locs.locations[0].id}/booking-settings`, { method: "PATCH", headers: auth, body: JSON.stringify({ specialDates: { [closedDate]: [] } }) });
      assert(rules.status === 200, `booking settings answered ${rules.status} ${await rules.text()}`);
      const context = await ctx.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      const page = await newPage(context, ctx.base);
      await page.route(`**/availability?date=${closedDate}*`, async (route) => {
        await new Promise((r) => setTimeout(r, 1500));
        await route.continue();
      });
      await page.goto(`${ctx.base}/book/${ctx.slug}`);
      const lateAnswer = page.waitForResponse((r) => r.url().includes(`date=${closedDate}`), { timeout: WAIT });
      await page.getByLabel("Date").fill(closedDate);
      await page.getByLabel("Date").fill(date);
      await lateAnswer;
      // The late answer has landed (and is ignored): the open day's times are still there.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      // Every time of the open day is offered, one service's times at a time (compact lists, not a grid).
      await page.locator("#book-time").waitFor({ timeout: WAIT });
      const services = page.locator(".slots .service");
      const groups = await services.count();
      let shown = 0;
      for (let i = 0; i < Math.max(groups, 1); i++) {
        if (groups) await services.nth(i).click();
        shown += await page.locator("#book-time option[value^='2']").count();
      }
      assert(shown === slots.length, `the open day's times are shown (${shown} of ${slots.length})`);
      await page.locator("#book-time").selectOption(await page.locator("#book-time option[value^='2']").first().getAttribute("value"));
      await page.getByLabel("Name").fill("Rossi");
      await page.getByLabel("Mobile phone").fill("+1 415 555 0177");
      await screenshots(page, "book");
      await page.getByRole("button", { name: /^Book / }).click();
      await page.locator("[data-state=booked]").waitFor();
      const manage = await page.getByRole("link", { name: "Change or cancel this booking" }).getAttribute("href");
      assert(manage?.startsWith("/book/"), "manage link");
      await page.goto(`${ctx.base}${manage}`);
      await page.getByRole("heading", { name: "Your booking" }).waitFor();
      await screenshots(page, "book-manage");
      await page.getByRole("button", { name: "Cancel booking" }).click();
      // Cancelling asks first, and the cancelled page offers booking again.
      await page.getByRole("button", { name: "Yes, cancel it" }).click();
      await page.getByRole("heading", { name: "Booking cancelled" }).waitFor();
      await page.getByRole("link", { name: "Book again" }).waitFor();
      assertNoExternal(page);
      await context.close();
    },
  ],
];
