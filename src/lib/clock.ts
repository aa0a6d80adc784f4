// Every "now" in the service comes from here, so tests can move time (vi.setSystemTime) and every
// expiry — sessions, invites, resets, throttles — follows the same clock.
export const now = (): number => Date.now();

export const SECOND = 1_000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
