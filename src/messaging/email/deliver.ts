// Sending one queued email: a transient provider error is retried by the queue (then dead-lettered);
// a refusal of the message itself is logged and dropped, since sending it again cannot succeed.
import type { Env } from "../../env";
import { log } from "../../../lib/log";
import { emailSender } from "./configured";
import { EmailSendError, type EmailMessage } from "./sender";

export async function deliverEmail(env: Env, email: EmailMessage, ref: string): Promise<"sent" | "dropped" | "retry"> {
  try {
    await emailSender(env).send(email);
    return "sent";
  } catch (err) {
    if (err instanceof EmailSendError && !err.transient) {
      log("error", "email refused by the provider", { ref, status: err.status, error: err.message });
      return "dropped";
    }
    log("warn", "email send failed; will retry", { ref, error: String(err) });
    return "retry";
  }
}
