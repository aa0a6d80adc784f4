// The browser tests' harness: starts `npm start`'s stack (scripts/start.mjs) on its own port with an
// empty state directory, drives Debian's chromium through playwright-core, saves screenshots, and
// stops everything at the end, also on failure.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

export const root = new URL("../..", import.meta.url).pathname;
export const SCREENSHOTS = join(root, "test/browser/screenshots");
export const SIZES = { tablet: { width: 1024, height: 768 }, phone: { width: 390, height: 844 } };
/** Generous: speed is the benchmarks' job, not a test's. */
export const WAIT = 30_000;

/** The Twilio auth token the stack checks guests' replies with when texts go to the dev outbox. */
export const TWILIO_WEBHOOK_TOKEN = (process.env.SEATLINE_TWILIO_WEBHOOK_TOKEN ??= randomBytes(24).toString("hex"));

/**
 * `smsSimulator`: texts go to npm start's SMS simulator (fake Twilio and Telnyx on port + 1), for the
 * flow that watches failover and opt-outs; otherwise to the dev outbox, where the other flows read them.
 */
export async function startStack(port, { smsSimulator = false } = {}) {
  const state = mkdtempSync(join(tmpdir(), "seatline-browser-state-"));
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      SEATLINE_PERSIST_DIR: state,
      SMS_SIMULATOR: smsSimulator ? "on" : "off",
      SMS_SIMULATOR_PORT: String(port + 1),
      SMS_PRIMARY_PROVIDER: "twilio",
      // With the dev outbox, guests' replies are still accepted, signed with this token (host-helpers.mjs guestReply).
      SEATLINE_TWILIO_WEBHOOK_TOKEN: TWILIO_WEBHOOK_TOKEN,
    },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so stopping it stops wrangler and workerd too.
    detached: true,
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  const stop = () => {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
    rmSync(state, { recursive: true, force: true });
  };
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      stop();
      throw new Error(`npm start's stack exited (${child.exitCode}):\n${output}`);
    }
    if (output.includes("Ctrl-C stops it")) {
      try {
        if ((await fetch(`${base}/api/openapi.json`)).ok) return { base, stop, output: () => output };
      } catch {
        // not yet
      }
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  stop();
  throw new Error(`the stack did not start within 180 s:\n${output}`);
}

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-quic",
  "--no-first-run",
  "--disable-sync",
];

export async function launchBrowser() {
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(executablePath)) throw new Error(`${executablePath} is missing: apt-get install -y chromium`);
  // playwright launches every browser with a fresh temporary --user-data-dir of its own.
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

/** A page that fails the test on any request that leaves the app's own origin. */
export async function newPage(context, base) {
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT);
  page.on("request", (req) => {
    const url = req.url();
    if (!url.startsWith(base) && !url.startsWith("data:") && !url.startsWith("ws://127.0.0.1")) {
      page.__external = (page.__external ?? []).concat(url);
    }
  });
  page.on("console", (msg) => {
    if (msg.type() === "error") page.__errors = (page.__errors ?? []).concat(msg.text());
  });
  page.on("pageerror", (err) => (page.__errors = (page.__errors ?? []).concat(String(err))));
  return page;
}

export function assertNoExternal(page) {
  if (page.__external?.length) throw new Error(`external requests: ${page.__external.join(", ")}`);
  const csp = (page.__errors ?? []).filter((e) => /Content Security Policy/i.test(e));
  if (csp.length) throw new Error(`CSP violations: ${csp.join("; ")}`);
}

/** Every visible control has an accessible name (a label, aria-label or text). */
export async function assertLabelled(page) {
  const unnamed = await page.evaluate(() =>
    [...document.querySelectorAll("input, select, textarea, button, a[href]")]
      .filter((el) => el.offsetParent !== null || el.getClientRects().length > 0)
      .filter((el) => {
        const text = (el.getAttribute("aria-label") ?? "") + (el.labels ? [...el.labels].map((l) => l.textContent).join("") : "");
        const own = el.matches("button, a") ? el.textContent : "";
        return !(text + own).trim() && !el.getAttribute("aria-labelledby");
      })
      .map((el) => el.outerHTML.slice(0, 120)),
  );
  if (unnamed.length) throw new Error(`controls without an accessible name on ${page.url()}:\n${unnamed.join("\n")}`);
}

/** Screenshots of the page as it is now at tablet and phone sizes, then back to tablet. */
export async function screenshots(page, name) {
  await assertLabelled(page);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const before = page.viewportSize();
  for (const [size, viewport] of Object.entries(SIZES)) {
    await page.setViewportSize(viewport);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${size}.png`), fullPage: size === "phone" });
  }
  if (before) await page.setViewportSize(before);
}

export async function waitFor(probe, what, timeout = WAIT) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === "function" ? what() : what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export function assert(cond, message) {
  if (!cond) throw new Error(`assertion failed: ${message}`);
}

/** The newest email in the dev outbox to `to` whose subject matches, and the app link in it. */
export async function emailLink(base, to, subject) {
  const email = await waitFor(async () => {
    const res = await fetch(`${base}/api/dev/outbox`);
    const { emails } = await res.json();
    return emails.find((e) => e.to === to && subject.test(e.subject));
  }, `an email to ${to}`);
  const url = (email.text.match(/https?:\/\/\S+/g) ?? []).find((u) => /\/(signup|invite|reset-password)\//.test(u));
  assert(url, `a link in: ${email.text}`);
  return new URL(url).pathname;
}
