// The Worker's only way into a location's Restaurant DO, after the caller's access is checked.
import type { DoResult, LocationRef } from "../../domain/waitlist/protocol";
import type { locations } from "../db/schema";
import type { Env } from "../env";
import { ApiError, type ErrorCode } from "../lib/errors";
import { retryReads } from "./retry";

/** The location's DO, bound to that location once: every call on it is about this location. */
type LocationFields = Pick<typeof locations.$inferSelect, "id" | "accountId" | "name" | "timezone"> & { updatedAt?: number };

/** What the DO keeps of a location row (the reference it answers for). */
export function locationRef(loc: LocationFields): LocationRef {
  return { id: loc.id, accountId: loc.accountId, name: loc.name, timezone: loc.timezone, ...(loc.updatedAt !== undefined && { updatedAt: loc.updatedAt }) };
}

export function restaurant(env: Env, loc: LocationFields) {
  const ref = locationRef(loc);
  // Reads that fail in transit (isolate reset, "Network connection lost.") are tried once more.
  return retryReads(restaurantObject(env, loc.id).at(ref));
}

/** The DO object itself, for what is not about one call: its live sockets (fetch) and deletion. */
export function restaurantObject(env: Env, locationId: string) {
  return env.RESTAURANT.get(env.RESTAURANT.idFromName(locationId));
}

// The scope answer's types live with the request variables that carry them (src/env.ts), so the
// environment does not import this module back.
export type { LocationApiStub, ScopeAnswer } from "../env";

/** The value of a DO result, or its error as the one API error shape. */
export function unwrap<T>(result: DoResult<T>): T {
  if (result.ok) return result.value;
  throw new ApiError(result.status, result.code as ErrorCode, result.message, result.details ?? []);
}
