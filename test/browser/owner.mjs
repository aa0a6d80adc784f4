// A new owner with an empty account, signed up through the app (sign-up form, emailed link), for the
// flows that must start from nothing and must not share an account with the other flows.
import { assert, emailLink, newPage, WAIT } from "./harness.mjs";

export const OWNER_PASSWORD = "Quay-Lantern-77";
let owners = 0;

export async function signUpOwner(ctx, restaurant, viewport = { width: 1024, height: 768 }) {
  const email = `setup.${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 6)}@example.com`;
  // Each owner is its own restaurant on its own network: the stack trusts CF-Connecting-IP (as behind
  // Cloudflare), so every owner's browser gets a distinct documentation address, and the per-network
  // sign-up limit (10 an hour) applies to each as it would in the field.
  owners += 1;
  const clientIp = `198.51.${100 + Math.floor(owners / 250)}.${(owners % 250) + 1}`;
  const context = await ctx.browser.newContext({ viewport, acceptDownloads: true, extraHTTPHeaders: { "CF-Connecting-IP": clientIp } });
  const page = await newPage(context, ctx.base);
  await page.goto(`${ctx.base}/signup`);
  await page.getByLabel("Restaurant name").fill(restaurant);
  await page.getByLabel("Your name").fill("Noor Haddad");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(OWNER_PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByTestId("signup-sent").waitFor();
  await page.goto(`${ctx.base}${await emailLink(ctx.base, email, /confirm|finish|sign/i)}`);
  await page.waitForURL(`${ctx.base}/app`, { timeout: WAIT });
  const session = await page.evaluate(() => JSON.parse(localStorage.getItem("seatline.session")));
  assert(session?.token, "signed in after confirming");
  const api = async (path, init = {}) => {
    const res = await fetch(`${ctx.base}${path}`, { ...init, headers: { authorization: `Bearer ${session.token}`, "content-type": "application/json", ...init.headers } });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  const { body } = await api("/api/locations");
  return { email, password: OWNER_PASSWORD, context, page, session, api, location: body.locations[0] };
}

/** Today's date and `days` later as YYYY-MM-DD in a time zone. */
export function localDay(timeZone, days = 0) {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(Date.now() + days * 86_400_000);
}
