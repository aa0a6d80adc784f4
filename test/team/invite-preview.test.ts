// GET /api/invites/:token — what the person holding the link was invited to.
import { describe, expect, it } from "vitest";
import { signUp } from "../helpers/api";
import { expectError, preview, sendInvite, sha256Hex } from "./support";

describe("GET /api/invites/:token", () => {
  it("shows the account name, inviter, email, role and expiry", async () => {
    const owner = await signUp({ accountName: "Casa Preview", name: "Paula Patron" });
    const sent = await sendInvite(owner, "admin");
    const res = await preview(sent.token);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      accountName: "Casa Preview",
      inviterName: "Paula Patron",
      email: sent.email,
      role: "admin",
      expiresAt: sent.invite.expiresAt,
    });
  });

  it("answers 404 with a clear message for a token that was never issued", async () => {
    const res = await preview("A".repeat(43));
    expectError(res, 404, "not_found");
    expect(res.json.error.message).toBe("This invitation link is not valid. Ask for a new invitation.");
  });

  it("answers 404 for an issued token with one character changed", async () => {
    const owner = await signUp();
    const sent = await sendInvite(owner);
    const last = sent.token.at(-1) === "A" ? "B" : "A";
    expectError(await preview(sent.token.slice(0, -1) + last), 404, "not_found");
  });

  it("does not reveal anything for the token's hash", async () => {
    const owner = await signUp();
    const sent = await sendInvite(owner);
    expectError(await preview(await sha256Hex(sent.token)), 404, "not_found");
  });
});
