// The Worker entry: HTTP through the Hono app, the outbound queue, and cron triggers.
import { createApp } from "./app";
import { db } from "./db/client";
import type { Env, OutboundMessage } from "./env";
import { purgeExpiredCredentials } from "./lifecycle/expiry";
import { log } from "./lib/log";

export { Restaurant } from "../durable-objects/restaurant";

const app = createApp();

export default {
  fetch: app.fetch,

  async queue(batch: MessageBatch<OutboundMessage>) {
    // No message kinds are produced yet (the SMS issue adds them). Anything that arrives cannot be
    // handled by this version, so it goes to the dead-letter queue instead of being dropped.
    for (const message of batch.messages) {
      log("warn", "outbound message of unknown kind", { id: message.id });
      message.retry();
    }
  },

  async scheduled(controller: ScheduledController, env: Env) {
    if (controller.cron === "0 * * * *") {
      const purged = await purgeExpiredCredentials(db(env.DB), controller.scheduledTime);
      log("info", "expiry sweep", purged);
    }
  },
} satisfies ExportedHandler<Env, OutboundMessage>;
