// The embeddable widget (issue 22): the owner switches it on in Settings → Website widget, lists a
// site and copies the snippet; a restaurant's own site on ANOTHER origin (a tiny HTTP server on the
// stack's port + 4) embeds it with the script tag, in a 320 px column, and with the iframe; a host
// adds a party and the site shows the new wait; the visitor clicks "Join the line" and lands on the
// check-in page. The same page served from an origin that is not listed (port + 5) gets no widget:
// the data is refused (CORS) and so is the frame (frame-ancestors). axe finds nothing, in the frame
// too; no cookies, no request to anyone but the site and us.
import { createServer } from "node:http";
import { join } from "node:path";
import { mkdirSync } from "node:fs";
import { assertNoAxeViolations } from "./axe.mjs";
import { assert, assertNoExternal, newPage, SCREENSHOTS, waitFor } from "./harness.mjs";
import { addViaApi, hostOwner } from "./host-helpers.mjs";

/** The restaurant's own website: a 320 px column with the script tag, and the iframe below it. */
function sitePage(script, iframe) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Trattoria Test Site</title><style>body{font-family:Georgia,serif;margin:0;padding:8px}.col{width:320px}</style></head>
<body><main><h1>Trattoria Test Site</h1><div class="col" id="script-column">${script}</div>
<h2>The same, framed</h2><div class="col">${iframe}</div><p><a href="/menu">Menu</a></p></main></body></html>`;
}

function serve(port, html) {
  const server = createServer((req, res) => {
    if (req.url !== "/") return res.writeHead(204).end();
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(html);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

// Playwright's CSS locators pierce the widget's (open) shadow root; innerText of the host would not.
const widgetText = async (page) => ((await page.locator("#script-column .w").count()) ? page.locator("#script-column .w").innerText() : "");

export const widgetFlows = [
  [
    "widget: switched on with a site in Settings; that site (another origin) shows the live wait in a 320 px column and a frame, updates after a host adds a party, joins to the check-in page; an unlisted site gets nothing; axe clean, in the frame too",
    async (ctx) => {
      const stackPort = Number(new URL(ctx.base).port);
      const site = `http://127.0.0.1:${stackPort + 4}`;
      const stranger = `http://127.0.0.1:${stackPort + 5}`;
      const owner = await hostOwner(ctx, "Trattoria Widget");
      const host = owner.page;
      const { body: loc } = await owner.api(`/api/locations/${owner.location.id}`);

      // Settings → Website widget: on, one site, saved; the snippets name this location.
      await host.goto(`${ctx.base}/app/settings/widget`);
      await host.getByRole("heading", { name: /^Website widget/ }).waitFor();
      await host.getByLabel("Show the widget on the sites below").check();
      await host.getByLabel("Sites allowed to show it (one per line)").fill("https://example.com/menu");
      await host.getByRole("button", { name: "Save widget" }).click();
      await host.getByText(/^Line 1 \(https:\/\/example\.com\/menu\): /).waitFor();
      await host.getByLabel("Sites allowed to show it (one per line)").fill(`${site}/`);
      await host.getByRole("button", { name: "Save widget" }).click();
      await host.getByText("Saved.").waitFor();
      assert((await host.getByLabel("Sites allowed to show it (one per line)").inputValue()) === site, "the site is kept as its origin");
      await host.getByLabel("Dark", { exact: true }).check();
      const script = await host.getByLabel("Script tag").inputValue();
      const iframe = await host.getByLabel("Iframe").inputValue();
      assert(script === `<script src="${ctx.base}/widget.js" data-location="${loc.slug}" data-theme="dark" async></script>`, `the script snippet: ${script}`);
      assert(iframe.startsWith(`<iframe src="${ctx.base}/widget/${loc.slug}?theme=dark"`), `the iframe snippet: ${iframe}`);
      await owner.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: ctx.base });
      await host.getByRole("button", { name: "Copy script tag" }).click();
      await host.getByRole("button", { name: "Copied" }).waitFor();
      assert((await host.evaluate(() => navigator.clipboard.readText())) === script, "the copy button copies the script tag");
      // The preview runs the real script in Settings.
      await host.getByTestId("widget-preview").getByText("Open now").waitFor();
      await assertNoAxeViolations(host, "Settings → Website widget with its preview");
      mkdirSync(SCREENSHOTS, { recursive: true });
      await host.screenshot({ path: join(SCREENSHOTS, "widget-settings.png"), fullPage: true });

      const allowed = await serve(stackPort + 4, sitePage(script, iframe));
      const refused = await serve(stackPort + 5, sitePage(script, iframe));
      try {
        // A visitor on a phone-sized screen opens the restaurant's site.
        const visitorContext = await ctx.browser.newContext({ viewport: { width: 360, height: 800 } });
        const visitor = await newPage(visitorContext, ctx.base);
        const requests = [];
        visitor.on("request", (r) => requests.push(r.url()));
        await visitor.goto(site);
        await waitFor(async () => (await widgetText(visitor)).includes("Open now"), () => `the widget on the restaurant's site (console: ${(visitor.__errors ?? []).join(" | ")})`);
        const figure = async (where) => /About \d+ min|No wait/.exec(await where())?.[0];
        const before = await figure(() => widgetText(visitor));
        assert(before, `the widget shows a wait: ${await widgetText(visitor)}`);
        const frame = await waitFor(() => visitor.frames().find((f) => f.url().startsWith(`${ctx.base}/widget/`)), "the widget's frame");
        await frame.getByText("Open now").waitFor();

        // It fits the 320 px column: nothing wider than it, the buttons large enough to tap.
        const fit = await visitor.evaluate(() => {
          const w = document.querySelector("#script-column .seatline-widget");
          const inner = w.shadowRoot.querySelector(".w");
          const buttons = [...w.shadowRoot.querySelectorAll("a.btn, select")].map((b) => b.getBoundingClientRect());
          return { width: w.getBoundingClientRect().width, inner: inner.scrollWidth, client: inner.clientWidth, smallest: Math.min(...buttons.map((b) => b.height)), page: document.documentElement.scrollWidth };
        });
        assert(fit.width <= 320 && fit.inner <= fit.client && fit.page <= 360, `the widget fits 320 px: ${JSON.stringify(fit)}`);
        assert(fit.smallest >= 44, `touch targets of 44 px at least: ${JSON.stringify(fit)}`);
        // The framed one fits the snippet's height (no scrolling inside the frame).
        const framedFit = await frame.evaluate(() => ({ scroll: document.documentElement.scrollHeight, inner: innerHeight }));
        assert(framedFit.scroll <= framedFit.inner, `the frame's content fits its height: ${JSON.stringify(framedFit)}`);
        const theme = await visitor.evaluate(() => getComputedStyle(document.querySelector("#script-column .seatline-widget").shadowRoot.querySelector(".w")).backgroundColor);
        assert(theme === "rgb(28, 29, 31)", `the snippet's dark theme: ${theme}`);

        // A host adds a party of 2: the site shows the longer wait for 2 within a poll (every 20 s).
        await addViaApi(owner, { name: "Ana Garcia", size: 2, phone: "+1 415 555 0177", smsConsent: true, notes: "Peanut allergy" });
        const after = await waitFor(async () => { const now = await figure(() => widgetText(visitor)); return now !== before && now; }, `the wait on the site to move from ${before}`);
        await waitFor(async () => (await figure(() => frame.locator(".w").innerText())) === after, `the frame to show ${after} too`);
        // A keyboard user on the party-size picker keeps their place while the wait moves, and hears the new wait.
        await visitor.locator("#script-column select").focus();
        await addViaApi(owner, { name: "Bruno Okafor", size: 2 });
        const third = await waitFor(async () => { const now = await figure(() => widgetText(visitor)); return now !== after && now; }, `the wait on the site to move from ${after}`);
        const kept = await visitor.evaluate(() => {
          const root = document.querySelector("#script-column .seatline-widget").shadowRoot;
          return { focused: root.activeElement?.tagName, heard: root.querySelector("[role=status]")?.textContent };
        });
        assert(kept.focused === "SELECT" && kept.heard === third, `focus stays on the picker and the live region says ${third}: ${JSON.stringify(kept)}`);
        const shown = (await widgetText(visitor)) + (await frame.locator(".w").innerText());
        for (const secret of ["Ana", "Garcia", "Bruno", "Okafor", "555", "Peanut"]) assert(!shown.includes(secret), `the widget shows no "${secret}"`);

        await visitor.screenshot({ path: join(SCREENSHOTS, "widget-site-320.png"), fullPage: true });
        // The frame first: axe then runs in it when it checks the site around it.
        await assertNoAxeViolations(frame, "inside the widget's frame");
        await assertNoAxeViolations(visitor, "the restaurant's site with the widget");

        // No cookies for our origin, and nothing fetched from anyone but the site and us.
        assert((await visitorContext.cookies(ctx.base)).length === 0, "the widget sets no cookies");
        const others = requests.filter((u) => !u.startsWith(site) && !u.startsWith(ctx.base));
        assert(others.length === 0, `no third-party requests: ${others.join(", ")}`);

        // Join the line from the frame: the whole window goes to the check-in page.
        await frame.getByRole("link", { name: "Join the line" }).click();
        await visitor.waitForURL(`${ctx.base}/join/${loc.slug}`);
        await visitor.goto(site);
        await waitFor(async () => (await widgetText(visitor)).includes("Join the line"), "the widget again");
        await visitor.locator("#script-column .seatline-widget").getByRole("link", { name: "Join the line" }).click();
        await visitor.waitForURL(`${ctx.base}/join/${loc.slug}`);
        await visitor.getByRole("button", { name: "Join the line" }).waitFor();
        const csp = (visitor.__errors ?? []).filter((e) => /Content Security Policy/i.test(e));
        assert(csp.length === 0, `no CSP violations on the listed site: ${csp.join(" | ")}`);
        const later = requests.filter((u) => !u.startsWith(site) && !u.startsWith(ctx.base));
        assert(later.length === 0, `no third-party requests: ${later.join(", ")}`);

        // The same page from a site that is not listed: no data (CORS), no frame (frame-ancestors).
        const outsider = await visitorContext.newPage();
        const errors = [];
        outsider.on("console", (m) => m.type() === "error" && errors.push(m.text()));
        const dataUrl = `${ctx.base}/api/public/locations/${loc.slug}/widget`;
        const failed = [];
        outsider.on("requestfailed", (r) => r.url() === dataUrl && failed.push(r.failure()?.errorText));
        await outsider.goto(stranger);
        await waitFor(() => failed.length > 0, "the data request to fail in the browser");
        await waitFor(() => errors.some((e) => /frame-ancestors/.test(e)), () => `the frame refused by frame-ancestors (console: ${errors.join(" | ")})`);
        assert(errors.some((e) => /CORS|Access-Control-Allow-Origin/.test(e)), `the browser refused the data by CORS: ${errors.join(" | ")}`);
        // What the server answered that page (the browser hides it from the script): 403, no CORS header.
        const asked = await fetch(dataUrl, { headers: { Origin: stranger } });
        assert(asked.status === 403 && asked.headers.get("access-control-allow-origin") === null, `the data for an unlisted site: ${asked.status}`);
        const outsiderView = await outsider.evaluate(() => {
          const w = document.querySelector("#script-column .seatline-widget");
          return { hidden: w?.hidden, height: w?.getBoundingClientRect().height, text: w?.shadowRoot?.textContent ?? "" };
        });
        assert(outsiderView.hidden === true && outsiderView.height === 0 && outsiderView.text === "", `no widget on the unlisted site: ${JSON.stringify(outsiderView)}`);
        const framed = outsider.frames().find((f) => f !== outsider.mainFrame());
        const framedText = framed ? await framed.locator("body").innerText().catch(() => "") + (await framed.locator(".w").count().catch(() => 0) ? "has a widget" : "") : "";
        assert(!/Open now|About \d+ min|Join the line/.test(framedText), `no widget in the unlisted site's frame: ${framedText}`);
        await outsider.screenshot({ path: join(SCREENSHOTS, "widget-unlisted-site.png"), fullPage: true });

        // Switched off: the listed site loses it too.
        const off = await owner.api(`/api/locations/${owner.location.id}/widget-settings`, { method: "PATCH", body: JSON.stringify({ enabled: false }) });
        assert(off.status === 200, `switch off: ${off.status}`);
        await visitor.goto(site);
        await waitFor(async () => visitor.evaluate(() => document.querySelector("#script-column .seatline-widget")?.hidden === true), "no widget once it is off");
        await visitorContext.close();
      } finally {
        allowed.close();
        refused.close();
      }
      assertNoExternal(host);
      await owner.context.close();
    },
  ],
];
