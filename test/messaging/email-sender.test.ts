import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { Env } from "../../src/env";
import worker from "../../src/index";
import { ResendSender } from "../../src/messaging/email/resend";
import { emailSender } from "../../src/messaging/email/configured";
import { DevOutboxSender } from "../../src/messaging/email/sender";
import { GOOD_PASSWORD, ORIGIN, outbox, uniqueEmail } from "../helpers/api";
import { received } from "./fake-resend";

const withEnv = (overrides: Partial<Env>): Env => ({ ...env, ...overrides });

describe("emailSender", () => {
  it("uses Resend when EMAIL_PROVIDER is resend", () => {
    expect(emailSender(withEnv({ EMAIL_PROVIDER: "resend" }))).toBeInstanceOf(ResendSender);
    expect(emailSender(withEnv({ EMAIL_PROVIDER: "resend", ENVIRONMENT: "production" }))).toBeInstanceOf(ResendSender);
  });

  it("refuses Resend without an API key, naming the secret to set", () => {
    expect(() => emailSender(withEnv({ EMAIL_PROVIDER: "resend", EMAIL_API_KEY: undefined }))).toThrow(/EMAIL_API_KEY/);
  });

  it("uses the D1 outbox when EMAIL_PROVIDER is dev-outbox, outside production", async () => {
    const sender = emailSender(withEnv({ EMAIL_PROVIDER: "dev-outbox", ENVIRONMENT: "development" }));
    expect(sender).toBeInstanceOf(DevOutboxSender);
    const to = uniqueEmail("dev");
    const { id } = await sender.send({ to, subject: "Hello", text: "Plain", html: "<p>Plain</p>" });
    expect(await outbox(to)).toEqual([{ id, to, subject: "Hello", text: "Plain" }]);
  });

  it("refuses the dev outbox in production, where it would keep links in clear", () => {
    expect(() => emailSender(withEnv({ EMAIL_PROVIDER: "dev-outbox", ENVIRONMENT: "production" }))).toThrow(/development only/);
  });

  it("refuses an unknown provider", () => {
    expect(() => emailSender(withEnv({ EMAIL_PROVIDER: "carrier-pigeon" as Env["EMAIL_PROVIDER"] }))).toThrow(/carrier-pigeon/);
  });

  it("delivers a real sign-up email through Resend when so configured", async () => {
    const email = uniqueEmail("via-resend");
    const ctx = createExecutionContext();
    const res = await worker.fetch(
      new Request(`${ORIGIN}/api/auth/signup`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "CF-Connecting-IP": "203.0.113.77" },
        body: JSON.stringify({ accountName: "Resend Bistro", name: "Ana", email, password: GOOD_PASSWORD }),
      }),
      withEnv({ EMAIL_PROVIDER: "resend" }),
      ctx,
    );
    expect(res.status).toBe(202);
    await waitOnExecutionContext(ctx);
    const [sent] = await received(email);
    expect(sent?.body.subject).toMatch(/Confirm your email/);
    expect(sent?.body.text).toContain(`${env.APP_URL}/signup/confirm/`);
    expect(sent?.body.html).toContain("<a href=");
    expect(await outbox(email)).toEqual([]);
  });
});
