// The email adapter that configuration (EMAIL_PROVIDER) chooses.
import type { Env } from "../../env";
import { ResendSender } from "./resend";
import { DevOutboxSender, type EmailSender } from "./sender";

export function emailSender(env: Env): EmailSender {
  switch (env.EMAIL_PROVIDER) {
    case "resend":
      if (!env.EMAIL_API_KEY) throw new Error("EMAIL_API_KEY is not set (wrangler secret put EMAIL_API_KEY).");
      return new ResendSender(env.EMAIL_API_BASE_URL, env.EMAIL_API_KEY, env.EMAIL_FROM);
    case "dev-outbox":
      // The outbox keeps links in clear: never acceptable in production.
      if (env.ENVIRONMENT === "production") throw new Error("EMAIL_PROVIDER=dev-outbox is for development only.");
      return new DevOutboxSender(env.DB);
    default:
      throw new Error(`Unknown EMAIL_PROVIDER ${JSON.stringify(env.EMAIL_PROVIDER)}.`);
  }
}
