// The owner's retention policy applies to guest history: visits that age out stop counting, and a
// guest with nothing left inside the window goes with their tags and notes.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, signUp } from "../helpers/api";
import { DAY, runHourly } from "../lifecycle-data/helpers";
import { flushed, guestOf, mirroredVisit, newPhone, seatedVisit } from "./support";

describe("guest history and retention", () => {
  it("visits older than the policy stop counting; the guest stays while a visit is inside it", async () => {
    const o = await signUp();
    const phone = newPhone();
    await mirroredVisit(o.accountId, o.locationId, phone, 40);
    await mirroredVisit(o.accountId, o.locationId, phone, 20);
    await flushed(o.locationId, [await seatedVisit(o, o.locationId, phone)]);
    const g = await guestOf(o, phone);
    expect(g.visitCount).toBe(3);
    await call("PATCH", `/api/guests/${g.id}`, { token: o.token, body: { tags: ["VIP"] } });

    expect((await call("PUT", "/api/settings/retention", { token: o.token, body: { policy: "days", days: 30 } })).status).toBe(200);
    await runHourly(Date.now());
    expect(await guestOf(o, phone)).toMatchObject({ id: g.id, visitCount: 2, tags: ["VIP"] });

    expect((await call("PUT", "/api/settings/retention", { token: o.token, body: { policy: "days", days: 10 } })).status).toBe(200);
    await runHourly(Date.now());
    const after = await guestOf(o, phone);
    expect(after.visitCount).toBe(1);
    expect(Date.parse(after.lastVisit.visitedAt)).toBeGreaterThan(Date.now() - DAY);
  });

  it("a guest whose visits and last change are all older than the policy is deleted with its tags and notes", async () => {
    const o = await signUp();
    const phone = newPhone();
    await mirroredVisit(o.accountId, o.locationId, phone, 20);
    const g = await guestOf(o, phone);
    await call("PATCH", `/api/guests/${g.id}`, { token: o.token, body: { notes: "Allergic to shellfish" } });
    // Staff last touched the guest 15 days ago.
    await env.DB.prepare("UPDATE guests SET updated_at = ? WHERE id = ?").bind(Date.now() - 15 * DAY, g.id).run();
    const kept = newPhone();
    await mirroredVisit(o.accountId, o.locationId, kept, 20);
    const k = await guestOf(o, kept);
    await call("PATCH", `/api/guests/${k.id}`, { token: o.token, body: { notes: "Touched today" } });

    await call("PUT", "/api/settings/retention", { token: o.token, body: { policy: "days", days: 10 } });
    await runHourly(Date.now());
    expect(await guestOf(o, phone)).toBeNull();
    expect((await call("GET", `/api/guests/${g.id}`, { token: o.token })).status).toBe(404);
    // Changed inside the window: kept, with no visits left.
    expect(await guestOf(o, kept)).toMatchObject({ id: k.id, visitCount: 0, lastVisit: null, notes: "Touched today" });
  });
});
