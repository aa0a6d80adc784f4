// The Hono app: middleware, the one error handler, route mounting, OpenAPI.
import { HTTPException } from "hono/http-exception";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import type { Context } from "hono";
import type { AppEnv } from "./env";
import { ApiError, errorBody, errorResponse, type ErrorCode } from "./lib/errors";
import { log, logRequest } from "../lib/log";
import { configProblems, environmentOf } from "./config-check";
import { isTransient, type TransientFlags } from "./restaurant/retry";
import { routeCheck } from "./lib/route-check";
import { router, withSharedResponses } from "./routes/openapi";
import { accountRoutes } from "./routes/account";
import { apiKeyRoutes } from "./routes/api-keys";
import { webhookEndpointRoutes } from "./routes/webhook-endpoints";
import { billingRoutes } from "./routes/billing";
import { insightRoutes } from "./routes/insights";
import { authRoutes, meRoutes } from "./routes/auth";
import { devOnly, devRoutes } from "./routes/dev";
import { devBackupRoutes } from "./routes/dev-backups";
import { docsRoutes } from "./routes/docs";
import { finishDocument } from "./routes/openapi-finish";
import { publicInviteRoutes } from "./routes/invites";
import { locationScope } from "./routes/location-scope";
import { locationRoutes } from "./routes/locations";
import { publicRoutes } from "./routes/public";
import { publicBoardRoutes } from "./routes/public-board";
import { publicKioskRoutes } from "./routes/public-kiosk";
import { publicReservationRoutes } from "./routes/public-reservations";
import { reservationRoutes } from "./routes/reservations";
import { floorRoutes } from "./routes/floor";
import { feedbackRoutes } from "./routes/feedback";
import { kioskRoutes } from "./routes/kiosk";
import { messageRoutes } from "./routes/messages";
import { smsSenderRoutes } from "./routes/sms-senders";
import { logoFileRoutes, logoRoutes, MAX_LOGO_BYTES } from "./routes/logos";
import { pageRoutes } from "./routes/pages";
import { publicWidgetRoutes, WIDGET_DATA_PATH, widgetPageRoutes } from "./routes/public-widget";
import { widgetSettingsRoutes } from "./routes/widget-settings";
import { waitlistRoutes } from "./routes/waitlist";
import { webhookRoutes } from "./routes/webhooks";
import { teamRoutes } from "./routes/team";
import { guestRoutes } from "./routes/guests";

export const MAX_BODY_BYTES = 64 * 1024;
const LOGO_UPLOAD = /^\/api\/locations\/[^/]+\/logo$/;

// Pages may load their own scripts and styles and talk to their own origin (including WebSockets);
// nothing else, and never inside someone else's frame.
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

// Paths that are never static files: anything unrouted under them is a JSON 404.
const API_PREFIXES = ["/api", "/webhooks"];
const apiNotFound = (c: Context) => c.json(errorBody("not_found", `No route for ${c.req.method} ${c.req.path}.`), 404);

// Hono's own exceptions (malformed JSON, unsupported media type, ...) in the one error shape.
const HTTP_EXCEPTION_CODES: Partial<Record<number, ErrorCode>> = {
  400: "validation_failed",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  409: "conflict",
  410: "gone",
  413: "payload_too_large",
  415: "unsupported_media_type",
  429: "rate_limited",
};

function toErrorResponse(err: unknown, c: Context<AppEnv>) {
  if (err instanceof ApiError) return errorResponse(c, err);
  if (err instanceof HTTPException && err.status < 500) {
    const status = err.status;
    if (status === 413) return c.json(errorBody("payload_too_large", "The request body is too large."), 413);
    if (status === 415) {
      return c.json(errorBody("unsupported_media_type", "Send the request body as JSON with Content-Type: application/json."), 415);
    }
    return c.json(errorBody(HTTP_EXCEPTION_CODES[status] ?? "validation_failed", err.message || "The request is not valid."), status);
  }
  const id = c.get("requestId");
  const transient = isTransient(err);
  log("error", transient ? "transient failure (durable object call)" : "unhandled error", {
    requestId: id,
    path: c.req.routePath,
    error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
    ...(transient ? { retryable: (err as TransientFlags).retryable === true, overloaded: (err as TransientFlags).overloaded === true } : {}),
  });
  // Never the cause: the request id is what an operator needs to find it in the logs.
  if (transient) {
    return c.json(errorBody("unavailable", `The service is busy; try again in a moment (request id ${id}).`), 503, { "Retry-After": "1" });
  }
  return c.json(errorBody("internal_error", `Something went wrong on our side. It has been logged (request id ${id}).`), 500);
}

export function createApp() {
  const app = router();

  app.use("*", requestId());
  // The startup check: unsafe settings together (production with the dev outbox, a short JWT_SECRET,
  // APP_URL on http outside localhost) refuse every request and say why (src/config-check.ts).
  app.use("*", async (c, next) => {
    const problems = configProblems(c.env);
    if (problems.length === 0) return next();
    log("error", "refusing to serve: unsafe configuration", { problems });
    return c.json(
      errorBody("misconfigured", `This deployment is not configured safely and refuses to serve: ${problems.join(" ")}`, problems.map((message) => ({ message }))),
      503,
    );
  });
  app.use("*", async (c, next) => {
    const started = Date.now();
    await next();
    const line = {
      requestId: c.get("requestId"),
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      durationMs: Date.now() - started,
      accountId: c.get("auth")?.accountId,
    };
    // Off production, lines of requests that end together share one console call (lib/log.ts).
    logRequest(line, environmentOf(c.env) === "production" ? undefined : executionContext(c));
  });
  // The website widget's frame (issue 22) says in its CSP who may frame it (frame-ancestors, which
  // browsers obey over X-Frame-Options); DENY cannot list sites, so such a page goes without it.
  // Before secureHeaders, so this runs after it has set its headers.
  app.use("*", async (c, next) => {
    await next();
    const csp = c.res.headers.get("Content-Security-Policy") ?? "";
    if (/frame-ancestors (?!'none')/.test(csp)) c.res.headers.delete("X-Frame-Options");
  });
  app.use(
    "*",
    secureHeaders({
      // A route that sets one of these itself keeps it (the widget script is Cross-Origin-Resource-Policy: cross-origin).
      overwrite: false,
      strictTransportSecurity: "max-age=63072000; includeSubDomains",
      xFrameOptions: "DENY",
      referrerPolicy: "strict-origin-when-cross-origin",
      crossOriginResourcePolicy: "same-origin",
      crossOriginOpenerPolicy: "same-origin",
      permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
    }),
  );
  app.use("*", async (c, next) => {
    await next();
    if (!c.res.headers.has("Content-Security-Policy")) {
      const isPage = (c.res.headers.get("Content-Type") ?? "").startsWith("text/html");
      c.res.headers.set("Content-Security-Policy", isPage ? PAGE_CSP : API_CSP);
    }
  });
  app.use(
    "/api/*",
    cors({
      origin: (origin, c) => {
        // The widget's data answers only the location's own sites (src/routes/public-widget.ts).
        if (WIDGET_DATA_PATH.test(c.req.path)) return null;
        const allowed = (c.env.CORS_ORIGINS ?? "").split(",").map((s: string) => s.trim()).filter(Boolean);
        return allowed.includes(origin) ? origin : null;
      },
      allowHeaders: ["Authorization", "Content-Type", "Idempotency-Key"],
      allowMethods: ["GET", "POST", "PATCH", "PUT", "DELETE", "OPTIONS"],
      exposeHeaders: ["Retry-After", "X-Request-Id"],
      maxAge: 600,
    }),
  );
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => c.json(errorBody("payload_too_large", `The request body is over ${MAX_BODY_BYTES / 1024} KiB.`), 413),
  });
  // A logo upload is the one larger body (src/routes/logos.ts checks it again, by type and pixels).
  const limitLogo = bodyLimit({
    maxSize: MAX_LOGO_BYTES,
    onError: (c) => c.json(errorBody("payload_too_large", `The logo is over ${MAX_LOGO_BYTES / 1024} KiB: save it smaller.`), 413),
  });
  app.use("/api/*", (c, next) => (LOGO_UPLOAD.test(c.req.path) && c.req.method === "PUT" ? limitLogo(c, next) : limitBody(c, next)));
  app.use("/webhooks/*", limitBody);
  // An empty body labelled JSON is no body: an action whose body is optional (seat)
  // answers a bare POST that a client library labelled JSON as it answers one without the label.
  app.use("/api/*", async (c, next) => {
    if (c.req.header("content-length") === "0" && /^application\/json\b/i.test(c.req.header("content-type") ?? "")) {
      const headers = new Headers(c.req.raw.headers);
      headers.delete("content-type");
      c.req.raw = new Request(c.req.raw, { headers });
    }
    await next();
  });
  // Before the method check, so a production deployment answers 404 for every method there.
  app.use("/api/dev/*", devOnly);
  app.use(
    "*",
    routeCheck(app, {
      apiPrefixes: API_PREFIXES,
      notFound: apiNotFound,
      methodNotAllowed: (c, methods) =>
        c.json(errorBody("method_not_allowed", `${c.req.method} is not allowed here. Allowed: ${methods.join(", ")}.`), 405, {
          Allow: methods.join(", "),
        }),
    }),
  );

  // Hono hands only Error instances to onError and lets anything else escape the Worker without our
  // error shape or headers; some libraries throw plain objects (zod-to-openapi's ConflictError).
  app.use("*", async (_c, next) => {
    try {
      await next();
    } catch (err) {
      if (err instanceof Error) throw err;
      const message = err && typeof err === "object" && "message" in err ? String(err.message) : String(err);
      throw new Error(`non-Error thrown: ${message}`, { cause: err });
    }
  });

  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", { type: "http", scheme: "bearer", bearerFormat: "JWT" });

  // Every route of one location: the caller's session, then the location in the caller's account.
  app.use("/api/locations/:locationId", locationScope);
  app.use("/api/locations/:locationId/*", locationScope);

  app.route("/api/auth", authRoutes);
  app.route("/api", meRoutes);
  app.route("/api/invites", publicInviteRoutes);
  app.route("/api/team", teamRoutes);
  app.route("/api/guests", guestRoutes);
  app.route("/api/api-keys", apiKeyRoutes);
  app.route("/api/webhook-endpoints", webhookEndpointRoutes);
  app.route("/api/locations", locationRoutes);
  app.route("/api/locations", waitlistRoutes);
  app.route("/api/locations", messageRoutes);
  app.route("/api/locations", reservationRoutes);
  app.route("/api/locations", floorRoutes);
  app.route("/api/locations", kioskRoutes);
  app.route("/webhooks", webhookRoutes);
  app.route("/api/public", publicRoutes);
  app.route("/api/public", publicReservationRoutes);
  app.route("/api/public", publicBoardRoutes);
  app.route("/api/public", publicWidgetRoutes);
  app.route("/api/locations", widgetSettingsRoutes);
  app.route("/api/public", publicKioskRoutes);
  app.route("/api", accountRoutes);
  app.route("/api", smsSenderRoutes);
  app.route("/api", billingRoutes);
  app.route("/api", insightRoutes);
  app.route("/api", feedbackRoutes);
  app.route("/api", docsRoutes);
  app.route("/api/dev", devRoutes);
  app.route("/api/dev", devBackupRoutes);
  app.route("/api/locations", logoRoutes);
  app.route("/logos", logoFileRoutes);
  app.route("/", widgetPageRoutes);
  app.route("/", pageRoutes);

  app.get("/api/openapi.json", (c) =>
    c.json(
      finishDocument(withSharedResponses(
        app.getOpenAPI31Document({
          openapi: "3.1.0",
          info: {
            title: "Seatline API",
            version: "0.1.0",
            description:
              "Waitlists and reservations. Authenticate with `Authorization: Bearer <token>` from /api/auth/login. " +
              'Every error has the shape {"error": {"code", "message", "details"}}.',
          },
          servers: [{ url: new URL(c.req.url).origin }],
        }),
      )),
    ),
  );

  app.notFound((c) => {
    if (API_PREFIXES.some((p) => c.req.path === p || c.req.path.startsWith(`${p}/`))) return apiNotFound(c);
    return serveAsset(c);
  });

  app.onError(toErrorResponse);
  return app;
}

/** The request's ExecutionContext; Hono throws when there is none (app.request() without one). */
function executionContext(c: Context<AppEnv>): { waitUntil: (p: Promise<unknown>) => void } | undefined {
  try {
    return c.executionCtx;
  } catch {
    return undefined;
  }
}

// Static files of the web app; the Worker runs first (run_worker_first) so it can add headers.
async function serveAsset(c: Context<AppEnv>) {
  if (c.req.method !== "GET" && c.req.method !== "HEAD") {
    return c.json(errorBody("method_not_allowed", `${c.req.method} is not allowed here.`), 405, { Allow: "GET, HEAD" });
  }
  const res = await c.env.ASSETS.fetch(c.req.raw);
  if (res.status === 404) return c.json(errorBody("not_found", `Nothing at ${c.req.path}.`), 404);
  // Responses from fetch have immutable headers; copy so middleware can add security headers.
  return new Response(res.body, res);
}
