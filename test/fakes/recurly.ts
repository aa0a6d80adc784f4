// A local fake of Recurly's v3 API (the calls Seatline makes), answering as the real one does:
// Basic auth with the API key, the versioned Accept header, JSON error bodies
// {"error":{"type","message","params"}}, `code-` and `uuid-` path prefixes, Idempotency-Key on
// POSTs. Plus the webhook signer and the reference verifier tests use, computed here in Node with
// node:crypto exactly as Recurly documents it (the official `recurly` Node client, 4.81.0, has no
// webhook verification to use as the reference; see README "Billing").
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

export const RECURLY_KEY = "recurly-fake-private-api-key";
export const RECURLY_WEBHOOK_SECRET = "recurly-fake-webhook-secret";
export const RECURLY_SUBDOMAIN = "seatline-test";
const PLANS = new Set(["starter", "pro"]);
const ADD_ONS: Record<string, string[]> = { pro: ["sms_overage"] };

interface Account {
  id: string;
  code: string;
  email: string | null;
  company: string | null;
  hosted_login_token: string;
  has_past_due_invoice: boolean;
  billing_token: string | null;
  created_at: string;
  updated_at: string;
}

interface Subscription {
  id: string;
  uuid: string;
  object: "subscription";
  state: string;
  plan: { object: "plan_mini"; id: string; code: string; name: string };
  account: { object: "account_mini"; id: string; code: string };
  currency: string;
  current_period_started_at: string;
  current_period_ends_at: string;
  canceled_at: string | null;
  expires_at: string | null;
  created_at: string;
  updated_at: string;
  activated_at: string;
}

interface Usage {
  id: string;
  subscription_id: string;
  add_on_code: string;
  amount: number;
  merchant_tag: string | null;
  usage_timestamp: string | null;
}

const id = () => randomBytes(6).toString("hex").slice(0, 12);
const uuid = () => randomBytes(16).toString("hex");

export function recurlyReferenceSign(secret: string, timestamp: string, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

/** The reference check: Recurly's documented algorithm, written independently of ours. */
export function recurlyReferenceVerify(secret: string, header: string, body: string, nowMs: number, toleranceMs = 5 * 60_000): boolean {
  const [ts, ...sigs] = header.split(",");
  if (!ts || !/^\d+$/.test(ts) || sigs.length === 0) return false;
  if (Math.abs(nowMs - Number(ts)) > toleranceMs) return false;
  const expected = Buffer.from(recurlyReferenceSign(secret, ts, body), "hex");
  return sigs.some((s) => {
    const got = Buffer.from(s, "hex");
    return got.length === expected.length && s.length === 64 && timingSafeEqual(got, expected);
  });
}

export function createRecurlyFake() {
  const accounts = new Map<string, Account>(); // by code
  const subs = new Map<string, Subscription>(); // by id
  const usage: Usage[] = [];
  const idempotent = new Map<string, { status: number; body: unknown }>();
  const requests: { method: string; path: string }[] = [];
  // Recurly's clock: the wall clock (Node's, which tests in workerd cannot freeze), strictly
  // increasing so every change has a later updated_at.
  let tick = 0;
  const stamp = () => new Date((tick = Math.max(tick + 1, Date.now()))).toISOString();

  function json(res: ServerResponse, status: number, body: unknown) {
    res.writeHead(status, { "Content-Type": "application/vnd.recurly.v2021-02-25+json; charset=utf-8", "Recurly-Version": "recurly.v2021-02-25" });
    res.end(JSON.stringify(body));
  }
  const error = (res: ServerResponse, status: number, type: string, message: string, params?: { param: string; message: string }[]) =>
    json(res, status, { error: { type, message, ...(params && { params }) } });

  function findSub(ref: string): Subscription | undefined {
    if (ref.startsWith("uuid-")) return [...subs.values()].find((s) => s.uuid === ref.slice(5));
    return subs.get(ref);
  }
  function findAccount(ref: string): Account | undefined {
    if (ref.startsWith("code-")) return accounts.get(decodeURIComponent(ref.slice(5)));
    return [...accounts.values()].find((a) => a.id === ref);
  }
  const mini = (a: Account) => ({ object: "account_mini" as const, id: a.id, code: a.code });
  const accountView = (a: Account) => {
    const { billing_token: _b, ...rest } = a;
    return { object: "account", state: "active", ...rest };
  };

  async function handle(req: IncomingMessage, res: ServerResponse, path: string, raw: string) {
    requests.push({ method: req.method ?? "", path });
    if (req.headers.authorization !== "Basic " + Buffer.from(`${RECURLY_KEY}:`).toString("base64")) {
      return error(res, 401, "unauthorized", "Invalid API key");
    }
    if (!/^application\/vnd\.recurly\.v2021-02-25(\+json)?$/.test(String(req.headers.accept ?? ""))) {
      return error(res, 406, "invalid_api_version", "Please specify a valid API version in the Accept header");
    }
    let body: any = {};
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        return error(res, 400, "bad_request", "Invalid JSON");
      }
    }
    const key = req.method === "POST" ? (req.headers["idempotency-key"] as string | undefined) : undefined;
    if (key && idempotent.has(key)) {
      const prior = idempotent.get(key)!;
      return json(res, prior.status, prior.body);
    }
    const answer = (status: number, b: unknown) => {
      if (key && status < 500) idempotent.set(key, { status, body: b });
      return json(res, status, b);
    };
    const seg = path.split("/").filter(Boolean);
    const now = () => stamp();

    // Accounts
    if (req.method === "POST" && path === "/accounts") {
      if (!body.code) return error(res, 422, "validation", "Code can't be blank", [{ param: "code", message: "can't be blank" }]);
      if (accounts.has(body.code)) return error(res, 422, "validation", "Code has already been taken", [{ param: "code", message: "has already been taken" }]);
      const token = body.billing_info?.token_id;
      if (token === "tok-declined") return error(res, 422, "transaction", "Your card was declined.", [{ param: "billing_info", message: "declined" }]);
      if (token === "tok-invalid") return error(res, 422, "validation", "Token is invalid or expired", [{ param: "billing_info.token_id", message: "is invalid" }]);
      const at = now();
      const a: Account = { id: id(), code: body.code, email: body.email ?? null, company: body.company ?? null, hosted_login_token: uuid(), has_past_due_invoice: false, billing_token: token ?? null, created_at: at, updated_at: at };
      accounts.set(a.code, a);
      return answer(201, accountView(a));
    }
    if (seg[0] === "accounts" && seg[1]) {
      const a = findAccount(seg[1]);
      if (!a) return error(res, 404, "not_found", `Couldn't find Account with ${seg[1].replace("code-", "code = ")}`);
      if (req.method === "GET" && seg.length === 2) return json(res, 200, accountView(a));
      if (req.method === "PUT" && seg[2] === "billing_info") {
        if (body.token_id === "tok-declined") return error(res, 422, "transaction", "Your card was declined.");
        if (body.token_id === "tok-invalid") return error(res, 422, "validation", "Token is invalid or expired", [{ param: "token_id", message: "is invalid" }]);
        a.billing_token = body.token_id ?? null;
        a.updated_at = now();
        return json(res, 200, { object: "billing_info", account_id: a.id, valid: true, updated_at: a.updated_at });
      }
    }
    // Subscriptions
    if (req.method === "POST" && path === "/subscriptions") {
      const a = body.account?.code ? accounts.get(body.account.code) : undefined;
      if (!a) return error(res, 422, "validation", "Account not found", [{ param: "account", message: "not found" }]);
      if (!PLANS.has(body.plan_code)) return error(res, 422, "validation", "Plan code is invalid", [{ param: "plan_code", message: "is invalid" }]);
      if (!a.billing_token) return error(res, 422, "validation", "Billing info can't be blank", [{ param: "billing_info", message: "can't be blank" }]);
      const at = now();
      const s: Subscription = {
        id: id(),
        uuid: uuid(),
        object: "subscription",
        state: "active",
        plan: { object: "plan_mini", id: id(), code: body.plan_code, name: body.plan_code },
        account: mini(a),
        currency: body.currency ?? "USD",
        current_period_started_at: at,
        current_period_ends_at: new Date(Date.parse(at) + 30 * 86_400_000).toISOString(),
        canceled_at: null,
        expires_at: null,
        created_at: at,
        updated_at: at,
        activated_at: at,
      };
      subs.set(s.id, s);
      return answer(201, s);
    }
    if (seg[0] === "subscriptions" && seg[1]) {
      const s = findSub(decodeURIComponent(seg[1]));
      if (!s) return error(res, 404, "not_found", `Couldn't find Subscription with id = ${seg[1]}`);
      if (req.method === "GET" && seg.length === 2) return json(res, 200, s);
      if (req.method === "POST" && seg[2] === "change") {
        if (!PLANS.has(body.plan_code)) return error(res, 422, "validation", "Plan code is invalid", [{ param: "plan_code", message: "is invalid" }]);
        if (s.state !== "active") return error(res, 422, "invalid_transition", `Subscription is ${s.state}`);
        const at = now();
        if (body.timeframe !== "renewal") {
          s.plan = { ...s.plan, code: body.plan_code, name: body.plan_code };
          s.updated_at = at;
        }
        return answer(201, { object: "subscription_change", id: id(), subscription_id: s.id, plan: { code: body.plan_code }, activate_at: body.timeframe === "renewal" ? s.current_period_ends_at : at, activated: body.timeframe !== "renewal", created_at: at });
      }
      if (req.method === "PUT" && seg[2] === "cancel") {
        if (s.state !== "active") return error(res, 422, "invalid_transition", `Subscription is ${s.state} and cannot be canceled`);
        s.state = "canceled";
        s.canceled_at = s.updated_at = now();
        s.expires_at = s.current_period_ends_at;
        return json(res, 200, s);
      }
      if (req.method === "PUT" && seg[2] === "reactivate") {
        if (s.state !== "canceled") return error(res, 422, "invalid_transition", `Subscription is ${s.state} and cannot be reactivated`);
        s.state = "active";
        s.canceled_at = s.expires_at = null;
        s.updated_at = now();
        return json(res, 200, s);
      }
      if (req.method === "POST" && seg[2] === "add_ons" && seg[3] && seg[4] === "usage") {
        const code = decodeURIComponent(seg[3]).replace(/^code-/, "");
        if (!(ADD_ONS[s.plan.code] ?? []).includes(code)) return error(res, 404, "not_found", `Couldn't find Subscription Add-on with code = ${code}`);
        if (typeof body.amount !== "number" || body.amount <= 0) return error(res, 422, "validation", "Amount must be greater than 0", [{ param: "amount", message: "must be greater than 0" }]);
        const u: Usage = { id: id(), subscription_id: s.id, add_on_code: code, amount: body.amount, merchant_tag: body.merchant_tag ?? null, usage_timestamp: body.usage_timestamp ?? null };
        usage.push(u);
        return answer(201, { object: "usage", ...u });
      }
    }
    return error(res, 404, "not_found", "The requested resource could not be found");
  }

  return {
    handle,
    /** /__control/recurly/…: set-state, account, sign, verify, usage, requests. */
    control(action: string, input: Record<string, any>, res: ServerResponse) {
      switch (action) {
        case "set-state": {
          // Recurly's own changes: renewals, dunning, expiry. Moves updated_at forward.
          const s = subs.get(input.subscriptionId);
          if (!s) return json(res, 404, {});
          if (input.state) s.state = input.state;
          if (input.periodEndsAt) s.current_period_ends_at = input.periodEndsAt;
          if (input.state === "expired") s.expires_at = stamp();
          if (input.pastDue !== undefined) {
            const a = accounts.get(s.account.code)!;
            a.has_past_due_invoice = input.pastDue;
            a.updated_at = stamp();
          }
          s.updated_at = stamp();
          return json(res, 200, s);
        }
        case "change-plan": {
          // A plan change made in Recurly's admin console.
          const s = subs.get(input.subscriptionId);
          if (!s) return json(res, 404, {});
          s.plan = { ...s.plan, code: input.planCode, name: input.planCode };
          s.updated_at = stamp();
          return json(res, 200, s);
        }
        case "subscription":
          return json(res, 200, findSub(input.id) ?? null);
        case "account":
          return json(res, 200, accounts.has(input.code) ? accountView(accounts.get(input.code)!) : null);
        case "sign": {
          const timestamp = String(input.timestamp ?? Date.now());
          const secret = String(input.secret ?? RECURLY_WEBHOOK_SECRET);
          return json(res, 200, { header: `${timestamp},${recurlyReferenceSign(secret, timestamp, String(input.body))}` });
        }
        case "verify":
          return json(res, 200, { valid: recurlyReferenceVerify(String(input.secret ?? RECURLY_WEBHOOK_SECRET), String(input.header), String(input.body), Number(input.now ?? Date.now())) });
        case "usage":
          return json(res, 200, usage.filter((u) => u.subscription_id === input.subscriptionId));
        case "requests":
          return json(res, 200, requests.filter((r) => !input.contains || r.path.includes(input.contains)));
        default:
          return json(res, 404, {});
      }
    },
  };
}
