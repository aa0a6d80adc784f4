// Issue 17 item 2: the Floor panel on the host screen. A host picks a walk-in, sees the suggested
// table marked, seats them there; a second screen shows the table seated without a reload and clears
// it by keyboard; the first screen sees it free again. axe-core clean at tablet and phone size.
import { assert, newPage, waitFor, WAIT } from "./harness.mjs";
import { addViaApi, check, hostOwner, live, row } from "./host-helpers.mjs";

const card = (page, name) => page.locator(`li.table-card[data-table-name="${name}"]`);

export const floorFlows = [
  [
    "floor (issue 17): a walk-in seated at the suggested table, seen occupied on a second screen, cleared there",
    async (ctx) => {
      const owner = await hostOwner(ctx, "Juniper Floor");
      const a = owner.page;
      const tables = {};
      for (const [name, minSeats, maxSeats, area] of [["Bar 1", 1, 2, "Bar"], ["Window 4", 1, 4, "Dining room"], ["Booth 6", 3, 6, "Dining room"]]) {
        const t = await owner.api(`/api/locations/${owner.location.id}/tables`, { method: "POST", body: JSON.stringify({ name, minSeats, maxSeats, area }) });
        assert(t.status === 201, `table ${name}: ${t.status} ${JSON.stringify(t.body)}`);
        tables[name] = t.body.table.id;
      }
      const okafor = await addViaApi(owner, { name: "Okafor", partySize: 2 });
      await a.reload();
      await live(a);
      await a.getByRole("tab", { name: "Floor" }).click();
      const panel = a.getByRole("tabpanel", { name: "Floor" });
      await card(a, "Bar 1").waitFor();
      for (const name of Object.keys(tables)) assert((await card(a, name).getAttribute("data-status")) === "free", `${name} starts free`);
      assert((await panel.getByRole("heading", { name: "Dining room" }).count()) === 1, "tables grouped by area");
      await check(a, "floor-free");

      // A second screen of the same location, on the Floor tab too.
      const b = await newPage(a.context(), ctx.base);
      await b.setViewportSize({ width: 1024, height: 768 });
      await b.goto(`${ctx.base}/app`);
      await live(b);
      await b.getByRole("tab", { name: "Floor" }).click();
      await card(b, "Bar 1").waitFor();

      // Tap the waiting party (its row, then "Seat at a table"), then the suggested table.
      await row(a, "Okafor").locator("button.who").click();
      await a.getByRole("button", { name: "Seat Okafor at a table" }).click();
      await waitFor(async () => (await panel.getByLabel("Seat a waiting party").inputValue()) === okafor.id, "Okafor picked on the Floor tab");
      const pick = a.getByTestId("floor-pick");
      await pick.getByText("Suggested for Okafor (2): Bar 1").waitFor();
      await waitFor(async () => (await card(a, "Bar 1").getAttribute("class")).includes("suggested"), "Bar 1 marked as the suggestion");
      assert((await card(a, "Bar 1").textContent()).includes("Suggested"), "the suggestion is said in words");
      await check(a, "floor-suggested");
      await card(a, "Bar 1").getByRole("button", { name: "Seat here, Bar 1, for Okafor" }).click();
      await waitFor(async () => (await card(a, "Bar 1").getAttribute("data-status")) === "seated", "Bar 1 seated on A");
      await a.getByText("Okafor seated at Bar 1.").waitFor();
      await row(a, "Okafor").waitFor({ state: "detached" });

      // The second screen sees it occupied, live.
      await waitFor(async () => (await card(b, "Bar 1").getAttribute("data-status")) === "seated", "Bar 1 seated on B", WAIT);
      const seatedText = (await card(b, "Bar 1").textContent()).replace(/\s+/g, " ");
      for (const part of ["Seated", "Okafor (2)", "seated", "expected to leave"]) assert(seatedText.includes(part), `B's card says ${part}: ${seatedText}`);
      const stored = await owner.api(`/api/locations/${owner.location.id}/waitlist/${okafor.id}`);
      assert(JSON.stringify(stored.body.tableIds) === JSON.stringify([tables["Bar 1"]]), `the party sits at Bar 1: ${JSON.stringify(stored.body)}`);
      await check(b, "floor-seated");

      // B clears it by keyboard; A sees it free.
      await card(b, "Bar 1").getByRole("button", { name: "Clear Bar 1 (Okafor left)" }).focus();
      await b.keyboard.press("Enter");
      await waitFor(async () => (await card(b, "Bar 1").getAttribute("data-status")) === "free", "Bar 1 free on B");
      await waitFor(async () => (await card(a, "Bar 1").getAttribute("data-status")) === "free", "Bar 1 free on A", WAIT);
      await check(a, "floor-cleared");
      await b.close();
      Object.assign(ctx, { floorOwner: owner, floorTables: tables });
    },
  ],
  [
    "floor (issue 17): a booking moved on today's timeline to another table and time; a taken table is refused at the form",
    async (ctx) => {
      const owner = ctx.floorOwner;
      const tables = ctx.floorTables;
      const a = owner.page;
      const allDay = Object.fromEntries(["0", "1", "2", "3", "4", "5", "6"].map((d) => [d, [{ start: "00:00", end: "23:59" }]]));
      const s = await owner.api(`/api/locations/${owner.location.id}/booking-settings`, { method: "PATCH", body: JSON.stringify({ hours: allDay, cutoffMinutes: 0 }) });
      assert(s.status === 200, `booking settings: ${s.status} ${JSON.stringify(s.body)}`);
      const start = new Date(Math.ceil((Date.now() + 40 * 60_000) / (15 * 60_000)) * 15 * 60_000);
      const book = async (name, table) => {
        const r = await owner.api(`/api/locations/${owner.location.id}/reservations`, { method: "POST", body: JSON.stringify({ name, partySize: 2, start: start.toISOString(), tableIds: [tables[table]] }) });
        assert(r.status === 201, `book ${name}: ${r.status} ${JSON.stringify(r.body)}`);
        return r.body.reservation;
      };
      const adeyemi = await book("Adeyemi", "Window 4");
      await book("Brandt", "Bar 1");
      const panel = a.getByRole("tabpanel", { name: "Floor" });
      await panel.getByText("Today's bookings by table").click();
      const bar = a.locator('li.tl-row[data-timeline-table="Window 4"] button.tl-bar');
      await bar.waitFor({ timeout: WAIT });
      await check(a, "floor-timeline");
      await bar.click();
      const form = a.locator("form.tl-move");
      await form.getByLabel("Table").selectOption({ label: "Bar 1 (1–2)" });
      await form.getByRole("button", { name: "Move booking" }).click();
      await form.getByRole("alert").waitFor();
      assert((await form.getByRole("alert").textContent()).includes("Bar 1"), "the refusal names the taken table");
      await check(a, "floor-timeline-refused");
      const later = new Date(start.getTime() + 30 * 60_000);
      const hhmm = new Intl.DateTimeFormat("en-GB", { timeZone: owner.location.timezone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(later);
      await form.getByLabel("Table").selectOption({ label: "Booth 6 (3–6)" });
      await form.getByLabel("Time").fill(hhmm);
      await form.getByRole("button", { name: "Move booking" }).click();
      await a.locator('li.tl-row[data-timeline-table="Booth 6"] button.tl-bar').waitFor();
      const moved = await owner.api(`/api/locations/${owner.location.id}/reservations/${adeyemi.id}`);
      assert(JSON.stringify(moved.body.reservation.tableIds) === JSON.stringify([tables["Booth 6"]]), `moved to Booth 6: ${JSON.stringify(moved.body)}`);
      assert(Date.parse(moved.body.reservation.start) === later.getTime(), `moved to ${later.toISOString()}: ${moved.body.reservation.start}`);
    },
  ],
];
