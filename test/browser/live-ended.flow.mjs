// A live channel the server ends for good (issue 20, item 1): the host screen shows the server's
// reason, offers to sign in again, and stops reconnecting.
import { assert, screenshots, waitFor } from "./harness.mjs";
import { signUpOwner } from "./owner.mjs";

export const liveEndedFlows = [
  [
    "signing out elsewhere ends the host screen's live line with the reason, and it does not reconnect",
    async (ctx) => {
      const owner = await signUpOwner(ctx, "Closing Time Cafe");
      const page = owner.page;
      const tickets = [];
      page.on("request", (req) => {
        if (req.url().includes("/live-ticket")) tickets.push(req.url());
      });
      await page.goto(`${ctx.base}/app`);
      await waitFor(() => page.evaluate(() => (window.seatline?.version() ?? -1) >= 0), "the host screen is live");
      // Signed out elsewhere later on, once the screen has loaded its panels (a 401 on a first load
      // would send it to the sign-in page before the socket's close arrives).
      await page.waitForLoadState("networkidle");
      const before = tickets.length;
      // The same session ends from another device (here: the API): the server closes the socket (4401).
      const out = await owner.api("/api/auth/logout", { method: "POST" });
      assert(out.status === 204, `logout answered ${out.status}`);
      const banner = page.getByTestId("live-ended");
      await banner.waitFor();
      assert((await banner.getAttribute("data-code")) === "4401", "closed as 'session ended'");
      assert((await banner.textContent()).includes("You signed out."), `reason shown: ${await banner.textContent()}`);
      assert((await banner.getByRole("link", { name: "Sign in" }).count()) === 1, "offers to sign in again");
      assert((await page.getByTestId("offline-banner").count()) === 0, "not shown as a connection problem");
      // Coming back online would redial a dropped socket at once; an ended one stays ended.
      await page.evaluate(() => dispatchEvent(new Event("online")));
      await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
      assert(tickets.length === before, `no new live ticket asked for (${tickets.length - before})`);
      await screenshots(page, "host-live-ended");
      await owner.context.close();
    },
  ],
];
