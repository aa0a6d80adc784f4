// Billing and the account's own data (issue 17 item 5): the billing page shows the plan, this month's
// texts per location and what can be done here; the export downloads; deleting the account needs its
// name and the owner's password, shows errors at those fields, and then removes everything.
import { readFileSync } from "node:fs";
import { assertNoAxeViolations } from "./axe.mjs";
import { assert, assertNoExternal, screenshots } from "./harness.mjs";

export const accountFlows = [
  [
    "the billing page shows the plan, this month's texts and, offline, why nothing can be bought",
    async (ctx) => {
      const owner = ctx.setupOwner;
      const { page } = owner;
      await page.goto(`${ctx.base}/app/settings/billing`);
      // npm start's stack: no Recurly site, every account on the self-hosted Unlimited plan.
      await page.getByTestId("plan").getByRole("heading", { name: /Unlimited/ }).waitFor();
      assert((await page.getByTestId("billing-status").textContent()) === "No subscription", "status");
      await page.getByRole("table").filter({ hasText: "Texts" }).or(page.locator("table.usage")).getByRole("rowheader", { name: owner.location.name }).waitFor();
      await page.getByTestId("subscribe-note").filter({ hasText: "no Recurly site configured" }).waitFor();
      await page.locator("tr[data-plan=pro]").getByText("$99 a month").waitFor();
      assert((await page.getByRole("button", { name: /Cancel subscription|Reactivate|Switch to/ }).count()) === 0, "no subscription actions without a subscription");
      await assertNoAxeViolations(page, "billing");
      await screenshots(page, "billing");
      assertNoExternal(page);
    },
  ],
  [
    "the owner downloads the account's data, and deletes the account only with its name and password",
    async (ctx) => {
      const owner = ctx.setupOwner;
      const { page } = owner;
      await page.goto(`${ctx.base}/app/settings/account`);
      const downloading = page.waitForEvent("download");
      await page.getByRole("button", { name: "Download everything (JSON)" }).click();
      const json = JSON.parse(readFileSync(await (await downloading).path(), "utf8"));
      assert(json.format === "seatline-export/1" && json.locations.some((l) => l.id === owner.location.id), "the JSON export");
      assert(json.parties.some((p) => p.name === "Ito"), "with the parties");
      const csvDownload = page.waitForEvent("download");
      await page.getByRole("button", { name: "Download parties (CSV)" }).click();
      const csv = readFileSync(await (await csvDownload).path(), "utf8");
      assert(csv.startsWith("id,locationId,name,"), "the CSV export");
      await assertNoAxeViolations(page, "your data");
      await screenshots(page, "account-data");

      const accountName = owner.session.account.name;
      // The wrong name: refused before anything is sent.
      await page.getByLabel("Type the account's name to confirm").fill(accountName.toUpperCase());
      await page.getByLabel("Your password").fill("not-the-password");
      await page.getByRole("button", { name: "Delete the account and all its data" }).click();
      await page.locator("#del-name-error").waitFor();
      // The right name, a wrong password: the server's error (details[].path "password") at the field.
      await page.getByLabel("Type the account's name to confirm").fill(accountName);
      await page.getByRole("button", { name: "Delete the account and all its data" }).click();
      await page.locator("#del-password-error").filter({ hasText: "The password is incorrect." }).waitFor();
      assert((await page.getByLabel("Your password").getAttribute("aria-invalid")) === "true", "password marked");
      assert((await owner.api("/api/me")).status === 200, "the account is still there");
      await assertNoAxeViolations(page, "delete with errors");
      await screenshots(page, "account-delete-errors");

      await page.getByLabel("Your password").fill(owner.password);
      await page.getByRole("button", { name: "Delete the account and all its data" }).click();
      await page.getByRole("heading", { name: "Account deleted" }).waitFor();
      assert((await owner.api("/api/me")).status === 401, "the session ended with the account");
      const login = await fetch(`${ctx.base}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: owner.email, password: owner.password }) });
      assert(login.status === 401, `signing in again answers ${login.status}`);
      assert((await fetch(`${ctx.base}/api/public/locations/${owner.location.slug}`)).status === 404, "its public page is gone");
      assertNoExternal(page);
      await owner.context.close();
    },
  ],
];
