// What the schedule table holds for a reservation: a reminder N hours before (texted bookings made
// before that), an automatic no-show after the grace period; nothing once it has arrived.
import { describe, expect, it } from "vitest";
import type { Reservation } from "../../domain/reservations/model";
import { earliest, entriesFor, stillDue } from "../../domain/reservations/schedule";

const H = 3_600_000;
const M = 60_000;
const start = 100 * H;
const r: Reservation = {
  id: "r1", name: "A", phone: "+14155550100", email: null, partySize: 2, notes: "", tags: [], start, end: start + 90 * M, tableIds: [],
  status: "booked", source: "online", smsConsent: true, createdAt: 0, updatedAt: 0, version: 1,
  confirmedAt: null, arrivedAt: null, seatedAt: null, closedAt: null, reminderSentAt: null,
};
const settings = { reminderHours: 2, noShowGraceMinutes: 15 };

describe("schedule entries", () => {
  it("a booked reservation gets a reminder 2 h before and a no-show 15 min after its start", () => {
    expect(entriesFor(r, settings)).toEqual([
      { kind: "reminder", reservationId: "r1", dueAt: start - 2 * H },
      { kind: "no_show", reservationId: "r1", dueAt: start + 15 * M },
    ]);
  });

  it("no reminder once sent, without consent or phone, or when booked inside the reminder window", () => {
    for (const x of [{ reminderSentAt: 1 }, { smsConsent: false }, { phone: null }, { createdAt: start - H }]) {
      expect(entriesFor({ ...r, ...x }, settings).map((e) => e.kind)).toEqual(["no_show"]);
    }
  });

  it("no reminder when reminders are off (0 hours)", () => {
    expect(entriesFor(r, { ...settings, reminderHours: 0 }).map((e) => e.kind)).toEqual(["no_show"]);
  });

  it("nothing for arrived, seated or closed reservations", () => {
    for (const status of ["arrived", "seated", "completed", "cancelled", "no_show"] as const) expect(entriesFor({ ...r, status }, settings)).toEqual([]);
  });

  it("an entry is no longer due once the reservation moved on (a repeated alarm finds nothing)", () => {
    const entry = { kind: "no_show" as const, reservationId: "r1", dueAt: start + 15 * M };
    expect(stillDue(entry, r, settings, start + 16 * M)).toBe(true);
    expect(stillDue(entry, { ...r, status: "no_show" }, settings, start + 16 * M)).toBe(false);
    expect(stillDue(entry, { ...r, start: start + H }, settings, start + 16 * M)).toBe(false);
    expect(stillDue(entry, null, settings, start + 16 * M)).toBe(false);
  });

  it("earliest picks the first time, ignoring absent ones", () => {
    expect(earliest(null, 5, undefined, 3)).toBe(3);
    expect(earliest(null, undefined)).toBeNull();
  });
});
