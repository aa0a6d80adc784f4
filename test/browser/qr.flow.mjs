// QR codes (issue 17 item 4): each location's self check-in and booking codes, on the settings page,
// as a downloaded SVG and on the printable poster, decode from pixels back to the right URLs, and
// the decoded URL opens the location's page.
import { readFileSync } from "node:fs";
import { assertNoAxeViolations } from "./axe.mjs";
import { assert, assertNoExternal, newPage, screenshots } from "./harness.mjs";
import { decodeShown, decodeSvg } from "./qr-decode.mjs";

export const qrFlows = [
  [
    "QR codes for check-in and booking decode to the location's URLs, on screen, as SVG and on the poster",
    async (ctx) => {
      const owner = ctx.setupOwner;
      const { page } = owner;
      const { body } = await owner.api(`/api/locations/${owner.location.id}`);
      const join = `${ctx.base}/join/${body.slug}`;
      const book = `${ctx.base}/book/${body.slug}`;
      await page.goto(`${ctx.base}/app/settings/qr`);
      for (const [kind, url] of [["join", join], ["book", book]]) {
        const card = page.locator(`figure[data-kind=${kind}]`).first();
        const code = card.getByRole("img", { name: /^QR code/ });
        assert((await decodeShown(page, code)) === url, `the ${kind} code on screen decodes to ${url}`);
        const downloading = page.waitForEvent("download");
        await card.getByRole("button", { name: "Download SVG" }).click();
        const file = await downloading;
        assert(file.suggestedFilename() === `${body.slug}-${kind}-qr.svg`, `file name ${file.suggestedFilename()}`);
        const svg = readFileSync(await file.path(), "utf8");
        assert((await decodeSvg(page, svg)) === url, `the downloaded ${kind} SVG decodes to ${url}`);
      }
      await assertNoAxeViolations(page, "QR codes");
      await screenshots(page, "qr-codes");

      // The poster: the code, the address in text, and nothing but the poster when printed.
      await page.locator("figure[data-kind=join]").getByRole("link", { name: "Poster to print" }).click();
      await page.getByRole("heading", { name: "Join the waitlist" }).waitFor();
      const posterCode = page.getByRole("img", { name: /^QR code/ });
      assert((await decodeShown(page, posterCode)) === join, "the poster's code decodes to the check-in URL");
      await page.getByText(join.replace(/^https?:\/\//, "")).waitFor();
      await assertNoAxeViolations(page, "poster");
      await screenshots(page, "qr-poster");
      await page.emulateMedia({ media: "print" });
      assert(!(await page.getByRole("button", { name: "Print" }).isVisible()), "print hides the buttons");
      assert((await decodeShown(page, posterCode)) === join, "the printed poster's code decodes too");
      await page.emulateMedia({ media: "screen" });
      await page.goto(`${ctx.base}/app/poster/${owner.location.id}/book`);
      await page.getByRole("heading", { name: "Book a table" }).waitFor();
      assert((await decodeShown(page, page.getByRole("img", { name: /^QR code/ }))) === book, "the booking poster decodes to the booking URL");

      // What a guest's phone opens from the decoded address.
      const guestContext = await ctx.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      const guest = await newPage(guestContext, ctx.base);
      await guest.goto(join);
      await guest.getByText(body.name).first().waitFor();
      assertNoExternal(guest);
      await guestContext.close();
      assertNoExternal(page);
    },
  ],
];
