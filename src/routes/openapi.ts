// Shared pieces for route definitions: every route is declared with zod schemas, which both validate
// input and generate /api/openapi.json.
import { freeText } from "../lib/text";
import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { ZodError } from "zod";
import type { AppEnv } from "../env";
import { ApiError, type ErrorDetail } from "../lib/errors";

export function zodDetails(error: ZodError): ErrorDetail[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "(body)",
    message: issue.message,
    code: issue.code,
  }));
}

/** A router whose validation failures all become the one 400 error shape. */
export function router() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const where = result.target === "json" ? "request body" : result.target === "param" ? "path" : result.target;
        throw new ApiError(400, "validation_failed", `The ${where} is not valid.`, zodDetails(result.error));
      }
    },
  });
}

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "validation_failed" }),
      message: z.string(),
      details: z.array(z.object({ path: z.string().optional(), message: z.string() }).catchall(z.unknown())),
    }),
  })
  .openapi("Error");

const ERROR_TEXT: Record<number, string> = {
  400: "Invalid input",
  401: "Not signed in, or the session has ended",
  402: "Beyond the account's plan (code plan_limit; details name the plan needed)",
  403: "The signed-in role may not do this",
  404: "Not found (including other accounts' resources)",
  409: "Conflicts with the current state",
  410: "No longer valid",
  413: "Body too large (the limit is 64 KiB)",
  415: "The body is not JSON (send Content-Type: application/json)",
  429: "Rate limited",
};

const errorResponse = (code: number, description = ERROR_TEXT[code] ?? "Error") => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

type Operation = { requestBody?: { content?: Record<string, unknown> }; security?: unknown[]; responses?: Record<string, unknown> };
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/**
 * Adds the answers the app's middleware gives to every route, which route definitions do not repeat:
 * a JSON body can be malformed (400), too large (413) or not JSON (415); a bearer route can be refused (401).
 */
export function withSharedResponses<T extends { paths?: object }>(doc: T): T {
  for (const item of Object.values(doc.paths ?? {}) as Partial<Record<(typeof METHODS)[number], Operation>>[]) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const responses = (op.responses ??= {});
      const shared = [...(op.requestBody ? [400, 413, 415] : []), ...(op.security?.length ? [401] : [])];
      const types = Object.keys(op.requestBody?.content ?? {});
      // Webhooks take form bodies; only JSON routes get the JSON wording.
      const unsupported = types.includes("application/json") ? undefined : `The body is not ${types.join(" or ")}`;
      for (const code of shared) responses[code] ??= errorResponse(code, code === 415 ? unsupported : undefined);
    }
  }
  return doc;
}

export function errors(...codes: number[]) {
  return Object.fromEntries(
    codes.map((code) => [code, { description: ERROR_TEXT[code] ?? "Error", content: { "application/json": { schema: ErrorSchema } } }]),
  );
}

export function jsonBody<T extends z.ZodType>(schema: T, description?: string) {
  return { body: { required: true, description, content: { "application/json": { schema } } } };
}

export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } };
}

export const bearer = [{ bearerAuth: [] }];

// Strings: trimmed, bounded. Bounds stop oversized fields before anything is stored.
/** A required one-line free-text field under the one text rule (src/lib/text.ts). */
export const text = (max: number) => freeText({ max, min: 1 });
export const email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: "Enter a valid email address." }))
  .transform((s) => s.toLowerCase())
  .openapi({ type: "string", format: "email", example: "ana@example.com" });
// Passwords are never trimmed: every character counts. Rules are checked by checkPassword.
export const password = z.string().min(1).max(1024).openapi({ type: "string", format: "password" });
export const uuidParam = (name: string) =>
  z.uuid({ message: `${name} must be an id (UUID).` }).openapi({ param: { name, in: "path" } });
