#!/usr/bin/env node
// Browser tests: one stack start for all of them. Usage: node test/browser/run.mjs
// (SEATLINE_BROWSER_PORT picks the port, 8807 by default; CHROMIUM_PATH the browser;
// SEATLINE_BROWSER_SUITES=host-add,host-line runs only the named suites, in the order given — the
// host-* suites sign up their own owner and need no earlier suite; SEATLINE_BROWSER_KEEP_GOING=1 runs
// every flow of those suites even after a failure, to see at once which ones fail). The sms-simulator
// suite starts its own stack with the SMS simulator on SEATLINE_BROWSER_PORT + 2 and + 3, after the
// shared stack has stopped.
import { launchBrowser, SCREENSHOTS, startStack } from "./harness.mjs";
import { authFlows } from "./auth.flow.mjs";
import { liveFlows } from "./live.flow.mjs";
import { settingsFlows } from "./settings.flow.mjs";
import { conversationFlows } from "./conversation.flow.mjs";
import { bookingFlows } from "./booking.flow.mjs";
import { setupFlows } from "./setup.flow.mjs";
import { qrFlows } from "./qr.flow.mjs";
import { historyFlows } from "./history.flow.mjs";
import { smsCostFlows } from "./sms-cost.flow.mjs";
import { accountFlows } from "./account.flow.mjs";
import { developerFlows } from "./developer.flow.mjs";
import { liveEndedFlows } from "./live-ended.flow.mjs";
import { hostSuites } from "./host-suites.mjs";
import { guestFlows } from "./guest.flow.mjs";
import { insightsFlows } from "./insights.flow.mjs";
import { floorFlows } from "./floor.flow.mjs";
import { smsSimulatorFlows } from "./sms-simulator.flow.mjs";
import { brandingFlows } from "./branding.flow.mjs";
import { docsFlows } from "./docs.flow.mjs";
import { boardFlows } from "./board.flow.mjs";
import { widgetFlows } from "./widget.flow.mjs";
import { kioskFlows } from "./kiosk.flow.mjs";

const port = Number(process.env.SEATLINE_BROWSER_PORT ?? 8807);
// Suites that start a stack of their own (after the shared one has stopped, so two never run at once).
const ownStack = { "sms-simulator": smsSimulatorFlows };
const all = { auth: authFlows, live: liveFlows, conversation: conversationFlows, settings: settingsFlows, booking: bookingFlows, setup: setupFlows, qr: qrFlows, history: historyFlows, "sms-cost": smsCostFlows, developer: developerFlows, account: accountFlows, "live-ended": liveEndedFlows, ...hostSuites, guest: guestFlows, insights: insightsFlows, floor: floorFlows, docs: docsFlows, branding: brandingFlows, board: boardFlows, widget: widgetFlows, kiosk: kioskFlows };
const only = process.env.SEATLINE_BROWSER_SUITES?.split(",").map((s) => s.trim()).filter(Boolean);
for (const name of only ?? []) if (!all[name] && !ownStack[name]) throw new Error(`no browser suite named ${name}; there are: ${[...Object.keys(all), ...Object.keys(ownStack)].join(", ")}`);
const suites = (only ?? Object.keys(all)).filter((name) => all[name]).map((name) => all[name]);
const ownStackSuites = (only ?? Object.keys(ownStack)).filter((name) => ownStack[name]).map((name) => ownStack[name]);
const keepGoing = process.env.SEATLINE_BROWSER_KEEP_GOING === "1";

let stack;
let browser;
// Ctrl-C or a kill still stops the stack (its own process group).
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => { stack?.stop(); process.exit(130); });
let failed = 0;
let passed = 0;
const started = Date.now();
async function runSuites(list, ctx) {
  for (const suite of list) {
    for (const [name, fn] of suite) {
      const t = Date.now();
      try {
        await fn(ctx);
        passed += 1;
        console.log(`  ✓ ${name} (${Date.now() - t} ms)`);
      } catch (err) {
        failed += 1;
        if (process.env.SEATLINE_BROWSER_DUMP && stack?.output) console.log(stack.output().slice(-8000));
        console.log(`  ✗ ${name}\n${String(err.stack ?? err).replace(/^/gm, "      ")}`);
        // Later flows build on earlier ones; stop at the first failure.
        if (!keepGoing) break;
      }
    }
    if (failed && !keepGoing) break;
  }
}

try {
  browser = await launchBrowser();
  if (suites.length) {
    // SEATLINE_BROWSER_BASE reuses a stack already running (npm start on another port) while iterating.
    if (process.env.SEATLINE_BROWSER_BASE) stack = { base: process.env.SEATLINE_BROWSER_BASE, stop() {} };
    else {
      console.log(`• Starting the stack on port ${port} with empty local state…`);
      stack = await startStack(port);
    }
    await runSuites(suites, { base: stack.base, browser });
    stack.stop();
    stack = null;
  }
  // Each of these starts its own stack, on port + 2 (and + 3): the shared one may still be letting go of its ports.
  if (ownStackSuites.length && (!failed || keepGoing)) await runSuites(ownStackSuites, { browser, port: port + 2 });
} catch (err) {
  failed += 1;
  console.error(`✗ ${err.stack ?? err}`);
} finally {
  await browser?.close().catch(() => {});
  stack?.stop();
}
console.log(`\nBrowser tests: ${passed} passed, ${failed} failed in ${Math.round((Date.now() - started) / 1000)} s. Screenshots: ${SCREENSHOTS}`);
process.exit(failed ? 1 : 0);
