// The Worker entry: HTTP through the Hono app, the outbound queue, and cron triggers.
import { createApp } from "./app";
import { db } from "./db/client";
import type { Env, OutboundMessage } from "./env";
import { runBackup } from "./lifecycle/backup";
import { DAILY, HOURLY } from "./lifecycle/crons";
import { purgeExpiredCredentials } from "./lifecycle/expiry";
import { retentionSweep } from "./lifecycle/retention";
import { log } from "../lib/log";
import { lastResort } from "./lib/last-resort";
import { consumeOutbound } from "./messaging/consumer";
import { queueDueDeliveries } from "./messaging/webhooks/deliver";
import { purgeWebhookState } from "./messaging/sms/receipts";

export { Restaurant } from "../durable-objects/restaurant";

const app = createApp();

export default {
  fetch: lastResort<Env>((request, env, ctx) => app.fetch(request, env, ctx)),

  queue: consumeOutbound,

  async scheduled(controller: ScheduledController, env: Env) {
    // Cron runs are at-least-once: every sweep below is idempotent.
    const at = controller.scheduledTime;
    const d = db(env.DB);
    switch (controller.cron) {
      case HOURLY: {
        log("info", "expiry sweep", await purgeExpiredCredentials(d, at));
        log("info", "webhook receipts purged", await purgeWebhookState(d, at));
        log("info", "retention sweep", { ...(await retentionSweep(env, d, at)) });
        log("info", "webhook sweep", { queued: await queueDueDeliveries(env, at) });
        return;
      }
      case DAILY: {
        const { manifest, pruned } = await runBackup(env.DB, env.BACKUPS, at);
        log("info", "backup", { date: manifest.date, tables: manifest.tables.length, pruned });
        return;
      }
      default:
        log("warn", "unknown cron", { cron: controller.cron });
    }
  },
} satisfies ExportedHandler<Env, OutboundMessage>;
