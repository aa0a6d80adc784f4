// Reservation states: booked → confirmed → arrived → seated → completed, or cancelled / no-show.
import { describe, expect, it } from "vitest";
import { RESERVATION_ACTIONS, RESERVATION_STATUSES, reservationTransition, ReservationTransitionError, type Reservation, type ReservationStatus } from "../../domain/reservations/model";

const base: Reservation = {
  id: "r1", name: "A", phone: null, email: null, partySize: 2, notes: "", tags: [], start: 1_000_000, end: 2_000_000, tableIds: [],
  status: "booked", source: "host", smsConsent: false, createdAt: 0, updatedAt: 0, version: 1,
  confirmedAt: null, arrivedAt: null, seatedAt: null, closedAt: null, reminderSentAt: null,
};
const at = 5_000;

const ALLOWED: Record<string, ReservationStatus> = {
  "booked confirm": "confirmed",
  "booked arrive": "arrived",
  "booked seat": "seated",
  "booked cancel": "cancelled",
  "booked no_show": "no_show",
  "confirmed arrive": "arrived",
  "confirmed seat": "seated",
  "confirmed cancel": "cancelled",
  "confirmed no_show": "no_show",
  "arrived seat": "seated",
  "arrived cancel": "cancelled",
  "seated complete": "completed",
};

describe("reservation transitions", () => {
  const cases = RESERVATION_STATUSES.flatMap((s) => RESERVATION_ACTIONS.map((a) => [s, a] as const));
  it.each(cases)("%s + %s", (status, action) => {
    const expected = ALLOWED[`${status} ${action}`];
    if (expected) {
      const next = reservationTransition({ ...base, status }, action, at);
      expect(next.status).toBe(expected);
      expect(next.updatedAt).toBe(at);
    } else {
      expect(() => reservationTransition({ ...base, status }, action, at)).toThrow(ReservationTransitionError);
    }
  });

  it("records when it was seated and when it closed", () => {
    const seated = reservationTransition(base, "seat", at);
    expect(seated.seatedAt).toBe(at);
    expect(seated.closedAt).toBeNull();
    expect(reservationTransition(seated, "complete", at + 1).closedAt).toBe(at + 1);
  });
});
