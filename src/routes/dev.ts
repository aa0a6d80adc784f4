// Development only: the email outbox, and the SMS path as the Worker sees it (for the local SMS
// simulator's page). Absent (404) unless ENVIRONMENT is development or test.
import { createRoute, z } from "@hono/zod-openapi";
import { desc } from "drizzle-orm";
import { createMiddleware } from "hono/factory";
import { db } from "../db/client";
import { devOutbox, messages, providerHealth, smsOptOuts, smsSenderOptOuts } from "../db/schema";
import { isoOrNull as iso, now } from "../lib/clock";
import { BREAKER_THRESHOLD } from "../messaging/sms/breaker";
import { configuredProviders } from "../messaging/sms/send";
import { PROVIDERS } from "../messaging/sms/providers/provider";
import type { AppEnv } from "../env";
import { notFound } from "../lib/errors";
import { isDevelopment } from "../config-check";
import { jsonResponse, router } from "./openapi";

export const devRoutes = router();

export const devOnly = createMiddleware<AppEnv>(async (c, next) => {
  if (!isDevelopment(c.env)) throw notFound("Route");
  await next();
});

devRoutes.use("*", devOnly);

devRoutes.openapi(
  createRoute({
    method: "get",
    path: "/outbox",
    hide: true,
    summary: "Email kept by the dev-outbox provider, newest first (development only)",
    responses: {
      200: jsonResponse(
        z.object({
          emails: z.array(z.object({ id: z.string(), to: z.string(), subject: z.string(), text: z.string(), createdAt: z.string() })),
        }),
        "Emails",
      ),
    },
  }),
  async (c) => {
    const rows = await db(c.env.DB).select().from(devOutbox).orderBy(desc(devOutbox.createdAt)).limit(100);
    return c.json(
      { emails: rows.map((r) => ({ id: r.id, to: r.to, subject: r.subject, text: r.text, createdAt: new Date(r.createdAt).toISOString() })) },
      200,
    );
  },
);

devRoutes.openapi(
  createRoute({
    method: "get",
    path: "/sms",
    hide: true,
    summary: "Providers' circuit breakers, opt-out ledgers and the latest texts (development only)",
    responses: {
      200: jsonResponse(
        z.object({
          providers: z.array(
            z.object({
              provider: z.enum(["twilio", "telnyx"]),
              configured: z.boolean(),
              circuit: z.enum(["closed", "open"]),
              consecutiveFailures: z.number().int(),
              openUntil: z.string().nullable(),
            }),
          ),
          breakerThreshold: z.number().int(),
          optOuts: z.array(z.object({ ledger: z.string(), phone: z.string(), source: z.string(), createdAt: z.string() })),
          messages: z.array(
            z.object({
              id: z.string(),
              direction: z.string(),
              kind: z.string(),
              to: z.string(),
              from: z.string().nullable(),
              body: z.string(),
              status: z.string(),
              provider: z.string().nullable(),
              providerMessageId: z.string().nullable(),
              attempts: z.number().int(),
              errorCode: z.string().nullable(),
              createdAt: z.string(),
            }),
          ),
        }),
        "The SMS path as the Worker sees it",
      ),
    },
  }),
  async (c) => {
    const d = db(c.env.DB);
    const at = now();
    const [health, shared, perAccount, latest] = await d.batch([
      d.select().from(providerHealth),
      d.select().from(smsSenderOptOuts).orderBy(desc(smsSenderOptOuts.createdAt)).limit(100),
      d.select().from(smsOptOuts).orderBy(desc(smsOptOuts.createdAt)).limit(100),
      d.select().from(messages).orderBy(desc(messages.createdAt)).limit(50),
    ]);
    const configured = configuredProviders(c.env);
    return c.json(
      {
        providers: PROVIDERS.map((provider) => {
          const h = health.find((r) => r.provider === provider);
          const open = !!h && h.openUntil > at;
          return { provider, configured: configured.has(provider), circuit: open ? ("open" as const) : ("closed" as const), consecutiveFailures: h?.consecutiveFailures ?? 0, openUntil: open ? iso(h!.openUntil) : null };
        }),
        breakerThreshold: BREAKER_THRESHOLD,
        optOuts: [
          ...shared.map((r) => ({ ledger: `sender:${r.sender}`, phone: r.phone, source: r.source, createdAt: iso(r.createdAt)! })),
          ...perAccount.map((r) => ({ ledger: `account:${r.accountId}`, phone: r.phone, source: r.source, createdAt: iso(r.createdAt)! })),
        ],
        messages: latest.map((m) => ({
          id: m.id,
          direction: m.direction,
          kind: m.kind,
          to: m.toPhone,
          from: m.fromPhone,
          body: m.body,
          status: m.status,
          provider: m.provider,
          providerMessageId: m.providerMessageId,
          attempts: m.attempts,
          errorCode: m.errorCode,
          createdAt: iso(m.createdAt)!,
        })),
      },
      200,
    );
  },
);
