// Setup in the app (issue 17 item 3): an owner with an empty account sets up tables, a combination,
// opening hours, special dates and booking rules only through the settings pages; then the API and
// the public booking page show exactly that. Errors land at the field and nothing is half-saved; the
// unsaved-changes guard holds section switches, Back and closing the tab; unknown settings addresses
// get an in-app 404. axe-core checks every page on the way.
import { assertNoAxeViolations } from "./axe.mjs";
import { assert, assertNoExternal, screenshots, waitFor } from "./harness.mjs";
import { localDay, signUpOwner } from "./owner.mjs";

const TZ = "Asia/Tokyo";
const weekday = (date) => new Date(`${date}T12:00:00Z`).getUTCDay();
/** The first local date `from` days ahead or later that falls on `day` (0 = Sunday). */
function nextWeekday(day, from) {
  for (let i = from; i < from + 7; i++) if (weekday(localDay(TZ, i)) === day) return localDay(TZ, i);
  throw new Error("unreachable");
}

async function section(page, name) {
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name, exact: true }).click();
}

async function addTable(page, name, min, max, area) {
  await page.getByRole("button", { name: "Add a table" }).click();
  const form = page.getByRole("form", { name: "New table" });
  await form.getByLabel("Table name").fill(name);
  await form.getByLabel("Area (optional)").fill(area);
  await form.getByLabel("Smallest party").fill(String(min));
  await form.getByLabel("Largest party").fill(String(max));
  await form.getByRole("button", { name: "Add table" }).click();
  await page.getByRole("status").filter({ hasText: `${name} added.` }).waitFor();
}

export const setupFlows = [
  [
    "an owner sets up a restaurant from an empty account only through the app",
    async (ctx) => {
      const owner = await signUpOwner(ctx, "Kaiten Sora");
      const { page } = owner;
      ctx.setupOwner = owner;

      // The time zone: a searchable picker of IANA zones.
      await page.getByRole("link", { name: "Settings" }).click();
      await page.getByRole("heading", { name: "Locations" }).waitFor();
      await page.getByRole("button", { name: `Edit ${owner.location.name}` }).click();
      const tz = page.getByRole("combobox", { name: "Time zone" });
      await tz.fill("tokyo");
      await page.getByRole("option", { name: /Asia\/Tokyo/ }).waitFor();
      await assertNoAxeViolations(page, "locations, time-zone list open");
      await screenshots(page, "setup-timezone-picker");
      await page.getByRole("option", { name: /Asia\/Tokyo/ }).click();
      assert((await tz.inputValue()) === TZ, "the picked zone fills the field");
      await page.getByRole("button", { name: "Save" }).click();
      await page.getByRole("status").filter({ hasText: "Saved." }).waitFor();
      await page.locator(".cards .muted", { hasText: TZ }).waitFor();

      // Tables by area, and a combination for bigger parties.
      await section(page, "Tables");
      await page.getByText("No tables yet.").waitFor();
      await assertNoAxeViolations(page, "tables, empty");
      await addTable(page, "T1", 2, 4, "Patio");
      await addTable(page, "T2", 2, 4, "Patio");
      await addTable(page, "B1", 1, 2, "Bar");
      await page.getByRole("button", { name: "Add a combination" }).click();
      const combo = page.getByRole("form", { name: "New combination" });
      await combo.getByRole("checkbox", { name: /^T1/ }).check();
      await combo.getByRole("checkbox", { name: /^T2/ }).check();
      // The seat range follows the tables chosen until it is edited.
      assert((await combo.getByLabel("Largest party").inputValue()) === "8", "suggested up to 8 seats");
      await combo.getByLabel("Combination name").fill("T1+T2");
      await combo.getByLabel("Smallest party").fill("5");
      await combo.getByRole("button", { name: "Add combination" }).click();
      await page.getByRole("status").filter({ hasText: "T1+T2 added." }).waitFor();
      await page.getByRole("table").filter({ has: page.getByText("Patio", { exact: true }) }).getByRole("rowheader", { name: "T2" }).waitFor();
      await assertNoAxeViolations(page, "tables");
      await screenshots(page, "setup-tables");

      // Opening hours: Mondays (closed by default) get a dinner service; two special dates.
      const monday = nextWeekday(1, 2);
      const closedDay = nextWeekday(1, 9);
      const lunchOnly = nextWeekday(2, 2);
      await section(page, "Opening hours");
      const mon = page.getByRole("group", { name: "Monday" });
      await mon.getByRole("button", { name: "Add a service on Monday" }).click();
      await mon.getByLabel("Monday service 1 starts").fill("17:00");
      await mon.getByLabel("Monday service 1 ends").fill("21:00");
      for (const date of [closedDay, lunchOnly]) {
        await page.getByLabel("Special date to add").fill(date);
        await page.getByRole("button", { name: "Add special date" }).click();
      }
      const lunch = page.locator(`.day[data-day]`, { has: page.getByRole("button", { name: /^Remove date/ }) }).nth(date2index(closedDay, lunchOnly));
      await lunch.getByRole("button", { name: /Add a service on/ }).click();
      await lunch.getByLabel(/service 1 starts/).fill("12:00");
      await lunch.getByLabel(/service 1 ends/).fill("15:00");
      await assertNoAxeViolations(page, "opening hours");
      await screenshots(page, "setup-hours");
      await page.getByRole("button", { name: "Save opening hours" }).click();
      await page.getByRole("status").filter({ hasText: "Opening hours saved." }).waitFor();

      // Booking rules.
      await section(page, "Booking rules");
      await page.getByLabel("Time between offered slots").fill("30");
      await page.getByLabel("Online booking, changes and cancelling close").fill("120");
      await page.getByLabel("Largest party that can book online").fill("6");
      await page.getByLabel("Seats kept for walk-ins").fill("20");
      await page.getByLabel("Reminder text").fill("3");
      await page.getByLabel("A booking becomes a no-show").fill("20");
      await page.getByLabel("Rule 3: minutes").fill("150");
      await assertNoAxeViolations(page, "booking rules");
      await screenshots(page, "setup-booking-rules");
      await page.getByRole("button", { name: "Save booking rules" }).click();
      await page.getByRole("status").filter({ hasText: "Booking rules saved." }).waitFor();

      // The API holds exactly what was set in the app…
      const { body: tables } = await owner.api(`/api/locations/${owner.location.id}/tables`);
      const t = Object.fromEntries(tables.tables.map((x) => [x.name, x]));
      assert(JSON.stringify(tables.tables.map((x) => [x.name, x.minSeats, x.maxSeats, x.area, x.active])) === JSON.stringify([["T1", 2, 4, "Patio", true], ["T2", 2, 4, "Patio", true], ["B1", 1, 2, "Bar", true]]), `tables ${JSON.stringify(tables.tables)}`);
      assert(tables.combinations.length === 1 && tables.combinations[0].name === "T1+T2" && tables.combinations[0].minSeats === 5 && tables.combinations[0].maxSeats === 8, "the combination");
      assert([...tables.combinations[0].tableIds].sort().join() === [t.T1.id, t.T2.id].sort().join(), "the combination joins T1 and T2");
      const { body: rules } = await owner.api(`/api/locations/${owner.location.id}/booking-settings`);
      assert(JSON.stringify(rules.hours["1"]) === JSON.stringify([{ start: "17:00", end: "21:00" }]), `Monday hours ${JSON.stringify(rules.hours)}`);
      const byKey = (o) => JSON.stringify(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
      assert(byKey(rules.specialDates) === byKey({ [closedDay]: [], [lunchOnly]: [{ start: "12:00", end: "15:00" }] }), `special dates ${JSON.stringify(rules.specialDates)}`);
      const expected = { onlineBooking: true, slotIntervalMinutes: 30, cutoffMinutes: 120, maxOnlinePartySize: 6, walkInPercent: 20, reminderHours: 3, noShowGraceMinutes: 20, bookingWindowDays: 60 };
      for (const [k, v] of Object.entries(expected)) assert(rules[k] === v, `${k} = ${rules[k]}, expected ${v}`);
      assert(rules.durations.at(-1).minutes === 150, "the last duration rule");

      // …and guests see it: Monday every 30 minutes from 17:00, the closed date without times, the
      // lunch-only date at lunch, and a party of 6 seated at the combination.
      const slots = async (date, size) => {
        const res = await fetch(`${ctx.base}/api/public/locations/${owner.location.slug}/availability?date=${date}&partySize=${size}`);
        const body = await res.json();
        assert(res.status === 200, `availability for ${date}, ${size}: ${res.status} ${JSON.stringify(body)}`);
        return body.slots.map((s) => s.localTime);
      };
      const mondaySlots = await slots(monday, 2);
      assert(mondaySlots.join() === "17:00,17:30,18:00,18:30,19:00,19:30,20:00,20:30", `Monday slots ${mondaySlots}`);
      assert((await slots(closedDay, 2)).length === 0, "the special date is closed");
      assert((await slots(lunchOnly, 2)).join() === "12:00,12:30,13:00,13:30,14:00,14:30", "the lunch-only date");
      assert((await slots(monday, 6)).length > 0, "a party of 6 fits the combination");
      const seven = await fetch(`${ctx.base}/api/public/locations/${owner.location.slug}/availability?date=${monday}&partySize=7`);
      assert(seven.status === 400 && (await seven.json()).error.details[0].path === "partySize", "7 is above the largest online party");

      // The settings as saved are what the pages show after a reload.
      await page.reload();
      await page.getByLabel("Time between offered slots").waitFor();
      assert((await page.getByLabel("Time between offered slots").inputValue()) === "30", "reloaded value");
      assertNoExternal(page);
    },
  ],
  [
    "settings errors land at the field, and a refused save changes nothing",
    async (ctx) => {
      const owner = ctx.setupOwner;
      const { page } = owner;
      const loc = owner.location.id;
      // A time zone that does not exist: the error is at the field, before anything is sent.
      await section(page, "Locations");
      await page.getByRole("button", { name: `Edit ${owner.location.name}` }).click();
      await page.getByLabel("Name").fill("Kaiten Sora Ginza");
      await page.getByRole("combobox", { name: "Time zone" }).fill("Mars/Olympus");
      await page.getByRole("button", { name: "Save" }).click();
      const tzError = page.locator("#loc-tz-error");
      await tzError.filter({ hasText: "is not a time zone" }).waitFor();
      assert((await page.getByRole("combobox", { name: "Time zone" }).getAttribute("aria-invalid")) === "true", "the time zone is marked invalid");
      assert((await page.getByRole("combobox", { name: "Time zone" }).getAttribute("aria-describedby")).includes("loc-tz-error"), "its error is read with it");
      // A slug only the server refuses (reserved): its answer's details[].path puts the error at the slug.
      await page.getByRole("combobox", { name: "Time zone" }).fill(TZ);
      await page.getByLabel("Address of its pages (slug)").fill("api");
      await page.getByRole("button", { name: "Save" }).click();
      await page.locator("#loc-slug-error").waitFor();
      assert((await page.getByLabel("Address of its pages (slug)").getAttribute("aria-invalid")) === "true", "slug marked invalid");
      await assertNoAxeViolations(page, "locations with field errors");
      await screenshots(page, "setup-location-errors");
      const { body: after } = await owner.api(`/api/locations/${loc}`);
      assert(after.name === owner.location.name && after.slug === owner.location.slug, "the refused save changed nothing (not even the name)");
      await page.getByRole("button", { name: "Cancel" }).click();

      // Booking rules out of range, with another valid change in the same save: neither is saved.
      await section(page, "Booking rules");
      await page.getByLabel("Time between offered slots").fill("3");
      await page.getByLabel("Reminder text").fill("5");
      await page.getByRole("button", { name: "Save booking rules" }).click();
      await page.locator("#rule-slotIntervalMinutes-error").filter({ hasText: "Use 5–120." }).waitFor();
      await page.getByRole("alert").filter({ hasText: "nothing was saved" }).waitFor();
      const { body: rules } = await owner.api(`/api/locations/${loc}/booking-settings`);
      assert(rules.slotIntervalMinutes === 30 && rules.reminderHours === 3, "nothing half-saved");
      await assertNoAxeViolations(page, "booking rules with errors");
      await page.getByLabel("Time between offered slots").fill("30");
      await page.getByLabel("Reminder text").fill("3");

      // The waitlist rules (an existing page): the API's answer at the field too.
      await section(page, "Waitlist rules");
      await page.getByLabel("Largest party size").fill("0");
      await page.getByRole("button", { name: "Save rules" }).click();
      await page.locator("#wl-size-error").waitFor();
      assert((await page.getByLabel("Largest party size").getAttribute("aria-invalid")) === "true", "largest party marked");
      await page.getByLabel("Largest party size").fill("12");

      // A service that ends before it starts.
      await section(page, "Opening hours");
      const mon = page.getByRole("group", { name: "Monday" });
      await mon.getByLabel("Monday service 1 ends").fill("16:00");
      await page.getByRole("button", { name: "Save opening hours" }).click();
      await mon.getByText("A service must end after it starts (same day).").waitFor();
      assert((await mon.getByLabel("Monday service 1 ends").getAttribute("aria-invalid")) === "true", "the end time is marked");
      await screenshots(page, "setup-hours-error");
      await mon.getByLabel("Monday service 1 ends").fill("21:00");

      // A table whose smallest party is above its largest; then a table with a booking cannot be
      // deleted (409) and the page offers to deactivate it instead.
      await section(page, "Tables");
      await page.getByRole("button", { name: "Edit B1" }).click();
      const edit = page.getByRole("form", { name: "Edit B1" });
      await edit.getByLabel("Smallest party").fill("6");
      await edit.getByRole("button", { name: "Save table" }).click();
      await edit.getByText("At least the smallest party (6).").waitFor();
      await edit.getByRole("button", { name: "Cancel" }).click();
      const { body: tables } = await owner.api(`/api/locations/${loc}/tables`);
      const b1 = tables.tables.find((x) => x.name === "B1");
      const monday = nextWeekday(1, 2);
      const avail = await (await fetch(`${ctx.base}/api/public/locations/${owner.location.slug}/availability?date=${monday}&partySize=2`)).json();
      const booked = await owner.api(`/api/locations/${loc}/reservations`, { method: "POST", body: JSON.stringify({ name: "Sato", partySize: 2, start: avail.slots[0].start, tableIds: [b1.id] }) });
      assert(booked.status === 201, `booking B1 answered ${booked.status} ${JSON.stringify(booked.body)}`);
      await page.getByRole("button", { name: "Delete B1" }).click();
      await page.getByRole("dialog", { name: "Delete B1?" }).getByRole("button", { name: "Delete B1" }).click();
      await page.getByRole("alert").filter({ hasText: "upcoming reservations" }).waitFor();
      await page.getByRole("button", { name: "Set B1 inactive instead" }).click();
      await page.getByRole("status").filter({ hasText: "B1 is inactive" }).waitFor();
      await page.locator("tr[data-table=B1]").getByText("Inactive").waitFor();
      const { body: again } = await owner.api(`/api/locations/${loc}/tables`);
      assert(again.tables.find((x) => x.name === "B1")?.active === false, "B1 kept, inactive");
      assertNoExternal(page);
    },
  ],
  [
    "unsaved changes are kept until the owner chooses to discard them; unknown settings pages are a 404",
    async (ctx) => {
      const { page } = ctx.setupOwner;
      await section(page, "Booking rules");
      await page.getByLabel("Seats kept for walk-ins").fill("35");
      // Another section: the dialog holds the page.
      await section(page, "Tables");
      const dialog = page.getByRole("dialog", { name: "Unsaved changes" });
      await dialog.waitFor();
      await assertNoAxeViolations(page, "the unsaved-changes dialog");
      await screenshots(page, "setup-unsaved-dialog");
      await dialog.getByRole("button", { name: "Keep editing" }).click();
      assert(page.url().endsWith("/app/settings/booking"), "still on booking rules");
      assert((await page.getByLabel("Seats kept for walk-ins").inputValue()) === "35", "the edit is still there");
      // Back: asked too, and the address stays the page's own.
      await page.goBack();
      await dialog.waitFor();
      await dialog.getByRole("button", { name: "Keep editing" }).click();
      await waitFor(async () => page.url().endsWith("/app/settings/booking"), "the address put back");
      // Closing the tab: the browser's own prompt.
      const beforeUnload = page.waitForEvent("dialog");
      const closing = page.close({ runBeforeUnload: true });
      const prompt = await beforeUnload;
      assert(prompt.type() === "beforeunload", `a ${prompt.type()} dialog`);
      await prompt.dismiss();
      await closing;
      assert(!page.isClosed(), "the tab stays open when the prompt is dismissed");
      // Discard: the section changes and nothing was saved.
      await section(page, "Tables");
      await dialog.getByRole("button", { name: "Discard changes" }).click();
      await page.waitForURL(/\/app\/settings\/tables$/);
      const { body: rules } = await ctx.setupOwner.api(`/api/locations/${ctx.setupOwner.location.id}/booking-settings`);
      assert(rules.walkInPercent === 20, "discarded, not saved");
      // No edits: no question.
      await section(page, "Booking rules");
      await page.waitForURL(/\/app\/settings\/booking$/);
      assert(!(await dialog.isVisible()), "no dialog without edits");

      for (const bad of ["/app/settings/nope", "/app/settings/tables/extra"]) {
        await page.goto(`${ctx.base}${bad}`);
        await page.getByRole("heading", { name: "There is no such settings page" }).waitFor();
        await page.getByRole("link", { name: "Opening hours" }).last().waitFor();
      }
      await assertNoAxeViolations(page, "settings 404");
      await screenshots(page, "setup-settings-404");
      assertNoExternal(page);
    },
  ],
];

/** Special dates are listed in date order; the index of `which` among the two. */
function date2index(a, which) {
  return [a, which].sort().indexOf(which);
}
