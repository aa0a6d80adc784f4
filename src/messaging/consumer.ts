// The consumer of the outbound queue (and its dead-letter queue): texts through the providers with
// failover, email through the configured sender, webhooks to their endpoints.
import type { Env, OutboundMessage } from "../env";
import { log } from "../../lib/log";
import { deliverEmail } from "./email/deliver";
import { failExhausted, retryDelaySeconds, sendMessage } from "./sms/send";
import { deliverWebhook } from "./webhooks/deliver";
import { emitLocationEvents } from "./webhooks/payloads";

export async function consumeOutbound(batch: MessageBatch<OutboundMessage>, env: Env): Promise<void> {
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
      if (body?.kind === "webhook_events") {
        // A failure (D1 or the queue) retries this message; emission makes each delivery once.
        if (deadLetters) log("error", "webhook events dead-lettered after their retries", { locationId: body.locationId, count: body.events.length });
        else await emitLocationEvents(env, body.accountId, body.locationId, body.events, Date.now());
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
      const { outcome, delaySeconds } = await sendMessage(env, body.messageId, Date.now(), body.primary);
      // A lost answer waits its confirmation time; every circuit open waits for the first to close.
      if (outcome === "retry") message.retry({ delaySeconds: delaySeconds ?? retryDelaySeconds(message.attempts) });
      else message.ack();
    } catch (err) {
      log("error", "outbound message failed", { id: message.id, error: String(err) });
      message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
    }
  }
}
