// Shared by the public-route tests: a location's slug and self check-in through the public API.
import { expect } from "vitest";
import { call, type SignedUp } from "../helpers/api";

export async function slugOf(owner: SignedUp, locationId = owner.locationId): Promise<string> {
  const res = await call("GET", `/api/locations/${locationId}`, { token: owner.token });
  if (res.status !== 200) throw new Error(`location: ${res.status} ${res.text}`);
  return res.json.slug;
}

let n = 0;
/** A distinct client IP and phone for each caller, so rate limits of one test never touch another. */
export function freshIp(): string {
  n += 1;
  return `198.18.${Math.floor(n / 250)}.${(n % 250) + 1}`;
}
export function freshPhone(): string {
  n += 1;
  return `+1 415 555 ${String(1000 + n).slice(-4)}`;
}

export function checkIn(slug: string, body: unknown, ip = freshIp()) {
  return call("POST", `/api/public/locations/${slug}/waitlist`, { body, ip });
}

export async function setSettings(owner: SignedUp, body: unknown, locationId = owner.locationId) {
  const res = await call("PATCH", `/api/locations/${locationId}/waitlist-settings`, { token: owner.token, body });
  expect(res.status, res.text).toBe(200);
  return res.json;
}

export { expectError } from "../helpers/errors";
