// The bindings and configuration the Restaurant DO reads; the Worker's Env (src/env.ts) extends it,
// so the DO depends on nothing of the Worker.
import type { OutboundMessage } from "../domain/outbound";

export interface RestaurantEnv {
  DB: D1Database;
  OUTBOUND: Queue<OutboundMessage>;
  APP_URL: string;
  SMS_PRIMARY_PROVIDER: "twilio" | "telnyx";
  /** Guest and reservation links are HMACs under a key derived from it. */
  JWT_SECRET: string;
}
