import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ResendSender } from "../../src/messaging/email/resend";
import { EmailSendError } from "../../src/messaging/email/sender";
import { uniqueEmail } from "../helpers/api";
import { failNext, received, RESEND_URL } from "./fake-resend";

const KEY = env.EMAIL_API_KEY!;

function message(to: string, subject = "Your table is ready") {
  return { to, subject, text: "Come to the host stand.", html: "<p>Come to the host stand.</p>" };
}

async function refusal(send: Promise<unknown>): Promise<EmailSendError> {
  const err = await send.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(EmailSendError);
  return err as EmailSendError;
}

describe("ResendSender", () => {
  it("posts from, to, subject, text and html with the API key as a bearer token", async () => {
    const to = uniqueEmail("resend");
    const sent = await new ResendSender(RESEND_URL, KEY, env.EMAIL_FROM).send(message(to));
    const [email, ...more] = await received(to);
    expect(more).toEqual([]);
    expect(sent.id).toBe(email!.id);
    expect(email!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(email!.headers["content-type"]).toMatch(/^application\/json/);
    expect(email!.body).toEqual({ from: env.EMAIL_FROM, to: [to], ...(({ to: _, ...rest }) => rest)(message(to)) });
  });

  it("accepts a base URL with a trailing slash", async () => {
    const to = uniqueEmail("slash");
    await new ResendSender(`${RESEND_URL}/`, KEY, env.EMAIL_FROM).send(message(to));
    expect(await received(to)).toHaveLength(1);
  });

  it.each([500, 502, 503, 429])("treats %s from the provider as transient", async (status) => {
    const to = uniqueEmail(`s${status}`);
    await failNext(to, status);
    const err = await refusal(new ResendSender(RESEND_URL, KEY, env.EMAIL_FROM).send(message(to)));
    expect(err.transient).toBe(true);
    expect(err.status).toBe(status);
    expect(await received(to)).toEqual([]);
  });

  it("sends normally again once the provider recovers", async () => {
    const to = uniqueEmail("recover");
    await failNext(to, 503);
    const sender = new ResendSender(RESEND_URL, KEY, env.EMAIL_FROM);
    expect((await refusal(sender.send(message(to)))).transient).toBe(true);
    await sender.send(message(to));
    expect(await received(to)).toHaveLength(1);
  });

  it("treats a 422 (a message the provider will never take) as permanent", async () => {
    const to = uniqueEmail("invalid");
    const err = await refusal(new ResendSender(RESEND_URL, KEY, env.EMAIL_FROM).send(message(to, "")));
    expect(err.transient).toBe(false);
    expect(err.status).toBe(422);
    expect(err.message).toContain("subject");
  });

  it("treats a 401 (a wrong API key) as permanent", async () => {
    const to = uniqueEmail("badkey");
    const err = await refusal(new ResendSender(RESEND_URL, "not-a-resend-key", env.EMAIL_FROM).send(message(to)));
    expect(err.transient).toBe(false);
    expect(err.status).toBe(401);
    expect(await received(to)).toEqual([]);
  });

  it("treats a forced 422 as permanent too", async () => {
    const to = uniqueEmail("forced422");
    await failNext(to, 422);
    const err = await refusal(new ResendSender(RESEND_URL, KEY, env.EMAIL_FROM).send(message(to)));
    expect(err).toMatchObject({ transient: false, status: 422 });
  });

  it("treats an unreachable provider as transient", async () => {
    // Port 9 on loopback: nothing listens there, so the connection is refused.
    const err = await refusal(new ResendSender("http://127.0.0.1:9/resend", KEY, env.EMAIL_FROM).send(message(uniqueEmail("down"))));
    expect(err.transient).toBe(true);
    expect(err.status).toBeUndefined();
  });

  it("never puts the API key in the error", async () => {
    const to = uniqueEmail("nokey");
    await failNext(to, 500);
    const err = await refusal(new ResendSender(RESEND_URL, KEY, env.EMAIL_FROM).send(message(to)));
    expect(err.message).not.toContain(KEY);
  });
});
