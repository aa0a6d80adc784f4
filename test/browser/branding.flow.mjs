// Branding (issue 21): an owner sets the accent colour in Settings → Branding (the contrast is checked
// as it is typed) and uploads a logo, which the guest check-in page then shows from our own origin.
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32, deflateSync } from "node:zlib";
import { assertNoAxeViolations } from "./axe.mjs";
import { assert, assertNoExternal, newPage, screenshots } from "./harness.mjs";
import { signUpOwner } from "./owner.mjs";

/** A real PNG (solid colour, 8-bit RGB) of this size, for the browser to decode. */
export function png(width, height, [r, g, b]) {
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => [r, g, b]).flat())]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

export const brandingFlows = [
  [
    "branding: the accent colour's contrast is checked as it is typed, a logo is uploaded and shown on the guest page",
    async (ctx) => {
      const owner = await signUpOwner(ctx, "Branded Bistro");
      const { page } = owner;
      await page.goto(`${ctx.base}/app/settings/branding`);
      await page.getByRole("heading", { name: /Guest page branding/ }).waitFor();
      const field = page.getByLabel(/Accent colour/);
      await field.fill("#f5c518");
      await page.getByTestId("accent-ratio").filter({ hasText: "(too low)" }).waitFor();
      await page.locator("#brand-accent-error").filter({ hasText: "hard to read" }).waitFor();
      assert(await page.getByRole("button", { name: "Save colour" }).isDisabled(), "an unreadable colour cannot be saved");
      await field.fill("#8b1e3f");
      await page.getByTestId("accent-ratio").filter({ hasText: "(readable)" }).waitFor();
      await page.getByRole("button", { name: "Save colour" }).click();
      await page.getByRole("status").filter({ hasText: "Saved." }).waitFor();
      const { body: settings } = await owner.api(`/api/locations/${owner.location.id}/waitlist-settings`);
      assert(settings.accentColor === "#8b1e3f", `saved: ${settings.accentColor}`);

      // An SVG is refused in the page; a PNG is uploaded and previewed.
      const dir = mkdtempSync(join(tmpdir(), "seatline-logo-"));
      const svg = join(dir, "logo.svg");
      writeFileSync(svg, '<svg xmlns="http://www.w3.org/2000/svg"/>');
      await page.getByLabel("Upload a logo").setInputFiles(svg);
      await page.locator("#brand-logo-error").filter({ hasText: "SVG is not accepted" }).waitFor();
      const file = join(dir, "logo.png");
      writeFileSync(file, png(160, 48, [139, 30, 63]));
      await page.getByLabel("Upload a logo").setInputFiles(file);
      await page.getByTestId("logo-preview").waitFor();
      await page.getByRole("status").filter({ hasText: "Logo saved." }).waitFor();
      await assertNoAxeViolations(page, "Settings → Branding");
      await screenshots(page, "settings-branding");
      assertNoExternal(page);

      // The guest's check-in page shows it, decoded, from our own origin.
      const guest = await newPage(await ctx.browser.newContext({ viewport: { width: 390, height: 844 } }), ctx.base);
      await guest.goto(`${ctx.base}/join/${owner.location.slug}`);
      const logo = guest.getByTestId("brand-logo");
      await logo.waitFor();
      const src = await logo.getAttribute("src");
      assert(/^\/logos\/[0-9a-f-]{36}\/[0-9a-f]{64}\.png$/.test(src), `served from our origin: ${src}`);
      await guest.waitForFunction(() => document.querySelector("[data-testid=brand-logo]")?.naturalWidth === 160);
      await assertNoAxeViolations(guest, "check-in with a logo");
      await screenshots(guest, "join-branded");
      assertNoExternal(guest);
      await guest.context().close();
    },
  ],
];
