// Issue 16 item 9: dragging a row scrolls the list, self check-ins and guests' replies are announced
// (sound and badge; replies in the inbox),
// self check-in opens and closes from the host screen, the offline banner stays in view, and every
// time is in the location's zone whatever the tablet's own zone is.
import { assert, newPage, waitFor } from "./harness.mjs";
import { addViaApi, check, guestReply, hostOwner, live, row } from "./host-helpers.mjs";

const NAMES = ["Adeyemi", "Bauer", "Chen", "Dimitrov", "Esposito", "Fischer", "Garnier", "Haddad", "Ito", "Jovanovic", "Kaur", "Lund", "Mwangi", "Novak", "Ortiz", "Park", "Quinn", "Rossi"];

export const hostAlertFlows = [
  [
    "host-alerts (item 9): dragging the last row to the top edge scrolls the list and drops it at #1",
    async (ctx) => {
      const owner = await hostOwner(ctx, "Tidewater Bistro");
      ctx.alertOwner = owner;
      const a = owner.page;
      for (const name of NAMES) await addViaApi(owner, { name, partySize: 2 });
      await row(a, "Rossi").waitFor();
      await row(a, "Rossi").scrollIntoViewIfNeeded();
      await a.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
      const grip = await row(a, "Rossi").locator(".grip").boundingBox();
      await a.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
      await a.mouse.down();
      // Hold the row at the top edge until the list has scrolled to its start.
      await a.mouse.move(grip.x + 200, 70, { steps: 8 });
      await waitFor(async () => {
        await a.mouse.move(grip.x + 201, 70);
        return (await a.evaluate(() => scrollY)) === 0;
      }, "the list scrolled up under the dragged row");
      const first = await row(a, "Adeyemi").boundingBox();
      await a.mouse.move(grip.x + 200, first.y + 4, { steps: 4 });
      await a.mouse.up();
      await waitFor(async () => (await row(a, "Rossi").locator(".pos").textContent()) === "1", "Rossi dropped at #1");
    },
  ],
  [
    "host-alerts (item 9): a self check-in plays the alert sound (switchable) and shows a badge; self check-in closes from the host screen",
    async (ctx) => {
      const owner = ctx.alertOwner;
      const a = owner.page;
      const sound = a.getByRole("switch", { name: "Alert sound" });
      assert((await sound.getAttribute("aria-checked")) === "true", "the sound is on by default");
      const chimes = () => a.evaluate(() => window.seatline.chimes());
      const join = async (name, phone) => {
        const r = await fetch(`${ctx.base}/api/public/locations/${owner.location.slug}/waitlist`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name, partySize: 2, phone, smsConsent: true }) });
        assert(r.status === 201, `self check-in ${name}: ${r.status} ${await r.text()}`);
      };
      await join("Sato", "+1 415 555 0131");
      await row(a, "Sato").waitFor();
      await a.getByTestId("new-badge").filter({ hasText: "1 new" }).waitFor();
      await waitFor(async () => (await chimes()) === 1, "one chime for the self check-in");
      await check(a, "host-alert-check-in");
      // Opening the party clears its badge.
      await row(a, "Sato").locator("button.who").click();
      await a.getByTestId("new-badge").waitFor({ state: "detached" });
      await a.keyboard.press("Escape");
      // Sound off: the badge still comes, the chime does not.
      await sound.click();
      assert((await sound.getAttribute("aria-checked")) === "false", "sound switched off");
      await join("Tanaka", "+1 415 555 0132");
      await a.getByTestId("new-badge").filter({ hasText: "1 new" }).waitFor();
      assert((await chimes()) === 1, "no chime with the sound off");
      await sound.click();
      // The badge opens the inbox, which lists what is new; opening the party from there clears it.
      await a.getByTestId("new-badge").click();
      const inbox = a.getByRole("tabpanel", { name: /Inbox/ });
      await inbox.getByRole("button", { name: /Tanaka/ }).waitFor();
      await check(a, "host-inbox");
      await inbox.getByRole("button", { name: /Tanaka/ }).click();
      await row(a, "Tanaka").locator(".detail").waitFor();
      await a.getByTestId("new-badge").waitFor({ state: "detached" });
      await a.keyboard.press("Escape");

      // Open and close self check-in here, not in Settings.
      const checkIn = a.getByRole("switch", { name: "Self check-in" });
      assert((await checkIn.getAttribute("aria-checked")) === "true", "open to start with");
      await checkIn.click();
      await waitFor(async () => (await checkIn.getAttribute("aria-checked")) === "false", "closed");
      const pub = await (await fetch(`${ctx.base}/api/public/locations/${owner.location.slug}`)).json();
      assert(pub.open === false, "the public check-in is closed");
      await check(a, "host-check-in-closed");
      await checkIn.click();
      await waitFor(async () => (await checkIn.getAttribute("aria-checked")) === "true", "open again");
    },
  ],
  [
    "host-alerts (item 9): a guest's reply plays the alert sound (switchable), shows a badge, waits in the inbox as unread, and is read once opened",
    async (ctx) => {
      const owner = await hostOwner(ctx, "Harbour Noodle Bar");
      const a = owner.page;
      const phone = "+14155550174";
      await addViaApi(owner, { name: "Mendes", partySize: 3, phone, smsConsent: true });
      await addViaApi(owner, { name: "Lindqvist", partySize: 2 });
      // The "joined" text reached the guest (the reply is matched to the last text sent to the number).
      await row(a, "Mendes").locator(".sms svg.sms-smsOk").waitFor();
      const chimes = () => a.evaluate(() => window.seatline.chimes());
      const before = await chimes();
      assert((await a.getByTestId("new-badge").count()) === 0, "nothing new yet");

      await guestReply(ctx, phone, "Running 5 minutes late, sorry!");
      await a.getByTestId("new-badge").filter({ hasText: "1 new" }).waitFor();
      await waitFor(async () => (await chimes()) === before + 1, "one chime for the guest's reply");
      await check(a, "host-alert-reply");
      await a.getByTestId("new-badge").click();
      const inbox = a.getByRole("tabpanel", { name: /Inbox/ });
      const item = inbox.getByRole("button", { name: /Mendes.*Running 5 minutes late/ });
      await item.waitFor();
      assert(await inbox.getByRole("heading", { name: "Unread replies" }).isVisible(), "listed under Unread replies");
      await check(a, "host-inbox-reply");
      // Opening it shows the conversation and marks it read.
      await item.click();
      const detail = row(a, "Mendes").locator(".detail");
      await detail.locator(".msg.inbound").filter({ hasText: "Running 5 minutes late" }).waitFor();
      await a.getByTestId("new-badge").waitFor({ state: "detached" });
      await a.keyboard.press("Escape");
      await detail.waitFor({ state: "detached" });

      // Sound off: the next reply still badges, without a chime; on again, it chimes again.
      const sound = a.getByRole("switch", { name: "Alert sound" });
      await sound.click();
      assert((await sound.getAttribute("aria-checked")) === "false", "sound switched off");
      await guestReply(ctx, phone, "Parking now");
      await a.getByTestId("new-badge").filter({ hasText: "1 new" }).waitFor();
      assert((await chimes()) === before + 1, "no chime with the sound off");
      await sound.click();
      await guestReply(ctx, phone, "At the door");
      await a.getByTestId("new-badge").filter({ hasText: "2 new" }).waitFor();
      await waitFor(async () => (await chimes()) === before + 2, "a chime again with the sound back on");
    },
  ],
  [
    "host-alerts (item 9): the offline banner stays in view under the top bar when the list is scrolled",
    async (ctx) => {
      const owner = ctx.alertOwner;
      const a = owner.page;
      await owner.context.setOffline(true);
      await a.evaluate(() => window.seatline.dropLive());
      const banner = a.getByTestId("offline-banner");
      await banner.waitFor();
      await a.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
      const top = await a.locator("header.topbar").boundingBox();
      const box = await banner.boundingBox();
      assert(box.y >= top.y + top.height - 1 && box.y < top.y + top.height + 4, `the banner sits under the top bar (banner at ${box.y}, bar ends at ${top.y + top.height})`);
      await check(a, "host-offline-scrolled");
      await owner.context.setOffline(false);
      await banner.waitFor({ state: "detached" });
    },
  ],
  [
    "host-alerts (item 9): a tablet set to another zone shows every time in the location's zone",
    async (ctx) => {
      const owner = ctx.alertOwner;
      const zone = "America/Los_Angeles";
      const r = await owner.api(`/api/locations/${owner.location.id}`, { method: "PATCH", body: JSON.stringify({ timezone: zone }) });
      assert(r.status === 200, `zone: ${r.status} ${JSON.stringify(r.body)}`);
      const context = await ctx.browser.newContext({ viewport: { width: 1024, height: 768 }, timezoneId: "Asia/Tokyo" });
      await context.addInitScript((s) => localStorage.setItem("seatline.session", s), JSON.stringify(owner.session));
      const t = await newPage(context, ctx.base);
      await t.goto(`${ctx.base}/app`);
      await live(t);
      const ueda = await addViaApi(owner, { name: "Ueda", partySize: 2 });
      await row(t, "Ueda").waitFor();
      const expected = new Date(ueda.createdAt).toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit", timeZone: zone });
      const tokyo = new Date(ueda.createdAt).toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit", timeZone: "Asia/Tokyo" });
      await row(t, "Ueda").locator("button.who").click();
      const norm = (x) => x.replace(/\s/g, " ");
      const meta = await t.locator(".detail").textContent();
      assert(norm(meta).includes(`joined ${norm(expected)}`) && !norm(meta).includes(norm(tokyo)), `party panel: ${meta}; expected joined ${expected} (location), not ${tokyo} (tablet)`);
      // Seat, and the closed list says when, in the location's zone too.
      await t.locator(".detail").getByRole("button", { name: "Close" }).click();
      await row(t, "Ueda").getByRole("button", { name: /^Seat/ }).click();
      await t.locator(".closed-list summary").click();
      const closed = await t.locator('.closed-list li[data-party="Ueda"]').textContent();
      const seated = (await owner.api(`/api/locations/${owner.location.id}/waitlist/${ueda.id}`)).body.seatedAt;
      const at = new Date(seated).toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit", timeZone: zone });
      assert(norm(closed).includes(norm(at)), `closed list says ${closed}, expected ${at}`);
      await check(t, "host-time-zone");
      await context.close();
    },
  ],
];
