// The account's plan and Recurly subscription (owner only). Card data never reaches Seatline: the
// browser tokenizes it with Recurly.js and sends only the token (billingToken).
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { requireAuth, requireRole } from "../auth/middleware";
import { entitlementsFor, type Entitlements, type Notice } from "../billing/entitlements";
import { PLANS, planByCode, planView } from "../billing/plans";
import * as billing from "../billing/service";
import { NEAR_ALLOWANCE } from "../billing/usage";
import { db } from "../db/client";
import type { AppEnv } from "../env";
import { audit, type AuditAction } from "../lib/audit";
import { isoOrNull, now } from "../lib/clock";
import { bearer, errors, jsonBody, jsonResponse, router } from "./openapi";
import { clientIp } from "../lib/request";

const PlanSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    priceCents: z.number().int(),
    locationsAllowed: z.number().int(),
    smsPerLocationPerMonth: z.number().int(),
    allowOverage: z.boolean(),
    features: z.object({ selfCheckIn: z.boolean(), bookings: z.boolean(), twoWaySms: z.boolean(), apiAccess: z.boolean() }),
  })
  .openapi("Plan");

const NoticeSchema = z.object({ code: z.string(), level: z.enum(["info", "warning", "error"]), message: z.string() }).openapi("BillingNotice");

const BillingSchema = z
  .object({
    plan: PlanSchema,
    subscribedPlan: PlanSchema.nullable(),
    status: z.enum(["none", "pending", "active", "canceled", "past_due", "expired"]),
    periodEnd: z.string().nullable(),
    cancelAtPeriodEnd: z.boolean(),
    pastDueSince: z.string().nullable(),
    graceEndsAt: z.string().nullable(),
    usage: z.array(
      z.object({
        locationId: z.string(),
        name: z.string(),
        timezone: z.string(),
        month: z.string().openapi({ example: "2026-12" }),
        count: z.number().int(),
        allowance: z.number().int(),
        overage: z.number().int(),
        overageReported: z.number().int(),
      }),
    ),
    notices: z.array(NoticeSchema),
    plans: z.array(PlanSchema),
  })
  .openapi("Billing");

const planCode = z
  .string()
  .max(64)
  .refine((c) => planByCode(c)?.purchasable === true, { message: `Choose one of: ${PLANS.filter((p) => p.purchasable).map((p) => p.code).join(", ")}.` });
// Recurly.js tokens are short opaque ids; anything that looks like a card number is refused.
const billingToken = z
  .string()
  .trim()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/, { message: "Send the token Recurly.js returned (letters, digits, - and _), never card data." });

const tags = ["Billing"];
export const billingRoutes = router();
billingRoutes.use("/billing", requireAuth, requireRole("owner"));
billingRoutes.use("/billing/*", requireAuth, requireRole("owner"));

async function view(c: Context<AppEnv>) {
  const at = now();
  const accountId = c.get("auth").accountId;
  const e: Entitlements = await entitlementsFor(c.env, accountId, at);
  const usage = (await billing.usageByLocation(c.env, accountId, at)).map((u) => ({ ...u, allowance: e.plan.smsPerLocationPerMonth }));
  const notices: Notice[] = [...e.notices];
  for (const u of usage) {
    if (u.count >= u.allowance) {
      notices.push(
        e.plan.allowOverage
          ? { code: "sms_overage", level: "info", message: `${u.name} has used this month's ${u.allowance} texts; more are billed as overage.` }
          : {
              code: "sms_allowance_exhausted",
              level: "error",
              message: `${u.name} has used all ${u.allowance} texts of this month; texts are held back until next month. Upgrade to send more.`,
            },
      );
    } else if (u.count >= Math.ceil(u.allowance * NEAR_ALLOWANCE)) {
      notices.push({ code: "sms_allowance_near", level: "warning", message: `${u.name} has used ${u.count} of this month's ${u.allowance} texts.` });
    }
  }
  return {
    plan: planView(e.plan),
    subscribedPlan: e.subscribedPlan ? planView(e.subscribedPlan) : null,
    status: e.status,
    periodEnd: isoOrNull(e.periodEnd),
    cancelAtPeriodEnd: e.cancelAtPeriodEnd,
    pastDueSince: isoOrNull(e.pastDueSince),
    graceEndsAt: isoOrNull(e.graceEndsAt),
    usage,
    notices,
    plans: PLANS.filter((p) => p.purchasable).map(planView),
  };
}

async function record(c: Context<AppEnv>, action: AuditAction, detail: Record<string, unknown> = {}) {
  const auth = c.get("auth");
  await audit(db(c.env.DB), { accountId: auth.accountId, userId: auth.userId, action, targetType: "account", targetId: auth.accountId, ip: clientIp(c), detail, at: now() });
}

const ok = (description: string) => jsonResponse(BillingSchema, description);
const billingErrors = { ...errors(400, 401, 403, 409, 413), 422: { description: "Recurly refused (its message)", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } } };

billingRoutes.openapi(
  createRoute({
    method: "get",
    path: "/billing",
    tags,
    summary: "The plan, subscription status, this month's SMS use per location, and notices (owner)",
    security: bearer,
    responses: { 200: ok("Billing"), ...errors(401, 403) },
  }),
  async (c) => c.json(await view(c), 200),
);

billingRoutes.openapi(
  createRoute({
    method: "post",
    path: "/billing/subscription",
    tags,
    summary: "Subscribe (or update the card and plan of the live subscription) with a Recurly.js token (owner)",
    security: bearer,
    request: jsonBody(z.object({ planCode, billingToken }).strict()),
    responses: { 201: ok("Subscribed"), 200: ok("Updated"), ...billingErrors },
  }),
  async (c) => {
    const input = c.req.valid("json");
    const auth = c.get("auth");
    const { created } = await billing.subscribe(c.env, auth.accountId, { ...input, email: auth.email }, now());
    await record(c, "billing.subscribed", { planCode: input.planCode, created });
    return c.json(await view(c), created ? 201 : 200);
  },
);

billingRoutes.openapi(
  createRoute({
    method: "post",
    path: "/billing/subscription/change",
    tags,
    summary: "Upgrade or downgrade (owner); timeframe now (default, prorated by Recurly) or at renewal",
    security: bearer,
    request: jsonBody(z.object({ planCode, timeframe: z.enum(["now", "renewal"]).optional() }).strict()),
    responses: { 200: ok("Changed"), ...billingErrors },
  }),
  async (c) => {
    const input = c.req.valid("json");
    await billing.changePlan(c.env, c.get("auth").accountId, input.planCode, input.timeframe ?? "now", now());
    await record(c, "billing.plan_changed", { planCode: input.planCode, timeframe: input.timeframe ?? "now" });
    return c.json(await view(c), 200);
  },
);

billingRoutes.openapi(
  createRoute({
    method: "post",
    path: "/billing/subscription/cancel",
    tags,
    summary: "Cancel at the end of the current period (owner); the plan stays until then",
    security: bearer,
    responses: { 200: ok("Canceled at period end"), ...errors(401, 403, 409), 422: billingErrors[422] },
  }),
  async (c) => {
    await billing.cancel(c.env, c.get("auth").accountId, now());
    await record(c, "billing.canceled");
    return c.json(await view(c), 200);
  },
);

billingRoutes.openapi(
  createRoute({
    method: "post",
    path: "/billing/subscription/reactivate",
    tags,
    summary: "Undo a cancellation before the period ends (owner)",
    security: bearer,
    responses: { 200: ok("Reactivated"), ...errors(401, 403, 409), 422: billingErrors[422] },
  }),
  async (c) => {
    await billing.reactivate(c.env, c.get("auth").accountId, now());
    await record(c, "billing.reactivated");
    return c.json(await view(c), 200);
  },
);

billingRoutes.openapi(
  createRoute({
    method: "get",
    path: "/billing/account-link",
    tags,
    summary: "A link to Recurly's hosted account page (invoices, card) for this account (owner)",
    security: bearer,
    responses: { 200: jsonResponse(z.object({ url: z.string() }), "Link"), ...errors(401, 403, 409) },
  }),
  async (c) => c.json({ url: await billing.hostedLink(c.env, c.get("auth").accountId) }, 200),
);
