// Shared by the kiosk tests: making a location's kiosk token and checking in through it.
import { expect } from "vitest";
import { call, type SignedUp } from "../helpers/api";
import { freshIp } from "../public/support";

export async function createKioskToken(by: { token: string }, locationId: string) {
  const res = await call("POST", `/api/locations/${locationId}/kiosk-token`, { token: by.token });
  expect(res.status, res.text).toBe(201);
  return { token: res.json.token as string, kioskUrl: res.json.kioskUrl as string, json: res.json };
}

export function kioskCheckIn(slug: string, kioskToken: string, body: Record<string, unknown>, ip = freshIp()) {
  return call("POST", `/api/public/locations/${slug}/waitlist`, { body: { ...body, kioskToken }, ip });
}

export function kioskCheck(slug: string, token: string) {
  return call("GET", `/api/public/locations/${slug}/kiosk/${encodeURIComponent(token)}`);
}

export type { SignedUp };
