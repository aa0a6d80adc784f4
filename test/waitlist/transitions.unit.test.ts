// The waitlist's state machine: waiting → notified → seated; waiting/notified → cancelled, no-show,
// left; anything else is a TransitionError (the API's 409).
import { describe, expect, it } from "vitest";
import { transition, TransitionError, type PartyAction, type PartyState } from "../../domain/waitlist/model";
import { MIN, party, T0 } from "./fixtures";

const CLOSING: [PartyAction, PartyState][] = [
  ["seat", "seated"],
  ["cancel", "cancelled"],
  ["no_show", "no_show"],
  ["leave", "left"],
];
const CLOSED: PartyState[] = ["seated", "cancelled", "no_show", "left"];
const NON_RESTORE: PartyAction[] = ["notify", "seat", "cancel", "no_show", "leave"];

describe("transition: allowed", () => {
  it("notify takes a waiting party to notified and records when", () => {
    const p = party();
    const next = transition(p, "notify", T0 + 5 * MIN);
    expect(next).toMatchObject({ status: "notified", notifiedAt: T0 + 5 * MIN, notifyCount: 1, updatedAt: T0 + 5 * MIN, rank: p.rank });
  });

  it("re-notifying a notified party counts each notification", () => {
    const once = transition(party(), "notify", T0 + MIN);
    const twice = transition(once, "notify", T0 + 3 * MIN);
    expect(twice).toMatchObject({ status: "notified", notifyCount: 2, notifiedAt: T0 + 3 * MIN });
  });

  it("waiting → notified → seated", () => {
    const seated = transition(transition(party(), "notify", T0 + MIN), "seat", T0 + 2 * MIN);
    expect(seated).toMatchObject({ status: "seated", seatedAt: T0 + 2 * MIN, closedAt: T0 + 2 * MIN, restoreState: "notified", notifyCount: 1 });
  });

  for (const from of ["waiting", "notified"] as const) {
    for (const [action, to] of CLOSING) {
      it(`${from} --${action}--> ${to}, remembering ${from} for restore`, () => {
        const p = party({ status: from, notifyCount: from === "notified" ? 1 : 0 });
        const next = transition(p, action, T0 + 4 * MIN);
        expect(next.status).toBe(to);
        expect(next.restoreState).toBe(from);
        expect(next.closedAt).toBe(T0 + 4 * MIN);
        expect(next.seatedAt).toBe(to === "seated" ? T0 + 4 * MIN : null);
        expect(next.rank).toBe(p.rank);
      });
    }
  }

  it("does not change the party it is given", () => {
    const p = party();
    const copy = structuredClone(p);
    transition(p, "seat", T0 + MIN);
    expect(p).toEqual(copy);
  });
});

describe("transition: refused", () => {
  for (const from of CLOSED) {
    for (const action of NON_RESTORE) {
      it(`${action} on a ${from} party is a TransitionError`, () => {
        const p = party({ status: from, restoreState: "waiting", closedAt: T0 });
        let error: unknown;
        try {
          transition(p, action, T0 + MIN);
        } catch (err) {
          error = err;
        }
        expect(error).toBeInstanceOf(TransitionError);
        expect(error).toMatchObject({ from, action });
      });
    }
  }

  for (const from of ["waiting", "notified"] as const) {
    it(`restore of a ${from} party is a TransitionError (nothing to undo)`, () => {
      expect(() => transition(party({ status: from }), "restore", T0)).toThrow(TransitionError);
    });
  }
});
