// Shared by the widget tests (issue 22): the widget's settings, its data and its frame, asked as a
// browser on some site would (Origin header).
import { expect } from "vitest";
import { call, type SignedUp } from "../helpers/api";

export const settingsPath = (o: SignedUp, locationId = o.locationId) => `/api/locations/${locationId}/widget-settings`;
export const dataPath = (slug: string) => `/api/public/locations/${slug}/widget`;

export async function setWidget(o: SignedUp, body: unknown, locationId = o.locationId) {
  const res = await call("PATCH", settingsPath(o, locationId), { token: o.token, body });
  expect(res.status, res.text).toBe(200);
  return res.json;
}

/** The data as the widget script on `origin` asks for it (no cookies, no credentials). */
export function widgetData(slug: string, origin?: string, headers: Record<string, string> = {}) {
  return call("GET", dataPath(slug), { headers: { ...(origin ? { Origin: origin } : {}), ...headers } });
}
