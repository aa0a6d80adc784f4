// The one error shape (DESIGN.md rule 5): {"error": {"code", "message", "details"}}.
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export type ErrorCode =
  | "validation_failed"
  | "unauthorized"
  | "invalid_credentials"
  | "forbidden"
  | "insufficient_scope"
  | "not_found"
  | "gone"
  | "conflict"
  | "method_not_allowed"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "upgrade_required"
  | "invalid_transition"
  | "waitlist_closed"
  | "waitlist_full"
  | "idempotency_key_reused"
  | "slot_unavailable"
  | "table_conflict"
  | "plan_limit"
  | "billing_not_configured"
  | "billing_rejected"
  | "billing_unavailable"
  | "internal_error"
  | "misconfigured"
  | "unavailable";

export interface ErrorDetail {
  path?: string;
  message: string;
  [key: string]: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const notFound = (what = "Resource") => new ApiError(404, "not_found", `${what} not found.`);
export const forbidden = (message = "Your role does not allow this.") => new ApiError(403, "forbidden", message);
export const conflict = (message: string, details: ErrorDetail[] = []) => new ApiError(409, "conflict", message, details);
export const validationFailed = (message: string, details: ErrorDetail[] = []) =>
  new ApiError(400, "validation_failed", message, details);
export const unauthorized = (message = "Sign in to continue.") => new ApiError(401, "unauthorized", message);

export function errorBody(code: ErrorCode, message: string, details: ErrorDetail[] = []) {
  return { error: { code, message, details } };
}

export function errorResponse(c: Context, err: ApiError) {
  return c.json(errorBody(err.code, err.message, err.details), err.status, err.headers);
}
