// Development only: the email outbox. Absent (404) unless ENVIRONMENT is development or test.
import { createRoute, z } from "@hono/zod-openapi";
import { desc } from "drizzle-orm";
import { createMiddleware } from "hono/factory";
import { db } from "../db/client";
import { devOutbox } from "../db/schema";
import type { AppEnv } from "../env";
import { notFound } from "../lib/errors";
import { isDevelopment } from "../lib/config-check";
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
