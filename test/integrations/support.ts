// Helpers for the integration tests: API keys created through the real route.
import { call, type SignedUp } from "../helpers/api";

export interface CreatedKey {
  id: string;
  secret: string;
  prefix: string;
  json: any;
}

export async function createKey(
  owner: { token: string },
  body: { name?: string; scopes: string[]; locationIds?: string[] | null; expiresAt?: string | null },
): Promise<CreatedKey> {
  const res = await call("POST", "/api/api-keys", { token: owner.token, body: { name: "Test key", ...body } });
  if (res.status !== 201) throw new Error(`key creation failed: ${res.status} ${res.text}`);
  return { id: res.json.id, secret: res.json.secret, prefix: res.json.prefix, json: res.json };
}

export const ALL_SCOPES = ["read", "waitlist_write", "reservations_write", "settings", "webhooks"] as const;

export type Owner = SignedUp;
