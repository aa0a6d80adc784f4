// verifyRecurlySignature, called directly: the header format, any-of-several signatures, the
// 5-minute window.
import { describe, expect, it } from "vitest";
import { recurlySignature, verifyRecurlySignature } from "../../src/billing/signature";

const SECRET = "endpoint-secret";
const BODY = '{"id":"abc","object_type":"subscription","event_type":"renewed","account_code":"x"}';
const NOW = 1_790_000_000_000;

describe("verifyRecurlySignature", () => {
  it("accepts the signature of timestamp.body", async () => {
    const sig = await recurlySignature(SECRET, String(NOW), BODY);
    expect(await verifyRecurlySignature(SECRET, `${NOW},${sig}`, BODY, NOW)).toBe(true);
  });

  it("accepts when any of several listed signatures matches (secret rotation)", async () => {
    const old = await recurlySignature("previous-secret", String(NOW), BODY);
    const sig = await recurlySignature(SECRET, String(NOW), BODY);
    expect(await verifyRecurlySignature(SECRET, `${NOW},${old},${sig}`, BODY, NOW)).toBe(true);
    expect(await verifyRecurlySignature(SECRET, `${NOW},${sig},${old}`, BODY, NOW)).toBe(true);
  });

  it("refuses another body, another secret, or another timestamp", async () => {
    const sig = await recurlySignature(SECRET, String(NOW), BODY);
    expect(await verifyRecurlySignature(SECRET, `${NOW},${sig}`, BODY + " ", NOW)).toBe(false);
    expect(await verifyRecurlySignature("other", `${NOW},${sig}`, BODY, NOW)).toBe(false);
    expect(await verifyRecurlySignature(SECRET, `${NOW + 1},${sig}`, BODY, NOW)).toBe(false);
  });

  it("refuses a timestamp more than 5 minutes old or ahead, and accepts at the edge", async () => {
    for (const [offset, ok] of [[5 * 60_000, true], [5 * 60_000 + 1, false], [-(5 * 60_000 + 1), false]] as const) {
      const ts = String(NOW - offset);
      const sig = await recurlySignature(SECRET, ts, BODY);
      expect(await verifyRecurlySignature(SECRET, `${ts},${sig}`, BODY, NOW)).toBe(ok);
    }
  });

  it("refuses malformed headers and an empty secret", async () => {
    const sig = await recurlySignature(SECRET, String(NOW), BODY);
    for (const header of [undefined, "", `${NOW}`, `${NOW},`, `abc,${sig}`, sig, `${NOW},${sig.slice(1)}`, `${NOW};${sig}`]) {
      expect(await verifyRecurlySignature(SECRET, header, BODY, NOW)).toBe(false);
    }
    expect(await verifyRecurlySignature("", `${NOW},${sig}`, BODY, NOW)).toBe(false);
  });
});
