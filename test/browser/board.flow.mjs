// The display board (issue 22): the owner switches it on in Settings and copies its address; a TV
// opens /board/<slug>; a host notifies a party and the board shows the masked name; the QR code
// decodes to the join link; axe finds nothing at 1920×1080 and 1280×720 (with large type); the board
// survives a dropped socket while offline and catches up; switched off, it says so. A board in the
// location's own language (Spanish), by number, and the guest's status page naming that number.
import { join } from "node:path";
import { mkdirSync } from "node:fs";
import { assertNoAxeViolations } from "./axe.mjs";
import { assert, assertLabelled, assertNoExternal, newPage, SCREENSHOTS, waitFor } from "./harness.mjs";
import { addViaApi, hostOwner, row } from "./host-helpers.mjs";
import { decodeShown } from "./qr-decode.mjs";
import { png } from "./branding.flow.mjs";

const TV = { "1080p": { width: 1920, height: 1080 }, "720p": { width: 1280, height: 720 } };
const calledLabels = (page) => page.locator(".b-called .b-label").allTextContents();
const nextLabels = (page) => page.locator(".b-next .b-label").allTextContents();

export const boardFlows = [
  [
    "board: switched on in Settings, a host notifies, the TV shows the masked name; QR, axe, large type at 1080p and 720p; a drop while offline catches up",
    async (ctx) => {
      const owner = await hostOwner(ctx, "Lantern Noodle Bar");
      const host = owner.page;
      const { body: loc } = await owner.api(`/api/locations/${owner.location.id}`);
      const boardUrl = `${ctx.base}/board/${loc.slug}`;
      const joinUrl = `${ctx.base}/join/${loc.slug}`;

      // Off by default: the page says so.
      const tvContext = await ctx.browser.newContext({ viewport: TV["1080p"] });
      const tv = await newPage(tvContext, ctx.base);
      await tv.goto(boardUrl);
      await tv.getByText("The display board is switched off for this location.").waitFor();

      // The owner switches it on, with names, in the waitlist rules; the address is there to copy.
      await host.goto(`${ctx.base}/app/settings/waitlist`);
      await host.getByLabel(/^Show the display board/).check();
      await host.getByLabel(/^First name and initial/).check();
      assert((await host.getByLabel("Board address (open it on the TV)").inputValue()) === boardUrl, "the settings show the board's address");
      await owner.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: ctx.base });
      await host.getByRole("button", { name: "Copy board address" }).click();
      await host.getByRole("button", { name: "Copied" }).waitFor();
      assert((await host.evaluate(() => navigator.clipboard.readText())) === boardUrl, "the copy button copies the board's address");
      await host.getByRole("button", { name: "Save rules" }).click();
      await host.getByText("Saved.").waitFor();
      await assertNoAxeViolations(host, "waitlist rules with the display board");

      // The restaurant's branding: its accent colour and logo (Settings → Branding) head the board.
      const accent = await owner.api(`/api/locations/${owner.location.id}/waitlist-settings`, { method: "PATCH", body: JSON.stringify({ accentColor: "#8b1e3f" }) });
      assert(accent.status === 200, `accent colour: ${accent.status}`);
      const logo = await owner.api(`/api/locations/${owner.location.id}/logo`, { method: "PUT", body: png(160, 48, [139, 30, 63]), headers: { "content-type": "image/png" } });
      assert(logo.status === 200, `logo upload: ${logo.status} ${JSON.stringify(logo.body)}`);

      await addViaApi(owner, { name: "Ana Garcia", size: 2, phone: "+1 415 555 0177", smsConsent: true, notes: "Peanut allergy", tags: ["Patio"] });
      await addViaApi(owner, { name: "Bruno Okafor", size: 4, phone: "+1 415 555 0178", smsConsent: true });
      // The TV redials by itself (backoff) and finds the board on.
      await waitFor(async () => (await nextLabels(tv)).join("|") === "Ana G.|Bruno O.", "the board to list the next parties");

      await tv.reload();
      await waitFor(async () => (await nextLabels(tv)).length === 2, "the board after a reload");
      const brand = await tv.evaluate(() => {
        const img = document.querySelector("[data-testid=board-logo]");
        return { src: img?.getAttribute("src"), loaded: img?.complete && img.naturalWidth > 0, header: getComputedStyle(document.querySelector(".b-head")).backgroundColor };
      });
      assert(brand.src?.startsWith("/logos/") && brand.loaded, `the board shows the location's logo from our origin: ${JSON.stringify(brand)}`);
      assert(brand.header === "rgb(139, 30, 63)", `the board's header is the accent colour: ${brand.header}`);

      // A host notifies on the host screen: the board calls the masked name.
      await host.goto(`${ctx.base}/app`);
      await row(host, "Ana Garcia").getByRole("button", { name: /^Notify/ }).click();
      await waitFor(async () => (await calledLabels(tv)).includes("Ana G."), "the board to call Ana G.");
      const text = await tv.locator("body").innerText();
      for (const secret of ["Garcia", "Okafor", "555", "Peanut", "Patio"]) assert(!text.includes(secret), `the board shows no "${secret}"`);

      // The QR code leads to the self check-in page.
      const decoded = await decodeShown(tv, tv.getByRole("img", { name: /^QR code/ }));
      assert(decoded === joinUrl, `the board's QR code decodes to the join URL ${joinUrl} (got ${decoded})`);

      // Large type and axe at both TV sizes; screenshots of each.
      mkdirSync(SCREENSHOTS, { recursive: true });
      for (const [name, viewport] of Object.entries(TV)) {
        await tv.setViewportSize(viewport);
        await tv.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const sizes = await tv.evaluate(() => ({
          called: parseFloat(getComputedStyle(document.querySelector(".b-called .b-label")).fontSize),
          next: parseFloat(getComputedStyle(document.querySelector(".b-next .b-label")).fontSize),
          smallest: Math.min(...[...document.querySelectorAll("main *")].filter((el) => el.childElementCount === 0 && el.textContent.trim()).map((el) => parseFloat(getComputedStyle(el).fontSize))),
          overflow: document.documentElement.scrollHeight > innerHeight || document.documentElement.scrollWidth > innerWidth,
        }));
        const min = viewport.height / 100;
        assert(sizes.called >= 7 * min && sizes.next >= 5 * min, `called ${sizes.called}px and next ${sizes.next}px at ${name}`);
        assert(sizes.smallest >= 2.3 * min, `the smallest text is ${sizes.smallest}px at ${name}`);
        assert(!sizes.overflow, `the board fits the screen at ${name}`);
        await assertLabelled(tv);
        await assertNoAxeViolations(tv, `display board at ${name}`);
        await tv.screenshot({ path: join(SCREENSHOTS, `board-${name}.png`) });
      }

      // The socket drops while the TV is offline; changes made meanwhile show once it is back.
      const before = await tv.evaluate(() => window.seatlineBoard.version());
      await tvContext.setOffline(true);
      await tv.evaluate(() => window.seatlineBoard.drop());
      await tv.getByRole("status").filter({ hasText: "Reconnecting" }).waitFor();
      const bruno = (await owner.api(`/api/locations/${owner.location.id}/waitlist`)).body.parties.find((p) => p.name === "Bruno Okafor");
      const notified = await owner.api(`/api/locations/${owner.location.id}/waitlist/${bruno.id}/notify`, { method: "POST" });
      assert(notified.status === 200, `notify over REST: ${notified.status}`);
      await tvContext.setOffline(false);
      await waitFor(async () => (await calledLabels(tv)).join("|") === "Bruno O.|Ana G.", "the board to catch up after the drop");
      await tv.getByRole("status").filter({ hasText: "Live" }).waitFor();
      assert((await tv.evaluate(() => window.seatlineBoard.version())) > before, "a newer board after the reconnect");

      // Switched off: the socket closes and the page says so.
      const off = await owner.api(`/api/locations/${owner.location.id}/waitlist-settings`, { method: "PATCH", body: JSON.stringify({ boardEnabled: false }) });
      assert(off.status === 200, `switch off: ${off.status}`);
      await tv.getByText("The display board is switched off for this location.").waitFor();
      assertNoExternal(tv);
      assertNoExternal(host);
      await tvContext.close();
      await owner.context.close();
    },
  ],
  [
    "board in the location's language (Spanish), by number; the guest's own status page says which number the board shows",
    async (ctx) => {
      const owner = await hostOwner(ctx, "Mesón del Puerto", { settings: { language: "es", boardEnabled: true, boardNames: "number" } });
      const { body: loc } = await owner.api(`/api/locations/${owner.location.id}`);
      const added = await owner.api(`/api/locations/${owner.location.id}/waitlist`, { method: "POST", body: JSON.stringify({ name: "Lucía Fernández", size: 2 }) });
      assert(added.status === 201, `add: ${added.status}`);
      const guestUrl = added.body.guestUrl;

      const tvContext = await ctx.browser.newContext({ viewport: TV["720p"] });
      const tv = await newPage(tvContext, ctx.base);
      await tv.goto(`${ctx.base}/board/${loc.slug}`);
      await tv.getByRole("heading", { name: "Los siguientes" }).waitFor();
      await tv.getByRole("heading", { name: "Llamando ahora" }).waitFor();
      await tv.getByRole("heading", { name: "Espera actual" }).waitFor();
      await tv.getByText("Escanea para apuntarte").waitFor();
      assert((await tv.evaluate(() => document.documentElement.lang)) === "es", "the board's html lang is the location's language");
      await waitFor(async () => (await nextLabels(tv)).length === 1, "the board to list the party");
      const [label] = await nextLabels(tv);
      assert(/^#\d{3}$/.test(label), `a number on the board: ${label}`);
      assert((await tv.locator(".b-next .b-size").first().textContent()) === "2 personas", "sizes in Spanish");
      const text = await tv.locator("body").innerText();
      for (const english of ["Now calling", "Next up", "Current wait", "guests"]) assert(!text.includes(english), `no English "${english}" on a Spanish board`);
      await assertNoAxeViolations(tv, "display board in Spanish");

      // The guest's own page tells them the number to watch for.
      const phone = await ctx.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      const guest = await newPage(phone, ctx.base);
      await guest.goto(guestUrl);
      await guest.getByTestId("board-label").filter({ hasText: `En la pantalla de la entrada apareces como ${label}.` }).waitFor();
      await assertNoAxeViolations(guest, "guest status with the board label");
      assertNoExternal(tv);
      await phone.close();
      await tvContext.close();
      await owner.context.close();
    },
  ],
];
