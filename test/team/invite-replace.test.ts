// One live invitation per email: a newer one revokes the pending one.
import { describe, expect, it } from "vitest";
import { call, signUp, uniqueEmail } from "../helpers/api";
import { accept, expectError, preview, sendInvite } from "./support";

describe("inviting the same email again", () => {
  it("revokes the pending invitation: its link answers 410, the new one works with the new role", async () => {
    const owner = await signUp();
    const email = uniqueEmail("twice");
    const first = await sendInvite(owner, "host", email);
    const second = await sendInvite(owner, "admin", email);
    expect(second.inviteId).not.toBe(first.inviteId);

    const old = await preview(first.token);
    expectError(old, 410, "gone");
    expect(old.json.error.message).toMatch(/withdrawn/);
    expectError(await accept(first.token), 410, "gone");

    const list = await call("GET", "/api/team/invites", { token: owner.token });
    const statuses = Object.fromEntries(list.json.invites.map((i: any) => [i.id, i.status]));
    expect(statuses[first.inviteId]).toBe("revoked");
    expect(statuses[second.inviteId]).toBe("pending");

    const res = await accept(second.token);
    expect(res.status).toBe(201);
    expect(res.json.user.role).toBe("admin");
  });

  it("lets an owner replace an owner invitation with a lesser one", async () => {
    const owner = await signUp();
    const email = uniqueEmail("downgrade");
    const first = await sendInvite(owner, "owner", email);
    const second = await sendInvite(owner, "host", email);
    expectError(await preview(first.token), 410, "gone");
    expect((await preview(second.token)).json.role).toBe("host");
  });

  it("matches the email case-insensitively", async () => {
    const owner = await signUp();
    const email = uniqueEmail("casey");
    const first = await sendInvite(owner, "host", email);
    await sendInvite(owner, "host", email.toUpperCase());
    expectError(await preview(first.token), 410, "gone");
  });

  it("leaves another account's invitation to the same email alone", async () => {
    const a = await signUp();
    const b = await signUp();
    const email = uniqueEmail("wanted");
    const fromA = await sendInvite(a, "host", email);
    await sendInvite(b, "host", email);
    expect((await preview(fromA.token)).status).toBe(200);
  });
});
