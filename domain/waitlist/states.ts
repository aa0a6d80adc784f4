// A party's states and where it came from: the vocabulary the declaration (party.ts), the rules
// (model.ts) and the web app share. Free of zod, so the web app's bundle takes only these names.
export const ACTIVE_STATES = ["waiting", "notified"] as const;
export const CLOSED_STATES = ["seated", "cancelled", "no_show", "left"] as const;
export const PARTY_STATES = [...ACTIVE_STATES, ...CLOSED_STATES] as const;
export type PartyState = (typeof PARTY_STATES)[number];
export type ActiveState = (typeof ACTIVE_STATES)[number];
export type ClosedState = (typeof CLOSED_STATES)[number];

export const PARTY_SOURCES = ["host", "guest", "api"] as const;
export type PartySource = (typeof PARTY_SOURCES)[number];

/** Who closed a party: staff (host screen or API), the guest (link or SMS "9"), or the hold timer. */
export const CLOSED_BY = ["staff", "guest", "automatic"] as const;
export type ClosedBy = (typeof CLOSED_BY)[number];

export function isActive(state: PartyState): state is ActiveState {
  return state === "waiting" || state === "notified";
}
