// The Worker entry: HTTP through the Hono app, the outbound queue, and cron triggers.
import { createApp } from "./app";
import { db } from "./db/client";
import type { Env, OutboundMessage } from "./env";
import { runBackup } from "./lifecycle/backup";
import { DAILY, HOURLY } from "./lifecycle/crons";
import { purgeExpiredCredentials } from "./lifecycle/expiry";
import { retentionSweep } from "./lifecycle/retention";
import { log } from "./lib/log";
import { deliverEmail } from "./messaging/email/deliver";
import { failExhausted, retryDelaySeconds, sendMessage } from "./messaging/sms/send";
import { deliverWebhook, queueDueDeliveries } from "./messaging/webhooks/deliver";

export { Restaurant } from "../durable-objects/restaurant";

const app = createApp();

export default {
  fetch: app.fetch,

  async queue(batch: MessageBatch<OutboundMessage>, env: Env) {
    // Each message is handled on its own: one failure never retries the batch (no throw here).
    const deadLetters = batch.queue.endsWith("-dlq");
    for (const message of batch.messages) {
      const body = message.body;
      try {
        if (body?.kind === "email") {
          if (deadLetters) log("error", "email dead-lettered after its retries", { ref: body.ref });
          else if ((await deliverEmail(env, body.email, body.ref)) === "retry") {
            message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
            continue;
          }
          message.ack();
          continue;
        }
        if (body?.kind === "webhook") {
          // Its own retries are new messages (deliverWebhook); a dead-lettered one is left to the sweep.
          if (!deadLetters) await deliverWebhook(env, body.deliveryId, body.attempt, Date.now());
          message.ack();
          continue;
        }
        if (body?.kind !== "sms") {
          log("warn", "outbound message of unknown kind", { id: message.id });
          message.ack();
          continue;
        }
        if (deadLetters) {
          await failExhausted(env, body.messageId, Date.now());
          message.ack();
          continue;
        }
        const { outcome } = await sendMessage(env, body.messageId, Date.now(), body.primary);
        if (outcome === "retry") message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
        else message.ack();
      } catch (err) {
        log("error", "outbound message failed", { id: message.id, error: String(err) });
        message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
      }
    }
  },

  async scheduled(controller: ScheduledController, env: Env) {
    // Cron runs are at-least-once: every sweep below is idempotent.
    const at = controller.scheduledTime;
    const d = db(env.DB);
    switch (controller.cron) {
      case HOURLY: {
        log("info", "expiry sweep", await purgeExpiredCredentials(d, at));
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
