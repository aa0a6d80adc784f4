// Issue 22, guest history on the host screen: a party whose phone has visited before shows the
// returning mark and its visit count; the host sets VIP and a guest note, and sees them again on the
// next open (after a reload); an owner erases the guest. axe-core checks each state.
import { assert, waitFor } from "./harness.mjs";
import { addViaApi, check, hostOwner, live, row } from "./host-helpers.mjs";

const PHONE = "+14155550177";

async function guestByPhone(owner) {
  const r = await owner.api(`/api/guests?phone=${encodeURIComponent(PHONE)}`);
  if (r.status !== 200) throw new Error(`guest look-up: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.items[0] ?? null;
}

export const hostGuestFlows = [
  [
    "host-guests: a phone that has visited before is recognised in the add form, and the party shows 'returning · 1 visit' on its row and in the opened party",
    async (ctx) => {
      const owner = await hostOwner(ctx, "Guest Bistro");
      ctx.guestOwner = owner;
      // An earlier visit: added and seated, then carried to D1 by the outbox within seconds.
      const earlier = await addViaApi(owner, { name: "Okafor", partySize: 2, phone: PHONE });
      const seat = await owner.api(`/api/locations/${owner.location.id}/waitlist/${earlier.id}/seat`, { method: "POST" });
      assert(seat.status === 200, `seat answered ${seat.status}`);
      await waitFor(async () => (await guestByPhone(owner))?.visitCount === 1, "the earlier visit in the guest history");

      const a = owner.page;
      const form = a.locator("form.add");
      await form.getByRole("button", { name: "2", exact: true }).click();
      await form.getByLabel("Name").fill("Okafor");
      await form.getByLabel("Mobile (optional)").fill("(415) 555-0177");
      // The number is recognised while the host is still adding.
      await form.getByTestId("returning-hint").filter({ hasText: "Returning guest · 1 visit" }).waitFor();
      await form.getByRole("button", { name: /^Add Okafor/ }).click();
      await row(a, "Okafor").getByTestId("returning").filter({ hasText: "returning · 1 visit" }).waitFor();
      await check(a, "host-guests-returning-row");

      await row(a, "Okafor").locator("button.who").click();
      const card = row(a, "Okafor").getByTestId("guest-card");
      await card.getByTestId("guest-visits").filter({ hasText: "Returning · 1 visit" }).waitFor();
      await card.getByTestId("last-visit").waitFor();
      await check(a, "host-guests-card");
    },
  ],
  [
    "host-guests: the host sets VIP and a guest note, and sees them again when the party is opened after a reload",
    async (ctx) => {
      const owner = ctx.guestOwner;
      const a = owner.page;
      const card = row(a, "Okafor").getByTestId("guest-card");
      await card.getByRole("button", { name: "VIP", exact: true }).click();
      await waitFor(async () => (await card.getByRole("button", { name: "VIP", exact: true }).getAttribute("aria-pressed")) === "true", "VIP pressed");
      await row(a, "Okafor").locator(".tag.guest-tag", { hasText: "VIP" }).waitFor();
      await card.getByLabel(/Guest notes/).fill("Prefers the corner booth");
      await card.getByRole("button", { name: "Save guest notes" }).click();
      await waitFor(async () => (await guestByPhone(owner))?.notes === "Prefers the corner booth", "the note saved");
      const saved = await guestByPhone(owner);
      assert(JSON.stringify(saved.tags) === '["VIP"]', `tags saved: ${JSON.stringify(saved.tags)}`);
      await check(a, "host-guests-vip-note");

      await a.reload();
      await live(a);
      await row(a, "Okafor").locator(".tag.guest-tag", { hasText: "VIP" }).waitFor();
      await row(a, "Okafor").locator("button.who").click();
      const again = row(a, "Okafor").getByTestId("guest-card");
      await waitFor(async () => (await again.getByRole("button", { name: "VIP", exact: true }).getAttribute("aria-pressed")) === "true", "VIP still pressed after a reload");
      await waitFor(async () => (await again.getByLabel(/Guest notes/).inputValue()) === "Prefers the corner booth", "the note shown again");
      await again.getByTestId("guest-visits").filter({ hasText: "Returning · 1 visit" }).waitFor();
    },
  ],
  [
    "host-guests: an owner erases the guest; the party in line and the history go",
    async (ctx) => {
      const owner = ctx.guestOwner;
      const a = owner.page;
      const card = row(a, "Okafor").getByTestId("guest-card");
      await card.getByRole("button", { name: "Erase guest…" }).click();
      const dialog = a.getByRole("dialog", { name: "Erase this guest?" });
      await dialog.waitFor();
      await check(a, "host-guests-erase-dialog");
      await dialog.getByRole("button", { name: "Erase guest", exact: true }).click();
      await waitFor(async () => (await row(a, "Okafor").count()) === 0, "the erased guest's party gone from the line");
      assert((await guestByPhone(owner)) === null, "no guest history left for the number");
    },
  ],
];
