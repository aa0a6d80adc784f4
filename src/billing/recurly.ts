// A small client for Recurly's v3 REST API over fetch. The official `recurly` npm client is not used:
// its transport is Node's http/https/zlib modules (lib/recurly/DefaultHttpAdapter.js), which workerd
// does not provide without nodejs_compat, and this Worker runs without it. We need six calls.
import type { Env } from "../env";

export const RECURLY_API_VERSION = "v2021-02-25";

export interface RecurlySubscription {
  id: string;
  uuid: string;
  state: "pending" | "active" | "canceled" | "expired" | "failed" | "future" | "paused";
  plan: { code: string; name?: string };
  account: { id: string; code: string };
  current_period_ends_at: string | null;
  updated_at: string;
  canceled_at?: string | null;
  expires_at?: string | null;
}

export interface RecurlyAccount {
  id: string;
  code: string;
  email?: string | null;
  hosted_login_token: string;
  has_past_due_invoice?: boolean;
  updated_at?: string;
}

/** Recurly answered with an error (4xx: its `error.type` and message; 5xx or network: unavailable). */
export class RecurlyError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly params: { param: string; message: string }[] = [],
  ) {
    super(message);
  }
  get transient() {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

export interface RecurlyConfig {
  baseUrl: string;
  apiKey: string;
}

export function recurlyConfig(env: Env): RecurlyConfig | null {
  if (!env.RECURLY_API_KEY) return null;
  return { baseUrl: (env.RECURLY_API_BASE_URL || "https://v3.recurly.com").replace(/\/+$/, ""), apiKey: env.RECURLY_API_KEY };
}

export class RecurlyClient {
  constructor(private readonly config: RecurlyConfig) {}

  private async request<T>(method: string, path: string, body?: unknown, idempotencyKey?: string): Promise<T> {
    const headers: Record<string, string> = {
      Accept: `application/vnd.recurly.${RECURLY_API_VERSION}+json`,
      Authorization: `Basic ${btoa(`${this.config.apiKey}:`)}`,
    };
    if (body !== undefined) headers["Content-Type"] = "application/json; charset=utf-8";
    if (idempotencyKey) headers["Idempotency-Key"] = idempotencyKey;
    let res: Response;
    try {
      res = await fetch(`${this.config.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(15_000) });
    } catch (err) {
      throw new RecurlyError(0, "network", `Recurly could not be reached: ${err instanceof Error ? err.message : String(err)}`);
    }
    const text = await res.text();
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (!res.ok) {
      const e = json?.error ?? {};
      throw new RecurlyError(res.status, String(e.type ?? "unknown"), String(e.message ?? `Recurly answered ${res.status}.`), Array.isArray(e.params) ? e.params : []);
    }
    return json as T;
  }

  getAccount(code: string) {
    return this.request<RecurlyAccount>("GET", `/accounts/code-${encodeURIComponent(code)}`);
  }
  createAccount(input: { code: string; email?: string; company?: string; billingToken: string }) {
    return this.request<RecurlyAccount>("POST", "/accounts", {
      code: input.code,
      email: input.email,
      company: input.company,
      billing_info: { token_id: input.billingToken },
    });
  }
  updateBillingInfo(code: string, billingToken: string) {
    return this.request<unknown>("PUT", `/accounts/code-${encodeURIComponent(code)}/billing_info`, { token_id: billingToken });
  }
  createSubscription(input: { accountCode: string; planCode: string }, idempotencyKey?: string) {
    return this.request<RecurlySubscription>("POST", "/subscriptions", { plan_code: input.planCode, currency: "USD", account: { code: input.accountCode } }, idempotencyKey);
  }
  getSubscription(id: string) {
    return this.request<RecurlySubscription>("GET", `/subscriptions/${encodeURIComponent(id)}`);
  }
  /** `uuid-<uuid>` addresses a subscription by the UUID that webhooks carry. */
  getSubscriptionByUuid(uuid: string) {
    return this.request<RecurlySubscription>("GET", `/subscriptions/uuid-${encodeURIComponent(uuid)}`);
  }
  changeSubscription(id: string, planCode: string, timeframe: "now" | "renewal") {
    return this.request<unknown>("POST", `/subscriptions/${encodeURIComponent(id)}/change`, { plan_code: planCode, timeframe });
  }
  cancelSubscription(id: string) {
    return this.request<RecurlySubscription>("PUT", `/subscriptions/${encodeURIComponent(id)}/cancel`, { timeframe: "term_end" });
  }
  reactivateSubscription(id: string) {
    return this.request<RecurlySubscription>("PUT", `/subscriptions/${encodeURIComponent(id)}/reactivate`);
  }
  /** Usage on a usage-type add-on; the Idempotency-Key makes a retried report count once. */
  createUsage(subscriptionId: string, addOnCode: string, input: { amount: number; merchantTag: string; usageTimestamp: string }, idempotencyKey: string) {
    return this.request<{ id: string }>(
      "POST",
      `/subscriptions/${encodeURIComponent(subscriptionId)}/add_ons/code-${encodeURIComponent(addOnCode)}/usage`,
      { amount: input.amount, merchant_tag: input.merchantTag, usage_timestamp: input.usageTimestamp, recording_timestamp: input.usageTimestamp },
      idempotencyKey,
    );
  }
}

export function hostedAccountUrl(subdomain: string, hostedLoginToken: string): string {
  return `https://${subdomain}.recurly.com/account/${encodeURIComponent(hostedLoginToken)}`;
}
