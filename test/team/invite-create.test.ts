// Creating an invitation: who may, the email with a personal link, and how the token is kept.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { addMember, call, signUp, uniqueEmail } from "../helpers/api";
import { waitForEmailCount, sendInvite, sha256Hex, INVITE_TTL_MS } from "./support";

describe("POST /api/team/invites", () => {
  it("lets an owner invite: 201, a pending invite, and an email with a personal /invite/<token> link", async () => {
    const owner = await signUp({ accountName: "Bistro Owner Invite", name: "Olive Owner" });
    const email = uniqueEmail("guest-chef");
    const res = await call("POST", "/api/team/invites", { token: owner.token, body: { email, role: "host" } });
    expect(res.status).toBe(201);
    expect(res.json.invite).toMatchObject({ email, role: "host", status: "pending", invitedBy: "Olive Owner" });
    expect(res.json.email).toEqual({ status: "queued" });
    expect(Date.parse(res.json.invite.expiresAt) - Date.parse(res.json.invite.createdAt)).toBe(INVITE_TTL_MS);

    const [mail] = await waitForEmailCount(email, 1);
    expect(mail!.subject).toBe("Olive Owner invited you to Bistro Owner Invite on Seatline");
    expect(mail!.text).toMatch(/as a host/);
    expect(mail!.text).toMatch(/^Accept the invitation: https:\/\/seatline\.test\/invite\/[A-Za-z0-9_-]{43,}$/m);
  });

  it("lets an admin invite hosts and admins", async () => {
    const owner = await signUp();
    const admin = await addMember(owner, "admin");
    for (const role of ["host", "admin"] as const) {
      const sent = await sendInvite(admin, role);
      expect(sent.res.status).toBe(201);
      expect(sent.invite.role).toBe(role);
    }
  });

  it("sends a token of at least 256 bits, different for every invitation", async () => {
    const owner = await signUp();
    const a = await sendInvite(owner);
    const b = await sendInvite(owner);
    for (const token of [a.token, b.token]) {
      // 32 random bytes are 43 base64url characters.
      expect(token).toMatch(/^[A-Za-z0-9_-]{43,}$/);
    }
    expect(a.token).not.toBe(b.token);
  });

  it("stores only the SHA-256 hex of the token", async () => {
    const owner = await signUp();
    const sent = await sendInvite(owner);
    const row = await env.DB.prepare("SELECT token_hash FROM invites WHERE id = ?").bind(sent.inviteId).first<{ token_hash: string }>();
    expect(row!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.token_hash).toBe(await sha256Hex(sent.token));
  });

  it("keeps the token itself nowhere in D1 (other than the development outbox, which is the email)", async () => {
    const owner = await signUp();
    const sent = await sendInvite(owner);
    const tables = await env.DB.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name NOT IN ('dev_outbox', 'd1_migrations')",
    ).all<{ name: string }>();
    expect(tables.results.map((t) => t.name)).toEqual(expect.arrayContaining(["invites", "audit_log", "throttles", "users"]));
    for (const { name } of tables.results) {
      const rows = await env.DB.prepare(`SELECT * FROM "${name}"`).all();
      expect(JSON.stringify(rows.results), `table ${name}`).not.toContain(sent.token);
    }
  });

  it("normalises the email (trimmed, lower case) before storing and sending", async () => {
    const owner = await signUp();
    const email = uniqueEmail("Mixed.Case");
    const res = await call("POST", "/api/team/invites", { token: owner.token, body: { email: `  ${email.toUpperCase()}  `, role: "admin" } });
    expect(res.status).toBe(201);
    expect(res.json.invite.email).toBe(email.toLowerCase());
    expect(await waitForEmailCount(email.toLowerCase(), 1)).toHaveLength(1);
  });

  it("shows the new invitation in the list", async () => {
    const owner = await signUp();
    const sent = await sendInvite(owner, "admin");
    const list = await call("GET", "/api/team/invites", { token: owner.token });
    expect(list.status).toBe(200);
    expect(list.json.invites).toContainEqual(sent.invite);
  });
});
