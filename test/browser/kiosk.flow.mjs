// Kiosk mode (issue 22): the owner makes a kiosk link in Settings › Kiosk; a tablet opens it; two
// guests check in one after the other. After each check-in the confirmation (with a QR code of the
// guest's own status link) gives way to a clean form by itself; a half-filled form left alone for a
// minute is cleared (page.clock moves time), and so is a language the guest picked. No link on any
// kiosk screen leads away, the page never navigates, targets are large, and axe-core finds nothing.
// Revoked, the link shows a page that says so instead of the form.
import { assertNoAxeViolations } from "./axe.mjs";
import { assert, assertLabelled, assertNoExternal, newPage, screenshots, waitFor } from "./harness.mjs";
import { decodeShown } from "./qr-decode.mjs";
import { signUpOwner } from "./owner.mjs";

const TABLET = { viewport: { width: 1024, height: 768 }, isMobile: true, hasTouch: true };

/** Every link on the page (a kiosk has none: nothing may lead a guest away). */
const links = (page) => page.evaluate(() => [...document.querySelectorAll("a[href], area[href]")].map((a) => a.getAttribute("href")));

/** The smallest height and width of the kiosk's touch targets, in CSS pixels. */
const smallestTarget = (page) =>
  page.evaluate(() => {
    const boxes = [...document.querySelectorAll("main button, main input:not([type=checkbox]), main textarea, main .check, header select")]
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0);
    return { height: Math.min(...boxes.map((r) => r.height)), width: Math.min(...boxes.map((r) => r.width)) };
  });

async function formIsClean(page) {
  return page.evaluate(() => {
    const f = document.querySelector("main form");
    if (!f) return false;
    const texts = [...f.querySelectorAll("input[type=text], input[type=tel], textarea")].every((el) => el.value === "");
    const boxes = [...f.querySelectorAll("input[type=checkbox]")].every((el) => !el.checked);
    const size = f.querySelector(".choice[aria-pressed=true]")?.textContent;
    return texts && boxes && size === "2";
  });
}

async function fillGuest(page, { name, phone, size, consent }) {
  await page.getByRole("button", { name: String(size), exact: true }).click();
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Mobile phone").fill(phone);
  if (consent) await page.getByRole("checkbox").check();
}

export const kioskFlows = [
  [
    "kiosk: made in Settings, two guests check in on one tablet; resets after each check-in and after a minute idle; no way out; large targets; axe; revoked says so",
    async (ctx) => {
      const owner = await signUpOwner(ctx, "Harbour Kiosk Diner");
      const admin = owner.page;
      await admin.goto(`${ctx.base}/app/settings/kiosk`);
      await admin.getByTestId("kiosk-status").filter({ hasText: "No kiosk link yet." }).waitFor();
      await admin.getByRole("button", { name: "Create kiosk link" }).click();
      const linkField = admin.getByLabel(/^Kiosk link for /);
      await linkField.waitFor();
      const kioskUrl = await linkField.inputValue();
      assert(/\/join\/[^/?]+\?kiosk=sl_kiosk_[A-Za-z0-9_-]{43}$/.test(kioskUrl), `a kiosk link: ${kioskUrl}`);
      const shownQr = await decodeShown(admin, admin.getByRole("img", { name: /^QR code of the kiosk link/ }));
      assert(shownQr === kioskUrl, `the settings' QR code is the kiosk link (got ${shownQr})`);
      await admin.getByTestId("kiosk-status").filter({ hasText: "Active since" }).waitFor();
      await assertNoAxeViolations(admin, "settings › kiosk with a new link");
      await admin.getByRole("button", { name: "Done" }).click();
      await waitFor(async () => (await admin.getByLabel(/^Kiosk link for /).count()) === 0, "the link to be shown only once");

      // The tablet, with time under the test's control.
      const tabletContext = await ctx.browser.newContext({ ...TABLET, extraHTTPHeaders: { "CF-Connecting-IP": "198.18.200.9" } });
      const tablet = await newPage(tabletContext, ctx.base);
      await tablet.clock.install();
      await tablet.goto(kioskUrl);
      await tablet.getByRole("heading", { name: "Join the line" }).waitFor();
      assert((await links(tablet)).length === 0, `no links on the kiosk form: ${await links(tablet)}`);
      assert(await formIsClean(tablet), "the kiosk starts with a clean form, nothing pre-ticked");
      const target = await smallestTarget(tablet);
      assert(target.height >= 56 && target.width >= 56, `large touch targets (smallest ${JSON.stringify(target)})`);
      await assertLabelled(tablet);
      await assertNoAxeViolations(tablet, "kiosk form");
      await screenshots(tablet, "kiosk-form");

      // Guest 1 checks in and agrees to texts: the confirmation, with the guest's own status link as a QR code.
      await fillGuest(tablet, { name: "Ines Moreau", phone: "+1 415 555 0191", size: 3, consent: true });
      await tablet.getByRole("button", { name: "Join the line" }).click();
      const confirmation = tablet.getByTestId("kiosk-confirmation");
      await confirmation.getByRole("heading", { name: "You're in line, Ines Moreau!" }).waitFor();
      await confirmation.getByText("You're number 1 in line").waitFor();
      await confirmation.getByText(/We'll text you when your table is ready/).waitFor();
      assert(tablet.url() === kioskUrl, `the kiosk never navigates (at ${tablet.url()})`);
      assert((await links(tablet)).length === 0, "no links on the confirmation");
      const statusLink = await decodeShown(tablet, confirmation.getByRole("img", { name: /^QR code/ }));
      assert(/\/w\/[A-Za-z0-9_-]+$/.test(statusLink ?? ""), `the QR code is a status link: ${statusLink}`);
      await assertNoAxeViolations(tablet, "kiosk confirmation");
      await screenshots(tablet, "kiosk-confirmation");

      // A few seconds later, by itself: a clean form for the next guest.
      await tablet.clock.fastForward(16_000);
      await tablet.getByRole("heading", { name: "Join the line" }).waitFor();
      assert((await confirmation.count()) === 0, "the confirmation is gone");
      assert(await formIsClean(tablet), "a clean form after the check-in");

      // Guest 2 switches to German and half fills the form, then walks away; still there after 40 s…
      await tablet.getByLabel("Language").selectOption("de");
      await tablet.getByRole("heading", { name: "Auf die Warteliste" }).waitFor();
      await tablet.locator("main form input[type=text]").first().fill("Half filled");
      await tablet.clock.fastForward(40_000);
      assert((await tablet.locator("main form input[type=text]").first().inputValue()) === "Half filled", "a form in use is kept");
      // …a touch counts as use, so the minute starts again…
      await tablet.locator("main form input[type=text]").first().press("End");
      await tablet.clock.fastForward(40_000);
      assert((await tablet.locator("main form input[type=text]").first().inputValue()) === "Half filled", "activity restarts the idle minute");
      // …and a minute with no touch at all clears it, and the language returns to the location's.
      await tablet.clock.fastForward(61_000);
      await tablet.getByRole("heading", { name: "Join the line" }).waitFor();
      assert(await formIsClean(tablet), "the half-filled form is cleared after a minute idle");
      assert((await tablet.evaluate(() => document.documentElement.lang)) === "en", "the next guest gets the location's language");
      assert((await tablet.evaluate(() => localStorage.getItem("seatline.guest.language"))) === null, "a kiosk never remembers a guest's language");

      // Guest 2 checks in without texts and taps Done: the form is back at once.
      await fillGuest(tablet, { name: "Tomasz Wren", phone: "+1 415 555 0192", size: 2, consent: false });
      await tablet.getByRole("button", { name: "Join the line" }).click();
      await confirmation.getByText("You're number 2 in line").waitFor();
      assert((await confirmation.getByText(/We'll text you/).count()) === 0, "no text promised without consent");
      await confirmation.getByText(/Scan with your phone's camera/).waitFor();
      await tablet.getByRole("button", { name: "Done" }).click();
      await tablet.getByRole("heading", { name: "Join the line" }).waitFor();
      assert(await formIsClean(tablet), "a clean form after Done");
      assert(tablet.url() === kioskUrl, "still on the kiosk page");

      const line = (await owner.api(`/api/locations/${owner.location.id}/waitlist`)).body.parties;
      const names = line.map((p) => p.name);
      assert(names.join("|") === "Ines Moreau|Tomasz Wren", `both guests are in line: ${names}`);
      assert(line[0].smsConsent === true && line[1].smsConsent === false, "consent as each guest chose it");
      assertNoExternal(tablet);

      // Revoked in Settings: the tablet says its link no longer works instead of showing the form.
      await admin.getByRole("button", { name: "Revoke kiosk link" }).click();
      await admin.getByRole("dialog").getByRole("button", { name: "Revoke link" }).click();
      await admin.getByText("Kiosk link revoked.").waitFor();
      await tablet.clock.fastForward(31_000);
      await tablet.getByRole("heading", { name: "This kiosk link no longer works" }).waitFor();
      assert((await tablet.locator("form").count()) === 0, "no form on a revoked kiosk");
      assert((await links(tablet)).length === 0, "no links on the revoked page");
      await assertNoAxeViolations(tablet, "revoked kiosk");
      // A mistyped link says the same, never the normal form.
      await tablet.goto(kioskUrl.replace(/kiosk=.*$/, "kiosk=not-a-kiosk-token"));
      await tablet.getByRole("heading", { name: "This kiosk link no longer works" }).waitFor();
      assert((await tablet.locator("form").count()) === 0, "no form for a mistyped kiosk link");
      await tabletContext.close();
    },
  ],
];
