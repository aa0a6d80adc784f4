// Settings pages: SMS templates with a live segment count, team, retention, developer; screenshots of each.
import { assert, assertNoExternal, screenshots, waitFor } from "./harness.mjs";

export const settingsFlows = [
  [
    "SMS templates show the segment count live as the text changes",
    async (ctx) => {
      const a = ctx.hostA;
      await a.goto(`${ctx.base}/app/settings/sms`);
      const box = a.getByLabel("Almost up text");
      await box.fill("Short");
      await a.getByTestId("segments-almost_up").filter({ hasText: "1 segment" }).waitFor();
      await box.fill("x".repeat(200));
      await a.getByTestId("segments-almost_up").filter({ hasText: "2 segments" }).waitFor();
      await box.fill("Your table is ready 🍝");
      await a.getByTestId("segments-almost_up").filter({ hasText: "UCS-2" }).waitFor();
      await box.fill("{name}, you're almost up at {restaurant} (#{position}).");
      await a.getByRole("button", { name: "Save templates" }).click();
      await a.getByRole("status").filter({ hasText: "Saved." }).waitFor();
      await screenshots(a, "settings-sms");
    },
  ],
  [
    "team, locations, retention and developer pages render",
    async (ctx) => {
      const a = ctx.hostA;
      await a.goto(`${ctx.base}/app/settings/team`);
      await a.getByRole("cell", { name: /Ana Diaz/ }).waitFor();
      await a.getByLabel("Email to invite").fill(`host.${Date.now().toString(36)}@example.com`);
      await a.getByRole("button", { name: "Invite" }).click();
      await a.getByRole("status").filter({ hasText: "Invitation sent." }).waitFor();
      await screenshots(a, "settings-team");
      await a.goto(`${ctx.base}/app/settings/locations`);
      await a.getByText(`/join/${ctx.slug}`).first().waitFor();
      await screenshots(a, "settings-locations");
      await a.goto(`${ctx.base}/app/settings/retention`);
      await a.getByText("18 months after").waitFor();
      await screenshots(a, "settings-retention");
      await a.goto(`${ctx.base}/app/settings/developer`);
      const docs = await a.getByRole("link", { name: "API documentation" }).getAttribute("href");
      assert(docs === "/api/docs", "docs link");
      await screenshots(a, "settings-developer");
      await a.goto(`${ctx.base}/app`);
      await waitFor(() => a.evaluate(() => (window.seatline?.version() ?? -1) >= 0), "host A live again");
      assertNoExternal(a);
    },
  ],
];
