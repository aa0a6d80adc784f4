// History (issue 17 item 5): closed parties filtered by date, outcome, size and search, and the CSV
// download holds exactly the rows on screen.
import { readFileSync } from "node:fs";
import { assertNoAxeViolations } from "./axe.mjs";
import { assert, assertNoExternal, screenshots, waitFor } from "./harness.mjs";
import { localDay } from "./owner.mjs";

const PARTIES = [
  { name: "Ito", partySize: 2, phone: "+81 90 1234 5678", tags: ["window"], then: "seat" },
  { name: "Mori", partySize: 4, then: "seat" },
  { name: "Abe", partySize: 6, notes: "birthday cake", then: "seat" },
  { name: "Kato", partySize: 2, then: "cancel" },
  { name: "Ueda", partySize: 3, then: "no_show" },
];

/** A parsed CSV (quoted cells, CRLF), header first. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(cell), (cell = "");
    else if (c === "\n") row.push(cell.replace(/\r$/, "")), rows.push(row), (row = []), (cell = "");
    else cell += c;
  }
  return rows;
}

export const historyFlows = [
  [
    "history is filtered by date, outcome, size and search, and downloads as the CSV of what is shown",
    async (ctx) => {
      const owner = ctx.setupOwner;
      const loc = owner.location.id;
      for (const p of PARTIES) {
        const { status, body } = await owner.api(`/api/locations/${loc}/waitlist`, { method: "POST", body: JSON.stringify({ name: p.name, partySize: p.partySize, phone: p.phone, tags: p.tags, notes: p.notes }) });
        assert(status === 201, `adding ${p.name}: ${status}`);
        const acted = await owner.api(`/api/locations/${loc}/waitlist/${body.id}/${p.then}`, { method: "POST" });
        assert(acted.status === 200, `${p.then} ${p.name}: ${acted.status} ${JSON.stringify(acted.body)}`);
      }
      // D1 follows the location's Durable Object within seconds.
      await waitFor(async () => (await owner.api(`/api/locations/${loc}/history?limit=50`)).body.parties.length >= PARTIES.length, "the history in D1");

      const { page } = owner;
      await page.goto(`${ctx.base}/app/settings/history`);
      const count = page.getByTestId("history-count");
      await count.filter({ hasText: "5 parties" }).waitFor();
      const names = async () => (await page.locator("table.history tbody tr").evaluateAll((rows) => rows.map((r) => r.dataset.party))).sort().join();
      assert((await names()) === "Abe,Ito,Kato,Mori,Ueda", `all five: ${await names()}`);
      await assertNoAxeViolations(page, "history");
      await screenshots(page, "history");

      // Outcome (the server's filter): only seated.
      await page.getByRole("checkbox", { name: "Cancelled" }).uncheck();
      await page.getByRole("checkbox", { name: "No-show" }).uncheck();
      await page.getByRole("checkbox", { name: "Left the line" }).uncheck();
      await page.getByRole("button", { name: "Show" }).click();
      await count.filter({ hasText: "3 parties" }).waitFor();
      assert((await names()) === "Abe,Ito,Mori", `seated: ${await names()}`);
      // Size (applied in the browser): 3–4 guests.
      await page.getByLabel("Party size").selectOption("3-4");
      await page.getByRole("button", { name: "Show" }).click();
      await count.filter({ hasText: "1 party" }).waitFor();
      assert((await names()) === "Mori", "seated, 3–4");
      // Search by phone digits and by a note.
      await page.getByLabel("Party size").selectOption("");
      await page.getByLabel("Search").fill("1234");
      await page.getByRole("button", { name: "Show" }).click();
      await count.filter({ hasText: "1 party" }).waitFor();
      assert((await names()) === "Ito", "found by phone");
      await page.getByLabel("Search").fill("CAKE");
      await page.getByRole("button", { name: "Show" }).click();
      await count.filter({ hasText: "1 party" }).waitFor();
      assert((await names()) === "Abe", "found by note");

      // Download: exactly the rows shown.
      await page.getByLabel("Search").fill("");
      await page.getByRole("button", { name: "Show" }).click();
      await count.filter({ hasText: "3 parties" }).waitFor();
      const downloading = page.waitForEvent("download");
      await page.getByRole("button", { name: "Download CSV" }).click();
      const file = await downloading;
      assert(file.suggestedFilename().startsWith(`history-${owner.location.slug}-`), file.suggestedFilename());
      const csv = parseCsv(readFileSync(await file.path(), "utf8").replace(/^\uFEFF/, ""));
      const [head, ...rows] = csv;
      const col = (n) => head.indexOf(n);
      assert(rows.map((r) => r[col("name")]).sort().join() === "Abe,Ito,Mori", `CSV rows ${JSON.stringify(rows)}`);
      assert(rows.every((r) => r[col("outcome")] === "seated"), "CSV outcomes");
      assert(rows.find((r) => r[col("name")] === "Ito")[col("phone")] === "'+819012345678", "phones are spreadsheet-safe (no formula)");

      // Dates: the day before yesterday has nothing; a range that ends before it starts is an error at the field.
      const tz = (await owner.api(`/api/locations/${loc}`)).body.timezone;
      await page.getByLabel("From", { exact: true }).fill(localDay(tz, -3));
      await page.getByLabel("To", { exact: true }).fill(localDay(tz, -2));
      await page.getByRole("button", { name: "Show" }).click();
      await count.filter({ hasText: "0 parties" }).waitFor();
      await page.getByLabel("To", { exact: true }).fill(localDay(tz, -4));
      await page.getByRole("button", { name: "Show" }).click();
      await page.locator("#h-to-error").filter({ hasText: "before the first day" }).waitFor();
      assert((await page.getByLabel("To", { exact: true }).getAttribute("aria-invalid")) === "true", "the last day is marked");
      await assertNoAxeViolations(page, "history with a field error");
      assertNoExternal(page);
    },
  ],
];
