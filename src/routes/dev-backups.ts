// Development only: run, list and restore the daily D1 backups kept in the local R2 bucket.
// `npm run backup` and `npm run restore -- <date>` call these on a local `wrangler dev`.
// In production, restores use D1 Time Travel (see README); these routes answer 404 there.
import { createRoute, z } from "@hono/zod-openapi";
import { now } from "../lib/clock";
import { ApiError } from "../lib/errors";
import { jsonBody, jsonResponse, router } from "./openapi";
import { BackupError, listBackups, restoreBackup, runBackup } from "../lifecycle/backup";
import { devOnly } from "./dev";
import { requireAuth, requireRole } from "../auth/middleware";

export const devBackupRoutes = router();
devBackupRoutes.use("*", devOnly);
// Backups hold every account's data and a restore replaces it: an owner's token even locally
// (`npm run backup` signs in as the demo owner, or SEATLINE_EMAIL / SEATLINE_PASSWORD).
devBackupRoutes.use("/backups", requireAuth, requireRole("owner"));
devBackupRoutes.use("/backups/*", requireAuth, requireRole("owner"));

const Verified = z.object({ date: z.string(), tables: z.array(z.object({ name: z.string(), rows: z.number(), sha256: z.string() })) });

devBackupRoutes.openapi(
  createRoute({ method: "get", path: "/backups", hide: true, responses: { 200: jsonResponse(z.object({ dates: z.array(z.string()) }), "Backups") } }),
  async (c) => c.json({ dates: await listBackups(c.env.BACKUPS) }, 200),
);

devBackupRoutes.openapi(
  createRoute({ method: "post", path: "/backups", hide: true, responses: { 201: jsonResponse(z.object({ date: z.string(), pruned: z.array(z.string()) }), "Backed up") } }),
  async (c) => {
    const { manifest, pruned } = await runBackup(c.env.DB, c.env.BACKUPS, now());
    return c.json({ date: manifest.date, pruned }, 201);
  },
);

devBackupRoutes.openapi(
  createRoute({
    method: "post",
    path: "/backups/{date}/restore",
    hide: true,
    request: {
      params: z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
      ...jsonBody(z.object({ verifyOnly: z.boolean().optional() })),
    },
    responses: { 200: jsonResponse(Verified, "Restored (or verified)") },
  }),
  async (c) => {
    try {
      return c.json(await restoreBackup(c.env.DB, c.env.BACKUPS, c.req.valid("param").date, c.req.valid("json")), 200);
    } catch (err) {
      if (err instanceof BackupError) throw new ApiError(409, "conflict", err.message);
      throw err;
    }
  },
);
