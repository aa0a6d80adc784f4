// Plans as configuration. The codes of the paid plans are the plan codes created in Recurly (README,
// "Billing"); limits and features live here, not in Recurly, so a plan's rules are reviewed with
// the code that enforces them.

export const FEATURES = ["selfCheckIn", "bookings", "twoWaySms", "apiAccess"] as const;
export type Feature = (typeof FEATURES)[number];

export interface Plan {
  code: string;
  name: string;
  /** Monthly price in US cents (what the plan in Recurly charges; shown in the app). */
  priceCents: number;
  /** Whether an owner can subscribe to it through POST /api/billing/subscription. */
  purchasable: boolean;
  locationsAllowed: number;
  smsPerLocationPerMonth: number;
  /** Past the allowance texts keep going and are reported to Recurly as usage on the add-on. */
  allowOverage: boolean;
  features: Record<Feature, boolean>;
}

/** The Recurly add-on (usage type, on plans that allow overage) that SMS overage is reported on. */
export const SMS_OVERAGE_ADD_ON = "sms_overage";
export const SMS_OVERAGE_PRICE_CENTS = 4;

const UNLIMITED = 1_000_000_000;

export const PLANS: readonly Plan[] = [
  {
    code: "free",
    name: "Free",
    priceCents: 0,
    purchasable: false,
    locationsAllowed: 1,
    smsPerLocationPerMonth: 50,
    allowOverage: false,
    features: { selfCheckIn: false, bookings: false, twoWaySms: false, apiAccess: false },
  },
  {
    code: "starter",
    name: "Starter",
    priceCents: 3900,
    purchasable: true,
    locationsAllowed: 1,
    smsPerLocationPerMonth: 500,
    allowOverage: false,
    features: { selfCheckIn: true, bookings: true, twoWaySms: true, apiAccess: false },
  },
  {
    code: "pro",
    name: "Pro",
    priceCents: 9900,
    purchasable: true,
    locationsAllowed: 5,
    smsPerLocationPerMonth: 2000,
    allowOverage: true,
    features: { selfCheckIn: true, bookings: true, twoWaySms: true, apiAccess: true },
  },
  {
    // Self-hosted instances that do not bill (BILLING_DEFAULT_PLAN="unlimited"): everything, no limits.
    code: "unlimited",
    name: "Unlimited (self-hosted)",
    priceCents: 0,
    purchasable: false,
    locationsAllowed: UNLIMITED,
    smsPerLocationPerMonth: UNLIMITED,
    allowOverage: false,
    features: { selfCheckIn: true, bookings: true, twoWaySms: true, apiAccess: true },
  },
];

export const FREE_PLAN_CODE = "free";

export function planByCode(code: string): Plan | undefined {
  return PLANS.find((p) => p.code === code);
}

/** The plan an account is on when it has no subscription, or when a paid one lapsed. */
export function defaultPlan(configured: string | undefined): Plan {
  return planByCode(configured || FREE_PLAN_CODE) ?? planByCode(FREE_PLAN_CODE)!;
}

/** The cheapest purchasable plan with `feature`, or that allows `locations`: named in a 402. */
export function cheapestPlanWith(need: { feature?: Feature; locations?: number }): Plan | undefined {
  return PLANS.filter((p) => p.purchasable)
    .filter((p) => (need.feature ? p.features[need.feature] : true) && (need.locations !== undefined ? p.locationsAllowed >= need.locations : true))
    .sort((a, b) => a.priceCents - b.priceCents)[0];
}

export function planView(p: Plan) {
  return {
    code: p.code,
    name: p.name,
    priceCents: p.priceCents,
    locationsAllowed: p.locationsAllowed,
    smsPerLocationPerMonth: p.smsPerLocationPerMonth,
    allowOverage: p.allowOverage,
    features: { ...p.features },
  };
}
