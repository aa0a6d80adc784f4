// GET /api/dev/sms: the SMS path as the Worker sees it (circuit breakers, opt-out ledgers, the latest
// texts), for the local SMS simulator's page (issue 23, "a local way to watch it"). Development and
// test only: a production configuration answers 404, as for the dev outbox.
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../../src/index";
import type { Env } from "../../src/env";
import { call, ORIGIN, signUp } from "../helpers/api";
import { behave, deliver, freshPhone, insertQueued, messageRow, resetBreaker, textIn } from "../sms/helpers";
import { expectError } from "./error-shape";

async function fetchWith(overrides: Partial<Env>, method: string, path: string) {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`${ORIGIN}${path}`, { method, headers: { "CF-Connecting-IP": "203.0.113.9" } }), { ...env, ...overrides }, ctx);
  await waitOnExecutionContext(ctx);
  return { status: res.status, headers: res.headers, json: (await res.json()) as any };
}

describe("GET /api/dev/sms", () => {
  it("shows a failover: the message carried by Telnyx, Twilio's failure counted in its breaker", async () => {
    await resetBreaker();
    const owner = await signUp();
    const phone = freshPhone();
    await behave("twilio", phone, { mode: "down" });
    const id = await insertQueued(owner, phone, { body: "Your table is ready" });
    await deliver("seatline-outbound", [{ messageId: id, primary: "twilio" }]);
    expect((await messageRow(id))?.provider).toBe("telnyx");
    const res = await call("GET", "/api/dev/sms");
    expect(res.status).toBe(200);
    expect(res.json.providers).toEqual([
      { provider: "twilio", configured: true, circuit: "closed", consecutiveFailures: 1, openUntil: null },
      { provider: "telnyx", configured: true, circuit: "closed", consecutiveFailures: 0, openUntil: null },
    ]);
    expect(res.json.breakerThreshold).toBe(3);
    expect(res.json.messages.find((m: { id: string }) => m.id === id)).toMatchObject({ direction: "outbound", to: phone, status: "sent", provider: "telnyx", attempts: 1 });
  });

  it("shows an open circuit with the time it closes", async () => {
    await resetBreaker();
    const until = Date.now() + 60_000;
    await env.DB.prepare("INSERT INTO provider_health (provider, consecutive_failures, open_until, updated_at) VALUES ('twilio', 3, ?, ?)").bind(until, Date.now()).run();
    const res = await call("GET", "/api/dev/sms");
    expect(res.json.providers[0]).toEqual({ provider: "twilio", configured: true, circuit: "open", consecutiveFailures: 3, openUntil: new Date(until).toISOString() });
    await resetBreaker();
  });

  it("shows a STOP in the shared numbers' ledger", async () => {
    const phone = freshPhone();
    await textIn(phone, "STOP");
    const res = await call("GET", "/api/dev/sms");
    expect(res.json.optOuts).toContainEqual({ ledger: "sender:platform", phone, source: "keyword", createdAt: expect.any(String) });
  });

  it("works in development", async () => {
    const res = await fetchWith({ ENVIRONMENT: "development" }, "GET", "/api/dev/sms");
    expect(res.status).toBe(200);
    expect(res.json.providers).toHaveLength(2);
  });

  it.each(["GET", "POST"])("is absent in production: %s answers 404", async (method) => {
    const res = await fetchWith({ ENVIRONMENT: "production", EMAIL_PROVIDER: "resend" }, method, "/api/dev/sms");
    expectError(res, 404, "not_found");
  });
});
