// Shared steps of the host-screen flows (host-*.flow.mjs): a fresh owner per suite, parties added
// through the API where the flow is not about adding, and one check per state visited — axe-core
// and a screenshot at both the tablet (1024×768) and the phone (390×844) size.
import { join } from "node:path";
import { mkdirSync } from "node:fs";
import { assertNoAxeViolations } from "./axe.mjs";
import { randomBytes } from "node:crypto";
import { assertLabelled, SCREENSHOTS, SIZES, TWILIO_WEBHOOK_TOKEN, waitFor } from "./harness.mjs";
import { twilioSignature } from "../../scripts/sms-simulator.mjs";
import { signUpOwner } from "./owner.mjs";

export const row = (page, name) => page.locator(`li.party[data-party="${name}"]`);

/** Waits until the host screen has its first snapshot. */
export async function live(page) {
  await waitFor(() => page.evaluate(() => (window.seatline?.version() ?? -1) >= 0), "the host screen's snapshot");
}

/** A new owner on the host screen of their own new location. */
export async function hostOwner(ctx, restaurant, options = {}) {
  const owner = await signUpOwner(ctx, restaurant);
  if (options.settings) {
    const r = await owner.api(`/api/locations/${owner.location.id}/waitlist-settings`, { method: "PATCH", body: JSON.stringify(options.settings) });
    if (r.status !== 200) throw new Error(`waitlist settings: ${r.status} ${JSON.stringify(r.body)}`);
  }
  await owner.page.goto(`${ctx.base}/app`);
  await live(owner.page);
  return owner;
}

export async function addViaApi(owner, party) {
  const r = await owner.api(`/api/locations/${owner.location.id}/waitlist`, { method: "POST", body: JSON.stringify(party) });
  if (r.status !== 201) throw new Error(`add ${party.name}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** A guest's text back, through Twilio's inbound webhook, signed as Twilio signs it. */
export async function guestReply(ctx, from, body) {
  const url = `${ctx.base}/webhooks/twilio/inbound`;
  const sid = `SM${randomBytes(16).toString("hex")}`;
  const params = { AccountSid: "ACbrowserflows00000000000000000000", MessageSid: sid, SmsSid: sid, From: from, To: "+15005550006", Body: body, NumMedia: "0" };
  const res = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": twilioSignature(TWILIO_WEBHOOK_TOKEN, url, Object.entries(params)) },
    body: new URLSearchParams(params),
  });
  if (res.status !== 200) throw new Error(`inbound webhook answered ${res.status} ${await res.text()}`);
}

export async function partyNamed(owner, name) {
  const r = await owner.api(`/api/locations/${owner.location.id}/waitlist`);
  return r.body.parties.find((p) => p.name === name) ?? null;
}

const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/**
 * axe-core finds nothing, every control is named, and screenshots at tablet and phone size. The page
 * is judged from its top: scrolled, rows half under the sticky top bar count as obscured targets.
 */
export async function check(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const before = page.viewportSize();
  await page.evaluate(() => scrollTo(0, 0));
  for (const [size, viewport] of Object.entries(SIZES)) {
    await page.setViewportSize(viewport);
    await frames(page);
    await assertLabelled(page);
    await assertNoAxeViolations(page, `${name} at ${size} size`);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${size}.png`), fullPage: size === "phone" });
  }
  if (before) await page.setViewportSize(before);
  await frames(page);
}

/** The bounding boxes of two locators do not overlap. */
export function overlaps(a, b) {
  return !(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y);
}
