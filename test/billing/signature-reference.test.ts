// Our recurly-signature check agrees with the reference implementation (Recurly's documented
// algorithm computed with node:crypto, in the fake server, see test/fakes/recurly.ts) on random
// bodies, secrets, timestamps and tampering.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { recurlySignature, verifyRecurlySignature } from "../../src/billing/signature";
import { recurly } from "./helpers";

const NOW = 1_790_000_000_000;

describe("verifyRecurlySignature vs the reference", () => {
  it("computes the same signature", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200, unit: "grapheme" }), fc.string({ minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 2_000_000_000_000 }), async (body, secret, ts) => {
        const { header } = await recurly("sign", { body, secret, timestamp: ts });
        expect(`${ts},${await recurlySignature(secret, String(ts), body)}`).toBe(header);
      }),
      { numRuns: 40 },
    );
  });

  it("accepts exactly the headers the reference accepts", async () => {
    const tamper = fc.oneof(
      fc.constant("none" as const),
      fc.constant("body" as const),
      fc.constant("secret" as const),
      fc.constant("stale" as const),
      fc.constant("extra-garbage-first" as const),
      fc.constant("truncated" as const),
    );
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 120 }), fc.integer({ min: -400_000, max: 400_000 }), tamper, async (body, skew, t) => {
        const secret = "recurly-fake-webhook-secret";
        const ts = NOW + skew;
        let { header } = (await recurly("sign", { body: t === "body" ? body + "x" : body, secret: t === "secret" ? "other" : secret, timestamp: t === "stale" ? ts - 600_000 : ts })) as { header: string };
        if (t === "extra-garbage-first") header = header.replace(",", `,${"0".repeat(64)},`);
        if (t === "truncated") header = header.slice(0, -2);
        const ours = await verifyRecurlySignature(secret, header, body, NOW);
        const reference = (await recurly("verify", { secret, header, body, now: NOW })).valid;
        expect(ours).toBe(reference);
        if (ours) accepted++;
      }),
      { numRuns: 60 },
    );
    expect(accepted).toBeGreaterThan(0);
  });
});
