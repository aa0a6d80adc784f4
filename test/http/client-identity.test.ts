// Per-client limits under the client-identity rule (issue 20, item 6): clients without a trusted
// address no longer share one bucket, a configured front-door header is the only one trusted, and all
// unidentified clients together still meet a shared cap.
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { enforceClientLimit } from "../../src/auth/throttle";
import { db } from "../../src/db/client";
import { HOUR } from "../../src/lib/clock";
import { ApiError } from "../../src/lib/errors";
import { ORIGIN, uniqueEmail } from "../helpers/api";

const resetAsk = (headers: Record<string, string>) =>
  SELF.fetch(`${ORIGIN}/api/auth/password-reset`, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify({ email: uniqueEmail("who") }) });

describe("clients without a trusted address", () => {
  it("do not spend each other's budget: one client's 429 leaves another with a different fingerprint alone", async () => {
    const noisy = { "User-Agent": `noisy-${crypto.randomUUID()}` };
    const quiet = { "User-Agent": `quiet-${crypto.randomUUID()}` };
    for (let i = 0; i < 20; i++) expect((await resetAsk(noisy)).status).toBe(202);
    const limited = await resetAsk(noisy);
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as any).error.code).toBe("rate_limited");
    expect((await resetAsk(quiet)).status).toBe(202);
  });

  it("together meet a cap of 10× the per-client limit, so rotating fingerprints gets nowhere", async () => {
    const d = db(env.DB);
    const kind = `cap-${crypto.randomUUID()}`;
    const at = Date.now();
    for (let i = 0; i < 10; i++) await enforceClientLimit(d, kind, { key: `unidentified:f${i}`, identified: false }, at, 1, HOUR);
    await expect(enforceClientLimit(d, kind, { key: "unidentified:f-new", identified: false }, at, 1, HOUR)).rejects.toBeInstanceOf(ApiError);
    // Identified clients are not part of that cap.
    await expect(enforceClientLimit(d, kind, { key: "203.0.113.77", identified: true }, at, 1, HOUR)).resolves.toBeUndefined();
  });
});

describe("a configured front-door header", () => {
  it("is the only one trusted: a rotating CF-Connecting-IP does not escape the limit behind another proxy", async () => {
    const app = createApp();
    const proxied = { ...env, CLIENT_IP_HEADER: "X-Real-IP" } as never;
    const ask = (i: number) =>
      app.fetch(
        new Request(`${ORIGIN}/api/auth/password-reset`, {
          method: "POST",
          headers: { "Content-Type": "application/json", "X-Real-IP": "192.0.2.44", "CF-Connecting-IP": `198.51.100.${i}` },
          body: JSON.stringify({ email: uniqueEmail("proxied") }),
        }),
        proxied,
        { waitUntil: () => {}, passThroughOnException: () => {}, props: {} } as never,
      );
    for (let i = 0; i < 20; i++) expect((await ask(i)).status).toBe(202);
    expect((await ask(99)).status).toBe(429);
  });
});
