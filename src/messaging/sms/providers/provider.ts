// One interface for SMS providers. Results are classified so the sender knows what to do next:
// a permanent error is about this recipient (no other provider would do better); a transient one is
// about the provider (network, 5xx, rate limit, its own configuration) and worth the other provider.

import type { ProviderName } from "../../../../domain/sms/providers";

export { PROVIDERS, type ProviderName } from "../../../../domain/sms/providers";

export interface OutgoingSms {
  to: string;
  body: string;
  statusCallbackUrl: string;
}

export class SmsSendError extends Error {
  constructor(
    readonly provider: ProviderName,
    readonly kind: "permanent" | "transient",
    readonly code: string,
    message: string,
    /** The provider says the recipient opted out (STOP): record it in our own ledger too. */
    readonly optOut = false,
  ) {
    super(message);
  }
}

export interface SmsProvider {
  readonly name: ProviderName;
  send(sms: OutgoingSms): Promise<{ providerMessageId: string }>;
}

export const SEND_TIMEOUT_MS = 10_000;

/** Network failures and timeouts: transient. */
export function networkError(provider: ProviderName, err: unknown): SmsSendError {
  const name = (err as Error)?.name ?? "Error";
  return new SmsSendError(provider, "transient", name === "TimeoutError" ? "timeout" : "network", `${provider} unreachable: ${name}`);
}
