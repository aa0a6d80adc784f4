// Host screens get reservation changes on the waitlist's live channel, versioned and resumable.
import { afterEach, describe, expect, it } from "vitest";
import { call } from "../helpers/api";
import { closeAll, isEvent, openHost } from "../live/socket";
import { booked, bookPlace, dayFromNow, localIso, publicBook, reservationAct } from "./support";

afterEach(closeAll);

describe("reservation events on the host socket", () => {
  it("a guest's booking arrives as reservation.created with epoch-ms times", async () => {
    const p = await bookPlace();
    const host = await openHost(p, p.locationId);
    await host.next((m) => m.type === "snapshot");
    const date = dayFromNow(2, p.timezone);
    await publicBook(p, { name: "Live", start: localIso(date, "19:00", p.timezone) });
    const e = await host.next((m) => isEvent(m) && m.event === "reservation.created");
    expect(e.reservation).toMatchObject({ name: "Live", partySize: 2, status: "booked", source: "online", start: Date.parse(localIso(date, "19:00", p.timezone)), durationMinutes: 90 });
    expect(e.version).toBe(e.reservation.version);
  });

  it("a status change arrives as reservation.updated", async () => {
    const p = await bookPlace();
    const r = await booked(p, { start: localIso(dayFromNow(2, p.timezone), "19:00", p.timezone) });
    const host = await openHost(p, p.locationId);
    await reservationAct(p, r.id, "confirm");
    const e = await host.next((m) => isEvent(m) && m.event === "reservation.updated");
    expect(e.reservation).toMatchObject({ id: r.id, status: "confirmed" });
  });

  it("a table change arrives as tables.updated with the full lists", async () => {
    const p = await bookPlace();
    const host = await openHost(p, p.locationId);
    await call("POST", `${p.base}/tables`, { token: p.token, body: { name: "Patio 1", minSeats: 2, maxSeats: 6, area: "patio" } });
    const e = await host.next((m) => isEvent(m) && m.event === "tables.updated");
    expect(e.tables.map((t: any) => t.name)).toEqual(["T2", "T4", "Patio 1"]);
    expect(e.combinations).toEqual([]);
  });

  it("a host that resumes gets the reservation events it missed, in order", async () => {
    const p = await bookPlace();
    const first = await openHost(p, p.locationId);
    const snap = await first.next((m) => m.type === "snapshot");
    await first.close();
    const r = await booked(p, { start: localIso(dayFromNow(2, p.timezone), "19:00", p.timezone) });
    await reservationAct(p, r.id, "cancel");
    const again = await openHost(p, p.locationId, { since: snap.version });
    const created = await again.next((m) => isEvent(m) && m.event === "reservation.created");
    const updated = await again.next((m) => isEvent(m) && m.event === "reservation.updated");
    expect(created.reservation.id).toBe(r.id);
    expect(updated.reservation.status).toBe("cancelled");
    expect(updated.version).toBeGreaterThan(created.version);
    expect(again.messages.some((m) => m.type === "snapshot")).toBe(false);
  });

  it("the host snapshot is unchanged: no reservations in it", async () => {
    const p = await bookPlace();
    await booked(p, { start: localIso(dayFromNow(2, p.timezone), "19:00", p.timezone) });
    const host = await openHost(p, p.locationId);
    const snap = await host.next((m) => m.type === "snapshot");
    expect(Object.keys(snap).sort()).toEqual(["intervals", "newPartyWaits", "parties", "settings", "type", "version"]);
  });
});
