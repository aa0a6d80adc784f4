// Where webhooks may be sent (SSRF rules): https only in production; never to a loopback, private,
// link-local, CGNAT, multicast or unspecified address, or to names that only resolve inside a network
// (localhost, *.local, *.internal). `http://127.0.0.1` and `http://localhost` are allowed only in
// development and test, for local receivers. Checked when an endpoint is saved and again before each
// delivery (a stored URL is re-judged under the current rules). Cloudflare's fetch cannot reach
// private networks from a Worker either; this check makes the refusal explicit and testable.

export type Environment = "development" | "test" | "production";

function ipv4(host: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  return parts.every((p) => p <= 255) ? parts : null;
}

function privateIpv4([a, b]: number[]): boolean {
  return (
    a === 0 || // "this network"
    a === 10 ||
    a === 127 ||
    (a === 100 && b! >= 64 && b! <= 127) || // CGNAT
    (a === 169 && b === 254) || // link-local, cloud metadata
    (a === 172 && b! >= 16 && b! <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0) || // IETF protocol assignments
    (a === 198 && (b === 18 || b === 19)) || // benchmarking
    a! >= 224 // multicast and reserved
  );
}

function privateIpv6(host: string): boolean {
  const h = host.toLowerCase();
  if (h === "::" || h === "::1") return true;
  // IPv4-mapped (::ffff:a.b.c.d or ::ffff:xxxx:xxxx) takes the IPv4 rules.
  const mapped = /^::ffff:(.+)$/.exec(h);
  if (mapped) {
    const v4 = ipv4(mapped[1]!);
    if (v4) return privateIpv4(v4);
    const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(mapped[1]!);
    if (hex) {
      const n = (parseInt(hex[1]!, 16) << 16) | parseInt(hex[2]!, 16);
      return privateIpv4([(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);
    }
    return true;
  }
  return /^f[cd]/.test(h) || /^fe[89ab]/.test(h) || /^ff/.test(h) || h.startsWith("64:ff9b:") || h.startsWith("2001:db8");
}

const INTERNAL_NAMES = /(^|\.)(localhost|local|internal|intranet|lan|home\.arpa)$/i;

/** Why `raw` may not receive webhooks, or null when it may. */
export function endpointUrlProblem(raw: string, environment: Environment): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Enter a full URL, such as https://example.com/seatline-webhooks.";
  }
  if (url.username || url.password) return "The URL must not carry a user name or password.";
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const local = environment !== "production" && url.protocol === "http:" && (host === "127.0.0.1" || host === "localhost");
  if (local) return null;
  if (url.protocol !== "https:") {
    return environment === "production" ? "Webhook URLs must use https." : "Webhook URLs must use https (http only to 127.0.0.1 or localhost outside production).";
  }
  const v4 = ipv4(host);
  const v6 = host.includes(":");
  if (v4 ? privateIpv4(v4) : v6 && privateIpv6(host)) {
    return "Webhook URLs cannot point at a private, loopback or link-local address.";
  }
  if (!v4 && !v6 && (INTERNAL_NAMES.test(host) || !host.includes("."))) return "Webhook URLs must name a public host.";
  return null;
}
