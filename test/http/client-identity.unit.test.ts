// The client-identity rule (issue 20, item 6; src/lib/client-identity.ts).
import { describe, expect, it } from "vitest";
import { identify, limitKeyOf } from "../../src/lib/client-identity";

const h = (o: Record<string, string>) => new Headers(o);

describe("client identity", () => {
  it("trusts CF-Connecting-IP by default (Workers run behind Cloudflare)", () => {
    expect(identify(h({ "CF-Connecting-IP": "203.0.113.9" }), undefined)).toEqual({ ip: "203.0.113.9", key: "203.0.113.9", identified: true });
  });

  it("trusts only the configured header: another front door's, never a forgeable CF-Connecting-IP", () => {
    const headers = h({ "CF-Connecting-IP": "198.51.100.1", "X-Real-IP": "203.0.113.7" });
    expect(identify(headers, "X-Real-IP").ip).toBe("203.0.113.7");
    expect(identify(h({ "CF-Connecting-IP": "198.51.100.1" }), "X-Real-IP").identified).toBe(false);
  });

  it("takes X-Forwarded-For's right-most address (the one the trusted proxy appended)", () => {
    expect(identify(h({ "X-Forwarded-For": "1.1.1.1, 10.0.0.1, 203.0.113.5" }), "X-Forwarded-For").ip).toBe("203.0.113.5");
  });

  it("trusts no header when configured with an empty name", () => {
    expect(identify(h({ "CF-Connecting-IP": "203.0.113.9" }), "").identified).toBe(false);
  });

  it("refuses values that are not addresses", () => {
    for (const v of ["unknown", "", "1.2.3.4; drop", "999.1.1.1", "x".repeat(80)]) expect(identify(h({ "CF-Connecting-IP": v }), undefined).identified).toBe(false);
  });

  it("groups IPv6 clients by their /64", () => {
    expect(limitKeyOf("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(identify(h({ "CF-Connecting-IP": "2001:DB8:1:2::ffff" }), undefined).key).toBe("2001:db8:1:2::/64");
    expect(limitKeyOf("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(limitKeyOf("2001:0db8:0001:0002:0003:0004:0005:0006")).toBe("2001:db8:1:2::/64");
  });

  it("keys clients without a trusted address by fingerprint, never one shared 'unknown' bucket", () => {
    const a = identify(h({ "User-Agent": "Tablet A" }), undefined);
    const b = identify(h({ "User-Agent": "Phone B" }), undefined);
    expect(a.identified).toBe(false);
    expect(a.key).toMatch(/^unidentified:[0-9a-f]{8}$/);
    expect(a.key).not.toBe(b.key);
    expect(identify(h({ "User-Agent": "Tablet A" }), undefined).key).toBe(a.key);
  });
});
