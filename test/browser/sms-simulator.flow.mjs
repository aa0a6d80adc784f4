// Watching failover and opt-outs on one machine (issue 23, "a local way to watch it"): `npm start`'s
// stack with its SMS simulator (a fake Twilio as primary, a fake Telnyx as failover), driven as a
// developer would — the simulator's page to flip a provider's switch and reply as a guest, the host
// API to text — and checked on both sides: what each fake provider took, and what the Worker
// recorded (GET /api/dev/sms, which the page shows too).
import { assertNoAxeViolations } from "./axe.mjs";
import { assert, assertNoExternal, newPage, screenshots, startStack, waitFor } from "./harness.mjs";

// The demo owner npm start seeds (scripts/start.mjs, DEMO).
const DEMO = { email: "demo@seatline.local", password: "Seatline-demo-1", locationId: "00000000-0000-4000-8000-000000000003" };

const randomPhone = () => `+1415555${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`;

export const smsSimulatorFlows = [
  [
    "SMS simulator: a text fails over to Telnyx while Twilio is down, a slow Twilio texts once, STOP through either provider opts the number out",
    async (ctx) => {
      const stack = await startStack(ctx.port, { smsSimulator: true });
      const sim = `http://127.0.0.1:${ctx.port + 1}`;
      const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 } });
      try {
        const base = stack.base;
        const json = async (url, init = {}) => {
          const res = await fetch(url, { ...init, headers: { "content-type": "application/json", ...init.headers } });
          const text = await res.text();
          return { status: res.status, body: text ? JSON.parse(text) : null };
        };
        const login = await json(`${base}/api/auth/login`, { method: "POST", body: JSON.stringify({ email: DEMO.email, password: DEMO.password }) });
        assert(login.status === 200 && login.body.token, `the demo owner signs in: ${login.status}`);
        const api = (path, init = {}) => json(`${base}${path}`, { ...init, headers: { authorization: `Bearer ${login.body.token}` } });
        const worker = async () => (await json(`${base}/api/dev/sms`)).body;
        const simState = async () => (await json(`${sim}/api/state`)).body;
        const switchTo = async (provider, mode) => assert((await json(`${sim}/api/providers/${provider}`, { method: "POST", body: JSON.stringify({ mode }) })).status === 200, `${provider} ${mode}`);
        /** The Worker's message matching `pick`, once `done` holds for it. */
        const workerMessage = (pick, done, what) => waitFor(async () => (await worker()).messages.find((m) => pick(m) && done(m)), what);
        const hostText = async (partyId, body) => {
          const res = await api(`/api/locations/${DEMO.locationId}/waitlist/${partyId}/messages`, { method: "POST", body: JSON.stringify({ body }) });
          assert(res.status === 202, `host text accepted: ${res.status} ${JSON.stringify(res.body)}`);
          return res.body.messageId;
        };
        const addParty = async (name, phone) => {
          const res = await api(`/api/locations/${DEMO.locationId}/waitlist`, { method: "POST", body: JSON.stringify({ name, partySize: 2, phone, smsConsent: true }) });
          assert(res.status === 201, `party added: ${res.status} ${JSON.stringify(res.body)}`);
          return res.body;
        };

        // Both providers are configured, Twilio first; the page says so.
        const view = await worker();
        assert(view.providers.every((p) => p.configured && p.circuit === "closed"), `both providers configured: ${JSON.stringify(view.providers)}`);
        const page = await newPage(context, sim);
        await page.goto(sim);
        await page.getByRole("heading", { name: "SMS simulator" }).waitFor();

        // 1. Twilio down, flipped on the page: the "joined" text goes out through Telnyx, once.
        const twilioSwitch = page.getByRole("form", { name: "Twilio switch" });
        await twilioSwitch.getByRole("button", { name: "Down (503)" }).click();
        await twilioSwitch.getByRole("button", { name: "Down (503)", pressed: true }).waitFor();
        assert((await simState()).providers.twilio.mode === "down", "Twilio is down");
        const ana = randomPhone();
        const party = await addParty("Ana", ana);
        const joined = await workerMessage((m) => m.to === ana && m.kind === "joined", (m) => m.status === "delivered", "the joined text delivered");
        assert(joined.provider === "telnyx", `carried by Telnyx: ${JSON.stringify(joined)}`);
        const seen = (await simState()).entries.filter((e) => e.messageId === joined.id);
        assert(
          seen.length === 2 && seen[0].provider === "twilio" && !seen[0].taken && seen[0].answer === "503 (down)" && seen[1].provider === "telnyx" && seen[1].taken,
          `Twilio refused it, then Telnyx took it, once: ${JSON.stringify(seen)}`,
        );
        // The page lists it under Telnyx, delivered, and the Worker's view beside it.
        const row = page.locator("#live tr", { hasText: joined.id }).filter({ has: page.locator("td.telnyx") });
        await row.first().getByText("delivered").first().waitFor();
        await page.locator("#live").getByText("Failures in a row").waitFor();

        // 2. STOP through Telnyx (the page's button): the Worker's ledger has the number.
        await page.getByLabel("Guest").fill(ana);
        await page.getByLabel("through").selectOption("telnyx");
        await page.getByRole("button", { name: "STOP", exact: true }).click();
        await page.waitForURL(`${sim}/`);
        await waitFor(async () => (await worker()).optOuts.some((o) => o.phone === ana && o.ledger === "sender:platform"), "the opt-out in the Worker's ledger");
        await page.locator("#live").getByRole("cell", { name: ana, exact: true }).first().waitFor();

        // Twilio back up: a host text to Ana is refused by the Worker, and no provider is asked.
        await switchTo("twilio", "up");
        const refused = await hostText(party.id, "We saved you a seat at the bar");
        const r = await workerMessage((m) => m.id === refused, (m) => m.status === "refused", "the text refused");
        assert(r.errorCode === "opted_out", `refused as opted out: ${JSON.stringify(r)}`);
        assert(!(await simState()).entries.some((e) => e.messageId === refused), "neither provider was asked to send it");

        // 3. START through Twilio: opted back in, and texts go through Twilio again.
        assert((await json(`${sim}/api/reply`, { method: "POST", body: JSON.stringify({ provider: "twilio", from: ana, body: "START" }) })).status === 201, "START sent");
        await waitFor(async () => !(await worker()).optOuts.some((o) => o.phone === ana), "the opt-out lifted");
        const back = await hostText(party.id, "Welcome back");
        const b = await workerMessage((m) => m.id === back, (m) => m.status === "delivered", "the text after START delivered");
        assert(b.provider === "twilio", `through Twilio: ${JSON.stringify(b)}`);

        // 4. STOP through Twilio, then Twilio down: Telnyx does not text Ana either.
        assert((await json(`${sim}/api/reply`, { method: "POST", body: JSON.stringify({ provider: "twilio", from: ana, body: "STOP" }) })).status === 201, "STOP sent");
        await waitFor(async () => (await worker()).optOuts.some((o) => o.phone === ana), "the opt-out from Twilio's STOP");
        await switchTo("twilio", "down");
        const again = await hostText(party.id, "Still there?");
        await workerMessage((m) => m.id === again, (m) => m.status === "refused", "refused through the failover too");
        assert(!(await simState()).entries.some((e) => e.messageId === again), "Telnyx was not asked either");

        // 5. Twilio slow (takes the text, answers after the send timeout): one text, no failover.
        await switchTo("twilio", "slow");
        const ben = randomPhone();
        await addParty("Ben", ben);
        const slow = await workerMessage((m) => m.to === ben && m.kind === "joined", (m) => m.status === "delivered", "the slow text delivered");
        assert(slow.provider === "twilio", `kept with Twilio: ${JSON.stringify(slow)}`);
        // The send gives up after its timeout; by then the text is delivered and no other provider is tried.
        await waitFor(async () => (await simState()).entries.find((e) => e.messageId === slow.id && e.answer?.startsWith("201,")), "Twilio's late answer");
        const slowSeen = (await simState()).entries.filter((e) => e.to === ben);
        assert(slowSeen.length === 1 && slowSeen[0].provider === "twilio", `one text, Twilio only: ${JSON.stringify(slowSeen)}`);

        // 6. Twilio down for three texts in a row: its circuit opens, and the page shows it.
        await switchTo("twilio", "down");
        await switchTo("telnyx", "up");
        for (const name of ["Cy", "Di", "Ed"]) {
          const phone = randomPhone();
          await addParty(name, phone);
          await workerMessage((m) => m.to === phone && m.kind === "joined", (m) => m.status === "delivered" && m.provider === "telnyx", `${name}'s text through Telnyx`);
        }
        const twilioHealth = (await worker()).providers.find((p) => p.provider === "twilio");
        assert(twilioHealth.circuit === "open", `Twilio's circuit is open: ${JSON.stringify(twilioHealth)}`);
        await page.reload();
        await page.locator("#live").getByText("open").first().waitFor();

        await assertNoAxeViolations(page, "the SMS simulator");
        await screenshots(page, "sms-simulator");
        assertNoExternal(page);
      } finally {
        await context.close().catch(() => {});
        stack.stop();
      }
    },
  ],
];
