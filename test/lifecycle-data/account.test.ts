// Owners' own data: export (JSON, CSV) and deleting the whole account.
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { addMember, call, GOOD_PASSWORD, ORIGIN, signUp } from "../helpers/api";
import { d1Parties, seedParties, stubFor } from "./helpers";

async function download(path: string, token: string) {
  const res = await SELF.fetch(`${ORIGIN}${path}`, { headers: { Authorization: `Bearer ${token}`, "CF-Connecting-IP": "203.0.113.9" } });
  return { res, text: await res.text() };
}

describe("export", () => {
  it("exports the account as JSON: users without password hashes, locations, parties, audit log", async () => {
    const o = await signUp();
    await seedParties(o);
    const guest = (await call("GET", "/api/guests?phone=%2B12125550100", { token: o.token })).json.items[0];
    await call("PATCH", `/api/guests/${guest.id}`, { token: o.token, body: { tags: ["VIP"], notes: "Corner table" } });
    const { res, text } = await download("/api/account/export", o.token);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Disposition")).toMatch(/attachment; filename="seatline-export-\d{4}-\d{2}-\d{2}\.json"/);
    const data = JSON.parse(text);
    expect(data.account.id).toBe(o.accountId);
    expect(data.users.map((u: any) => u.email)).toEqual([o.email]);
    expect(text).not.toMatch(/\$2[aby]\$/);
    expect(data.locations.map((l: any) => l.id)).toEqual([o.locationId]);
    expect(data.parties.map((p: any) => p.name).sort()).toEqual(["Ana", "Bo", "Cy"]);
    expect(data.auditLog.some((e: any) => e.action === "auth.signup")).toBe(true);
    expect(data.guests).toEqual([expect.objectContaining({ id: guest.id, phone: "+12125550100", tags: ["VIP"], notes: "Corner table" })]);
  });

  it("exports parties as CSV, neutralising spreadsheet formulas", async () => {
    const o = await signUp();
    await call("POST", `/api/locations/${o.locationId}/waitlist`, { token: o.token, body: { name: '=HYPERLINK("x")', partySize: 2, notes: "booth, \"quiet\"" } });
    await seedParties(o);
    const { res, text } = await download("/api/account/export?format=csv", o.token);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/csv/);
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toBe("id,locationId,name,phone,partySize,notes,tags,quotedWaitMinutes,source,smsConsent,status,createdAt,notifiedAt,notifyCount,seatedAt,closedAt,updatedAt,closedBy");
    expect(lines).toHaveLength(5);
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
    expect(text).toContain(`"booth, ""quiet"""`);
  });

  it("only owners export; another account's data never appears", async () => {
    const o = await signUp();
    const other = await signUp();
    await seedParties(other);
    const admin = await addMember(o, "admin");
    expect((await call("GET", "/api/account/export", { token: admin.token })).status).toBe(403);
    const { text } = await download("/api/account/export", o.token);
    expect(JSON.parse(text).parties).toEqual([]);
    expect((await call("GET", "/api/account/export?format=xml", { token: o.token })).status).toBe(400);
  });
});

describe("delete the account", () => {
  it("needs the account's exact name and the owner's password", async () => {
    const o = await signUp({ accountName: "Casa Nostra" });
    for (const body of [{ confirmAccountName: "casa nostra", password: o.password }, { confirmAccountName: "Casa Nostra", password: "Wrong-password-1" }, {}, { confirmAccountName: "Casa Nostra" }]) {
      const r = await call("DELETE", "/api/account", { token: o.token, body });
      expect(r.status).toBe(400);
      expect(r.json.error.code).toBe("validation_failed");
    }
    expect((await call("GET", "/api/me", { token: o.token })).status).toBe(200);
    const admin = await addMember(o, "admin");
    expect((await call("DELETE", "/api/account", { token: admin.token, body: { confirmAccountName: "Casa Nostra", password: GOOD_PASSWORD } })).status).toBe(403);
  });

  it("deletes every row of the account in D1 and the live state in its DOs, and nothing of others", async () => {
    const o = await signUp({ accountName: "Gone Soon" });
    const other = await signUp();
    const { tokens } = await seedParties(o);
    await seedParties(other);
    expect((await call("GET", "/api/guests?phone=%2B12125550100", { token: o.token })).json.items).toHaveLength(1);
    const r = await call("DELETE", "/api/account", { token: o.token, body: { confirmAccountName: "Gone Soon", password: o.password } });
    expect(r.status).toBe(204);
    expect((await call("GET", "/api/me", { token: o.token })).status).toBe(401);
    expect((await call("POST", "/api/auth/login", { body: { email: o.email, password: o.password } })).status).toBe(401);
    for (const table of ["users", "sessions", "locations", "parties", "audit_log", "invites", "guests"]) {
      const row = await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE account_id = ?`).bind(o.accountId).first<{ n: number }>();
      expect(row!.n, table).toBe(0);
    }
    expect(await env.DB.prepare("SELECT id FROM accounts WHERE id = ?").bind(o.accountId).first()).toBeNull();
    const live = await stubFor(o.locationId).at({ id: o.locationId, accountId: o.accountId, name: "x", timezone: "UTC" }).list();
    expect(live.parties).toEqual([]);
    expect((await call("GET", `/api/public/parties/${tokens[2]}`)).status).toBe(404);
    expect(await d1Parties(other.accountId)).toBe(3);
  });
});
