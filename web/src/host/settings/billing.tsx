// Setup › Billing (owner): the plan in force, the subscription's state, this month's texts per
// location, notices, and the changes the subscription allows (change plan, cancel at period end,
// reactivate), plus Recurly's hosted page for invoices and the card. Subscribing needs a card
// tokenized by Recurly.js, which this app does not load (see the note on the page).
import { useEffect, useState } from "preact/hooks";
import { ApiError, errorText } from "../../shared/api";
import type { Billing, Plan } from "../../shared/types";
import { authed } from "../session";
import { billingActions, price } from "./billing-actions";
import { useConfirm } from "./confirm-dialog";
import { FormMessage, Section } from "./fields";

const STATUS: Record<Billing["status"], string> = { none: "No subscription", pending: "Starting", active: "Active", canceled: "Canceled at period end", past_due: "Payment past due", expired: "Ended" };
const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString([], { day: "numeric", month: "long", year: "numeric" }) : "–");
const count = (n: number) => (n >= 1e8 ? "no limit" : n.toLocaleString());

export function BillingPage({ isOwner }: { isOwner: boolean }) {
  const [b, setB] = useState<Billing | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [msg, setMsg] = useState<{ text: string; error: boolean } | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const [configured, setConfigured] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmIt, dialog] = useConfirm();
  useEffect(() => {
    if (!isOwner) return;
    authed<Billing>("/api/billing").then(setB, (e) => setLoadError(errorText(e)));
    // The hosted-page call says whether this instance has a Recurly site at all.
    authed<{ url: string }>("/api/billing/account-link").then(
      (r) => { setConfigured(true); setLink(r.url); },
      (e) => setConfigured(!(e instanceof ApiError && e.code === "billing_not_configured")),
    );
  }, [isOwner]);
  if (!isOwner) return <Section title="Billing"><p>Billing is for the account's owner. Ask them to change the plan.</p></Section>;
  if (loadError) return <div class="alert error" role="alert">{loadError}</div>;
  if (!b) return <span class="spinner" aria-label="Loading billing" />;
  const can = billingActions(b);

  async function act(path: string, body: unknown, done: string) {
    setBusy(true);
    setMsg(null);
    try {
      setB(await authed<Billing>(`/api/billing/subscription${path}`, { method: "POST", body }));
      setMsg({ text: done, error: false });
    } catch (e) {
      setMsg({ text: errorText(e), error: true });
    } finally {
      setBusy(false);
    }
  }
  const cancel = async () => {
    if (await confirmIt("Cancel the subscription?", `The ${b.plan.name} plan stays until ${day(b.periodEnd)}; then the Free plan's limits apply. Nothing is deleted, and you can reactivate until then.`, "Cancel at period end")) {
      await act("/cancel", undefined, "Canceled: the plan runs to the end of the period.");
    }
  };
  const change = async (p: Plan, timeframe: "now" | "renewal") => {
    const when = timeframe === "now" ? "now (Recurly prorates the difference)" : `at renewal on ${day(b.periodEnd)}`;
    if (await confirmIt(`Switch to ${p.name}?`, `${p.name} at ${price(p.priceCents)} a month, ${when}.`, `Switch to ${p.name}`, false)) {
      await act("/change", { planCode: p.code, timeframe }, timeframe === "now" ? `You are on ${p.name} now.` : `${p.name} starts at renewal.`);
    }
  };
  const openLink = async () => {
    try {
      setLink((await authed<{ url: string }>("/api/billing/account-link")).url);
    } catch (e) {
      setMsg({ text: errorText(e), error: true });
    }
  };

  return (
    <Section title="Billing">
      {dialog}
      {b.notices.map((n) => <div class={`alert ${n.level === "error" ? "error" : n.level === "warning" ? "warning" : "info"}`} role={n.level === "error" ? "alert" : "status"} key={n.code}>{n.message}</div>)}
      <FormMessage message={msg?.text ?? null} error={!!msg?.error} />
      <div class="card plan-card" data-testid="plan">
        <p class="muted small">Plan in force</p>
        <h3>{b.plan.name} {b.plan.priceCents ? <span class="muted">· {price(b.plan.priceCents)} a month</span> : null}</h3>
        <dl class="facts">
          <dt>Subscription</dt><dd data-testid="billing-status">{STATUS[b.status]}{b.subscribedPlan && b.subscribedPlan.code !== b.plan.code ? ` (${b.subscribedPlan.name})` : ""}</dd>
          {b.periodEnd ? <><dt>{b.cancelAtPeriodEnd ? "Ends on" : "Renews on"}</dt><dd>{day(b.periodEnd)}</dd></> : null}
          {b.graceEndsAt ? <><dt>Grace period ends</dt><dd>{day(b.graceEndsAt)}</dd></> : null}
          <dt>Locations</dt><dd>{count(b.plan.locationsAllowed)}</dd>
          <dt>Texts per location a month</dt><dd>{count(b.plan.smsPerLocationPerMonth)}{b.plan.allowOverage ? ", then billed per text" : ""}</dd>
        </dl>
        <div class="row">
          {can.cancel ? <button class="btn danger" disabled={busy} onClick={cancel}>Cancel subscription</button> : null}
          {can.reactivate ? <button class="btn primary" disabled={busy} onClick={() => act("/reactivate", undefined, "Reactivated: the plan renews as before.")}>Reactivate</button> : null}
          {can.accountLink ? (link ? <a class="btn" href={link} target="_blank" rel="noopener">Invoices and card (Recurly)</a> : <button class="btn" onClick={openLink}>Invoices and card</button>) : null}
        </div>
      </div>

      <h3>Texts this month</h3>
      <table class="list usage">
        <thead><tr><th scope="col">Location</th><th scope="col">Month</th><th scope="col">Sent</th><th scope="col">Allowance</th></tr></thead>
        <tbody>
          {b.usage.map((u) => (
            <tr key={u.locationId}>
              <th scope="row">{u.name}</th>
              <td>{u.month}</td>
              <td>{u.count.toLocaleString()}{u.overage ? ` (${u.overage} over)` : ""}</td>
              <td>{u.allowance >= 1e8 ? "no limit" : <><meter min={0} max={u.allowance} value={u.count} aria-label={`${u.name}: ${u.count} of ${u.allowance} texts`} /> {u.allowance.toLocaleString()}</>}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>Plans</h3>
      <table class="list plans">
        <thead><tr><th scope="col">Plan</th><th scope="col">Price</th><th scope="col">Locations</th><th scope="col">Texts / location / month</th><th scope="col">Includes</th><th scope="col"><span class="sr-only">Change</span></th></tr></thead>
        <tbody>
          {b.plans.map((p) => (
            <tr key={p.code} data-plan={p.code}>
              <th scope="row">{p.name}{b.subscribedPlan?.code === p.code ? <span class="tag ok">yours</span> : null}</th>
              <td>{price(p.priceCents)} a month</td>
              <td>{p.locationsAllowed}</td>
              <td>{p.smsPerLocationPerMonth.toLocaleString()}{p.allowOverage ? " + overage" : ""}</td>
              <td class="small">{[p.features.selfCheckIn && "self check-in", p.features.bookings && "bookings", p.features.twoWaySms && "two-way SMS", p.features.apiAccess && "API access"].filter(Boolean).join(", ")}</td>
              <td>
                {can.changeTo.some((x) => x.code === p.code) ? (
                  <div class="row nowrap">
                    <button class="btn small" disabled={busy} onClick={() => change(p, "now")} aria-label={`Switch to ${p.name} now`}>Switch now</button>
                    <button class="btn small" disabled={busy} onClick={() => change(p, "renewal")} aria-label={`Switch to ${p.name} at renewal`}>At renewal</button>
                  </div>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {can.subscribe ? (
        <div class="alert info" data-testid="subscribe-note">
          {configured === false
            ? "This Seatline instance has no Recurly site configured (RECURLY_SUBDOMAIN and RECURLY_API_KEY), so no plan can be bought here; a self-hosted instance runs on its default plan."
            : "Subscribing takes a card, entered in Recurly's own secure form (Recurly.js). That form is not part of this app yet; the API takes its token at POST /api/billing/subscription."}
        </div>
      ) : null}
    </Section>
  );
}
