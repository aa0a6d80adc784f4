// Invitation links last exactly 30 days (the seed's promise), for viewing and for accepting.
import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { signUp } from "../helpers/api";
import { accept, expectError, INVITE_TTL_MS, preview, sendInvite, setClock } from "./support";

afterEach(() => {
  vi.useRealTimers();
});

const MINUTE = 60_000;

async function inviteAt(start: number) {
  setClock(start);
  const owner = await signUp();
  const sent = await sendInvite(owner);
  const expiresAt = Date.parse(sent.invite.expiresAt);
  expect(expiresAt).toBe(start + INVITE_TTL_MS);
  return sent;
}

describe("invitation expiry", () => {
  it("still shows and accepts a link at 30 days minus a minute", async () => {
    const start = Date.now();
    const sent = await inviteAt(start);
    vi.setSystemTime(start + INVITE_TTL_MS - MINUTE);
    expect((await preview(sent.token)).status).toBe(200);
    const res = await accept(sent.token);
    expect(res.status).toBe(201);
    expect(res.json.user.email).toBe(sent.email);
  });

  it("answers 410 at 30 days plus a minute, for GET and accept, with a message that says it expired", async () => {
    const start = Date.now();
    const sent = await inviteAt(start);
    vi.setSystemTime(start + INVITE_TTL_MS + MINUTE);
    const look = await preview(sent.token);
    expectError(look, 410, "gone");
    expect(look.json.error.message).toBe("This invitation has expired (links last 30 days). Ask your team to resend it.");
    const res = await accept(sent.token);
    expectError(res, 410, "gone");
    expect(res.json.error.message).toMatch(/expired/);
  });

  it("is expired at exactly 30 days", async () => {
    const start = Date.now();
    const sent = await inviteAt(start);
    vi.setSystemTime(start + INVITE_TTL_MS);
    expectError(await preview(sent.token), 410, "gone");
    expectError(await accept(sent.token), 410, "gone");
  });

  it("creates no user when an expired link is used", async () => {
    const start = Date.now();
    const sent = await inviteAt(start);
    vi.setSystemTime(start + INVITE_TTL_MS + MINUTE);
    await accept(sent.token);
    const row = await env.DB.prepare("SELECT count(*) AS n FROM users WHERE email = ?").bind(sent.email).first<{ n: number }>();
    expect(row!.n).toBe(0);
  });
});
