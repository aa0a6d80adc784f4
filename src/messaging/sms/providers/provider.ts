// One interface for SMS providers. Results are classified so the sender knows what to do next:
// a permanent error is about this recipient (no other provider would do better); a transient one is
// about the provider (network, 5xx, rate limit, its own configuration) and worth the other provider;
// an unknown one (no answer in time, or a 2xx we cannot read) means the provider may have taken the
// text: trying the other one at once could text the guest twice, so it is confirmed first.

import type { ProviderName } from "../../../../domain/sms/providers";

export { PROVIDERS, type ProviderName } from "../../../../domain/sms/providers";

export interface OutgoingSms {
  /** Our message id: Telnyx's Idempotency-Key, and the `m` query parameter of the status callback. */
  messageId: string;
  to: string;
  body: string;
  statusCallbackUrl: string;
  /** The sender (number, Messaging Service SID or profile) when not the provider's default. */
  from?: string;
}

export class SmsSendError extends Error {
  constructor(
    readonly provider: ProviderName,
    readonly kind: "permanent" | "transient" | "unknown",
    readonly code: string,
    message: string,
    /** The provider says the recipient opted out (STOP): record it in our own ledger too. */
    readonly optOut = false,
  ) {
    super(message);
  }
}

/** What a provider knows about a send whose answer we lost. */
export type Confirmation = { found: string } | { notFound: true } | { unknown: string };

export interface SmsProvider {
  readonly name: ProviderName;
  send(sms: OutgoingSms): Promise<{ providerMessageId: string }>;
  /**
   * After an unknown outcome and the confirmation wait: did the provider take the text sent at
   * `since`? Twilio looks it up; Telnyx repeats the request with the same Idempotency-Key (so a
   * text it took is answered, not sent again, and one it never got is sent now).
   */
  confirm(sms: OutgoingSms, since: number, isAnotherMessage: (providerMessageId: string) => Promise<boolean>): Promise<Confirmation | { sent: string }>;
}

export const SEND_TIMEOUT_MS = 10_000;

/** The send timeout: SMS_SEND_TIMEOUT_MS when set (tests shorten it), else 10 s. */
export function sendTimeoutMs(value: string | undefined): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : SEND_TIMEOUT_MS;
}

/**
 * Network failures: transient (nothing was answered, so nothing was accepted as far as we can tell).
 * A timeout is unknown: the request may have reached the provider, which may still take it.
 */
export function networkError(provider: ProviderName, err: unknown): SmsSendError {
  const name = (err as Error)?.name ?? "Error";
  if (name === "TimeoutError") return new SmsSendError(provider, "unknown", "timeout", `${provider} did not answer in time`);
  return new SmsSendError(provider, "transient", "network", `${provider} unreachable: ${name}`);
}

/** A 2xx whose body is not the provider's answer: it probably took the text; we cannot tell its id. */
export function unreadableSuccess(provider: ProviderName, status: number): SmsSendError {
  return new SmsSendError(provider, "unknown", "unreadable_answer", `${provider} answered ${status} with a body we could not read`);
}
