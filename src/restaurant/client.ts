// The Worker's only way into a location's Restaurant DO, after the caller's access is checked.
import type { DoResult, LocationRef } from "../../domain/waitlist/protocol";
import type { locations } from "../db/schema";
import type { Env } from "../env";
import { ApiError, type ErrorCode } from "../lib/errors";

export function restaurant(env: Env, loc: typeof locations.$inferSelect) {
  const ref: LocationRef = { id: loc.id, accountId: loc.accountId, name: loc.name, timezone: loc.timezone };
  return { stub: env.RESTAURANT.get(env.RESTAURANT.idFromName(loc.id)), ref };
}

/** The value of a DO result, or its error as the one API error shape. */
export function unwrap<T>(result: DoResult<T>): T {
  if (result.ok) return result.value;
  throw new ApiError(result.status, result.code as ErrorCode, result.message, result.details ?? []);
}
