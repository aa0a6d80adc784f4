// Every "now" in the service comes from here, so tests can move time (vi.setSystemTime) and every
// expiry — sessions, invites, resets, throttles — follows the same clock.
export const now = (): number => Date.now();

export const SECOND = 1_000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Epoch milliseconds as ISO 8601 (UTC), null kept null: how REST answers show times. */
export const isoOrNull = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
