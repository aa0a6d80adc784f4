// restore undoes a close for 15 minutes: back to the active state the party left and to its old rank.
import { describe, expect, it } from "vitest";
import { RESTORE_WINDOW_MS, transition, TransitionError } from "../../domain/waitlist/model";
import { MIN, party, T0 } from "./fixtures";

describe("restore", () => {
  it("returns a seated party to waiting at its old rank, clearing the close", () => {
    const p = party({ rank: 7.5 });
    const seated = transition(p, "seat", T0 + MIN);
    const back = transition(seated, "restore", T0 + 10 * MIN);
    expect(back).toMatchObject({ status: "waiting", rank: 7.5, closedAt: null, seatedAt: null, restoreState: null, updatedAt: T0 + 10 * MIN });
  });

  it("returns a party that was notified to notified, keeping its notifications", () => {
    const notified = transition(transition(party(), "notify", T0), "notify", T0 + MIN);
    const back = transition(transition(notified, "no_show", T0 + 2 * MIN), "restore", T0 + 3 * MIN);
    expect(back).toMatchObject({ status: "notified", notifyCount: 2, notifiedAt: T0 + MIN, closedAt: null });
  });

  for (const action of ["cancel", "no_show", "leave"] as const) {
    it(`undoes ${action}`, () => {
      const closed = transition(party(), action, T0);
      expect(transition(closed, "restore", T0 + MIN).status).toBe("waiting");
    });
  }

  it("is allowed at exactly 15 minutes", () => {
    const closed = transition(party(), "cancel", T0);
    expect(transition(closed, "restore", T0 + RESTORE_WINDOW_MS).status).toBe("waiting");
  });

  it("is refused a millisecond after 15 minutes", () => {
    const closed = transition(party(), "cancel", T0);
    expect(() => transition(closed, "restore", T0 + RESTORE_WINDOW_MS + 1)).toThrow(TransitionError);
  });

  it("is refused for a closed party with no close time", () => {
    expect(() => transition(party({ status: "seated", closedAt: null }), "restore", T0)).toThrow(TransitionError);
  });

  it("falls back to waiting when the closed party has no remembered state", () => {
    const back = transition(party({ status: "cancelled", closedAt: T0, restoreState: null }), "restore", T0 + MIN);
    expect(back.status).toBe("waiting");
  });

  it("a restored party can be closed and restored again", () => {
    const once = transition(transition(party(), "seat", T0), "restore", T0 + MIN);
    const twice = transition(transition(once, "cancel", T0 + 2 * MIN), "restore", T0 + 3 * MIN);
    expect(twice.status).toBe("waiting");
  });
});
