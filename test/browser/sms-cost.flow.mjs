// SMS cost shown honestly (issue 17 item 6): the count is of the text as sent, with the status link's
// real length, and each template offers only the placeholders its text can fill.
import { assertNoAxeViolations } from "./axe.mjs";
import { assert, assertNoExternal, screenshots } from "./harness.mjs";

export const smsCostFlows = [
  [
    "SMS templates count segments on the text as sent, with the real link, and offer only meaningful placeholders",
    async (ctx) => {
      const { page } = ctx.setupOwner;
      await page.goto(`${ctx.base}/app/settings/sms`);
      // The default "joined" text is 1 segment as written, 2 once its ~100-character link is in.
      const joined = page.getByTestId("segments-joined");
      await joined.filter({ hasText: "As sent: 2 segments" }).waitFor();
      const linkLength = `${ctx.base}/w/`.length + 75;
      await page.getByText(`a ${linkLength}-character link`).first().waitFor();
      const joinedBox = page.locator("fieldset", { has: page.getByLabel("Joined the line text") });
      await joinedBox.getByText("Preview").click();
      const preview = await page.getByTestId("preview-joined").textContent();
      assert(new RegExp(`${ctx.base.replace(/[.:/]/g, "\\$&")}/w/[0-9a-f]{32}[A-Za-z0-9_-]{43} `).test(preview), `the preview has a real-length link: ${preview}`);
      assert(!/\{\w+\}/.test(preview), "every placeholder filled");

      // "Table ready" knows no position or wait: not offered, and a warning when typed anyway.
      const ready = page.locator("fieldset", { has: page.getByLabel("Table ready text") });
      const offered = await ready.getByRole("group", { name: "Placeholders for this text" }).getByRole("button").allTextContents();
      assert(offered.join() === "{name},{restaurant}", `table ready offers ${offered}`);
      const box = page.getByLabel("Table ready text");
      await box.fill("Your table is ready, about {wait} min. ");
      await ready.getByText("{wait} is not known when this text is sent").waitFor();
      await box.focus();
      await ready.getByRole("button", { name: "Insert {name}" }).click();
      assert((await box.inputValue()) === "Your table is ready, about {wait} min. {name}", `inserted at the caret: ${await box.inputValue()}`);
      await box.fill("Ready at {table}");
      await ready.getByRole("alert").filter({ hasText: "{table} is not a placeholder" }).waitFor();
      // Saved anyway: the API's refusal lands under that template's text, and nothing is saved.
      await page.getByRole("button", { name: "Save templates" }).click();
      await page.locator("#tpl-table_ready-error").filter({ hasText: "Unknown placeholder {table}." }).waitFor();
      assert((await box.getAttribute("aria-invalid")) === "true", "the template is marked");
      const { body: sms } = await ctx.setupOwner.api(`/api/locations/${ctx.setupOwner.location.id}/sms-settings`);
      assert(!sms.templates.table_ready.body.includes("{table}"), "nothing saved");
      await assertNoAxeViolations(page, "SMS templates");
      await screenshots(page, "sms-cost");
      // Leave without saving these edits.
      await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Tables" }).click();
      await page.getByRole("dialog", { name: "Unsaved changes" }).getByRole("button", { name: "Discard changes" }).click();
      await page.waitForURL(/\/tables$/);
      assertNoExternal(page);
    },
  ],
];
