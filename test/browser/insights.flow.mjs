// Insights (issue 18): a new owner's floor today — parties seated, cancelled, a no-show and a walk
// away through the API, carried to D1 and its rollups by the outbox — opened in the app: every chart
// is drawn and its table holds the same figures, the heatmap shows today's demand, the location
// picker and range presets ask again, a CSV downloads, print shows the tables without controls,
// and axe-core finds nothing.
import { readFileSync } from "node:fs";
import { assertNoAxeViolations } from "./axe.mjs";
import { assert, assertNoExternal, screenshots, waitFor } from "./harness.mjs";
import { localDay, signUpOwner } from "./owner.mjs";

const PARTIES = [
  { name: "Ito", partySize: 2, then: "seat" },
  { name: "Mori", partySize: 4, then: "seat" },
  { name: "Abe", partySize: 6, then: "seat" },
  { name: "Kato", partySize: 2, then: "cancel" },
  { name: "Ueda", partySize: 3, then: "no_show" },
];

export const insightsFlows = [
  [
    "Insights shows today's covers, waits, quotes and drop-off as charts with matching tables, prints, downloads CSV, passes axe",
    async (ctx) => {
      const owner = await signUpOwner(ctx, "Insights Bistro");
      const loc = owner.location;
      for (const p of PARTIES) {
        const { status, body } = await owner.api(`/api/locations/${loc.id}/waitlist`, { method: "POST", body: JSON.stringify({ name: p.name, partySize: p.partySize }) });
        assert(status === 201, `adding ${p.name}: ${status}`);
        const acted = await owner.api(`/api/locations/${loc.id}/waitlist/${body.id}/${p.then}`, { method: "POST" });
        assert(acted.status === 200, `${p.then} ${p.name}: ${acted.status}`);
      }
      const today = localDay(loc.timezone);
      // The rollups follow the location's Durable Object within seconds (its outbox flush).
      await waitFor(async () => (await owner.api(`/api/insights/covers?from=${today}&to=${today}`)).body.totals.guests === 12, "today's covers in the rollups");
      await waitFor(async () => (await owner.api(`/api/insights/drop_off?from=${today}&to=${today}`)).body.waitlist.parties === 5, "every closed party in the rollups");

      const { page } = owner;
      assertNoExternal(page);
      await page.goto(`${ctx.base}/app`);
      await page.getByRole("link", { name: "Insights" }).click();
      await page.waitForURL(`${ctx.base}/app/insights`);
      await page.getByRole("heading", { name: "Insights", level: 1 }).waitFor();
      await page.getByText("12 guests in 3 parties seated: 12 walk-in, 0 self check-in, 0 booked.").waitFor();

      // Every chart is drawn (a uPlot canvas) and carries its table.
      for (const id of ["covers-day", "covers-hour", "waits-hour", "quote-hour"]) {
        const fig = page.locator(`figure[data-chart="${id}"]`);
        await fig.locator("canvas").first().waitFor({ state: "attached" });
        const size = await fig.locator("canvas").first().evaluate((c) => c.width * c.height);
        assert(size > 0, `${id} is drawn`);
        assert((await fig.locator(".chart").getAttribute("aria-hidden")) === "true", `${id}'s canvas is hidden from screen readers`);
        // (uPlot's own legend is a table too, inside the hidden chart.)
        assert((await fig.locator(`#${id}-table table`).count()) === 1, `${id} has its data table`);
      }
      // The covers-per-day table (for screen readers) has today's row with the same figures.
      const dayRow = page.locator('figure[data-chart="covers-day"] #covers-day-table table tbody tr', { hasText: today });
      const cells = await dayRow.locator("th, td").allTextContents();
      assert(cells.join("|") === `${today}|12|0|0|3|12`, `today's covers row: ${cells.join("|")}`);
      // "Show the numbers" makes the table visible to everyone.
      const covers = page.locator('figure[data-chart="covers-day"]');
      assert((await covers.locator("#covers-day-table").getAttribute("class")) === "sr-table", `the table starts visually hidden: ${await covers.locator("#covers-day-table").getAttribute("class")}`);
      await covers.getByRole("button", { name: "Show the numbers" }).click();
      assert((await covers.getByRole("button", { name: "Hide the numbers" }).getAttribute("aria-expanded")) === "true", "the toggle says it is open");
      assert((await covers.locator("#covers-day-table").getAttribute("class")) === "table-wrap", "the table is shown");

      // Waits: three seated at once (0 minutes); drop-off: one of five cancelled, one no-show.
      await page.getByText("Median wait 0 min, 90th percentile 0 min, over 3 seated parties.").waitFor();
      const bands = await page.locator("table", { has: page.locator("caption", { hasText: "Wait by party size" }) }).locator("tbody tr").allTextContents();
      assert(bands.length === 4 && bands[0].startsWith("1-2") && bands[0].includes("1"), `bands: ${bands.join(" / ")}`);
      const dropLead = await page.locator("#drop-h + .lead").textContent();
      assert(dropLead.startsWith("Of 5 parties that left the line, 0% walked away, 20% cancelled and 20% were no-shows."), `drop-off: ${dropLead}`);
      // The heatmap: today's weekday row counts the five arrivals.
      const weekday = new Intl.DateTimeFormat("en-US", { timeZone: loc.timezone, weekday: "long" }).format(new Date());
      const heatRow = await page.locator("table[data-heatmap] tbody tr", { has: page.locator("th", { hasText: weekday }) }).locator("td").allTextContents();
      assert(heatRow.map(Number).reduce((a, b) => a + b, 0) === 5, `heatmap ${weekday}: ${heatRow.join(",")}`);

      await assertNoAxeViolations(page, "insights");
      await screenshots(page, "insights");

      // The location picker and presets ask again; a range with nothing shows zeros.
      await page.getByLabel("Location", { exact: true }).selectOption(loc.id);
      await page.getByLabel("From", { exact: true }).fill("2020-01-01");
      await page.getByLabel("To", { exact: true }).fill("2020-01-31");
      await page.getByRole("button", { name: "Show", exact: true }).click();
      await page.getByText("0 guests in 0 parties seated").waitFor();
      await page.getByRole("button", { name: "Last 7 days" }).click();
      await page.getByText("12 guests in 3 parties seated").waitFor();
      // A reversed range is refused before asking.
      await page.getByLabel("From", { exact: true }).fill("2026-02-10");
      await page.getByLabel("To", { exact: true }).fill("2026-02-01");
      await page.getByRole("alert").filter({ hasText: "The range ends before it starts." }).waitFor();
      assert(await page.getByRole("button", { name: "Show", exact: true }).isDisabled(), "Show is disabled for a reversed range");

      // CSV: the covers per day of the range on screen.
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Covers per day" }).click()]);
      const csv = readFileSync(await download.path(), "utf8").split("\r\n");
      assert(csv[0] === "date,walkInParties,walkInGuests,selfCheckInParties,selfCheckInGuests,bookingParties,bookingGuests,parties,guests", `csv header: ${csv[0]}`);
      assert(csv.some((l) => l.startsWith(`${today},3,12,`)), `csv has today: ${csv.join(" / ")}`);

      // Print: the summary without controls, every table shown.
      await page.emulateMedia({ media: "print" });
      assert(!(await page.locator(".insights-controls").isVisible()), "no controls in print");
      assert(!(await page.locator(".topbar").isVisible()), "no top bar in print");
      assert(await page.locator("#waits-hour-table table").isVisible(), "chart tables print");
      assert(await page.locator(".print-only").isVisible(), "the printed range heading");
      await page.emulateMedia({ media: "screen" });
      await owner.context.close();
    },
  ],
];
