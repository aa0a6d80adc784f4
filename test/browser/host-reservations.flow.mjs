// Issue 16 item 10: the Reservations tab on the host screen shows any date, takes a phone booking
// (with a table suggestion), shows table, phone, status and notes, and confirms, marks arrived,
// seats, cancels and marks no-shows — all through the existing REST API.
import { assert, waitFor } from "./harness.mjs";
import { check, hostOwner } from "./host-helpers.mjs";
import { localDay } from "./owner.mjs";

const booking = (page, name) => page.locator(`li.res[data-reservation="${name}"]`);

export const hostReservationFlows = [
  [
    "host-reservations (item 10): a phone booking for tomorrow, shown with its table, phone, status and notes, then confirmed, arrived and seated",
    async (ctx) => {
      const owner = await hostOwner(ctx, "Copper Table");
      ctx.resOwner = owner;
      const a = owner.page;
      const zone = owner.location.timezone;
      for (const [name, maxSeats] of [["T1", 4], ["T2", 6]]) {
        const t = await owner.api(`/api/locations/${owner.location.id}/tables`, { method: "POST", body: JSON.stringify({ name, minSeats: 1, maxSeats }) });
        assert(t.status === 201, `table ${name}: ${t.status} ${JSON.stringify(t.body)}`);
      }
      await a.reload();
      await a.getByRole("tab", { name: /Reservations/ }).click();
      const panel = a.getByRole("tabpanel", { name: /Reservations/ });
      const tomorrow = localDay(zone, 1);
      await panel.getByLabel("Date").fill(tomorrow);
      await panel.getByText("No bookings on this day.").waitFor();
      await panel.getByRole("button", { name: "New booking" }).click();
      const form = panel.locator("form.new-booking");
      await form.getByLabel("Name").fill("Whitfield");
      await form.getByLabel("Phone").fill("+1 415 555 0150");
      await form.getByLabel("Party size").fill("3");
      await form.getByLabel("Time").fill("19:00");
      await form.getByLabel("Notes").fill("Anniversary");
      await form.getByLabel("Table").selectOption({ label: "Best free table" });
      await check(a, "host-reservation-new");
      await form.getByRole("button", { name: "Book" }).click();
      const r = booking(a, "Whitfield");
      await r.waitFor();
      const text = await r.textContent();
      for (const part of ["7:00", "T1", "(415) 555-0150", "booked", "Anniversary"]) assert(text.replace(/\s/g, " ").includes(part), `the booking shows ${part}: ${text}`);
      const book = await owner.api(`/api/locations/${owner.location.id}/reservations?date=${tomorrow}`);
      const stored = book.body.reservations.find((x) => x.name === "Whitfield");
      assert(stored && stored.partySize === 3 && stored.phone === "+14155550150" && stored.source === "host", `stored: ${JSON.stringify(stored)}`);
      await check(a, "host-reservations-day");
      await r.getByRole("button", { name: "Confirm Whitfield" }).click();
      await r.locator(".status").filter({ hasText: "confirmed" }).waitFor();
      await r.getByRole("button", { name: "Arrived Whitfield" }).click();
      await r.locator(".status").filter({ hasText: "arrived" }).waitFor();
      await r.getByRole("button", { name: "Seat Whitfield" }).click();
      await r.locator(".status").filter({ hasText: "seated" }).waitFor();
      // The day before shows nothing of tomorrow's book.
      await panel.getByRole("button", { name: "Previous day" }).click();
      await waitFor(async () => (await panel.getByLabel("Date").inputValue()) === localDay(zone, 0), "today");
      assert((await booking(a, "Whitfield").count()) === 0, "tomorrow's booking is not on today's page");
    },
  ],
  [
    "host-reservations (item 10): cancel one booking and mark another a no-show",
    async (ctx) => {
      const owner = ctx.resOwner;
      const a = owner.page;
      const panel = a.getByRole("tabpanel", { name: /Reservations/ });
      await panel.getByRole("button", { name: "Next day" }).click();
      for (const [name, time] of [["Yilmaz", "20:00"], ["Zhou", "21:00"]]) {
        await panel.getByRole("button", { name: "New booking" }).click();
        const form = panel.locator("form.new-booking");
        await form.getByLabel("Name").fill(name);
        await form.getByLabel("Party size").fill("2");
        await form.getByLabel("Time").fill(time);
        await form.getByRole("button", { name: "Book" }).click();
        await booking(a, name).waitFor();
      }
      await booking(a, "Yilmaz").getByRole("button", { name: "Cancel Yilmaz" }).click();
      await booking(a, "Yilmaz").locator(".status").filter({ hasText: "cancelled" }).waitFor();
      await booking(a, "Zhou").getByRole("button", { name: "No-show Zhou" }).click();
      await booking(a, "Zhou").locator(".status").filter({ hasText: "no-show" }).waitFor();
      await check(a, "host-reservations-closed");
    },
  ],
];
