// Structured console logs. Emails and phone numbers are masked before anything is written;
// passwords and tokens are never passed here at all.

const EMAIL = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;
const PHONE = /(?<![\w-])\+?\d[\d\s().-]{6,}\d(?![\w-])/g;

// A UUID with a letter in it (our own request ids) can hold neither: no "@", and a phone match would
// have to run from its first character to its last through digits and separators only.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether maskPii would change `text`: an "@", or seven digits a phone number could be made of. */
function mayHoldPii(text: string): boolean {
  if (text.includes("@")) return true;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57 && ++digits >= 7) return !(UUID.test(text) && /[a-f]/i.test(text));
  }
  return false;
}

export function maskPii(text: string): string {
  // Every request line masks its request id and method: most hold nothing to mask (issue 14).
  if (!mayHoldPii(text)) return text;
  return text
    .replace(EMAIL, (_m, first: string, domain: string) => `${first}***@${domain}`)
    .replace(PHONE, (m) => {
      const digits = m.replace(/\D/g, "");
      return digits.length >= 7 ? `***${digits.slice(-2)}` : m;
    });
}

function maskValue(value: unknown): unknown {
  if (typeof value === "string") return maskPii(value);
  if (Array.isArray(value)) return value.map(maskValue);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskValue(v)]));
  }
  return value;
}

type Level = "debug" | "info" | "warn" | "error";

export function log(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  const line = JSON.stringify({ level, msg: maskPii(msg), ...(maskValue(fields) as object) });
  // Request lines still waiting (see logRequest) go first, so the output keeps its order.
  flushRequestLines();
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.log(line);
}

/** The one line written per request (src/app.ts). */
export interface RequestLine {
  /** Hono's request id: ours (a UUID) or the client's X-Request-Id, so it is masked. */
  requestId: string;
  /** The client's method token, masked like anything a client sends. */
  method: string;
  /** The matched route pattern (ours, never the raw URL with its ids and tokens). */
  route: string;
  status: number;
  durationMs: number;
  /** Our own id of the caller's account, when signed in. */
  accountId: string | undefined;
}

/**
 * Request lines written together. Under `wrangler dev` (npm start, the bench) every console call
 * costs the isolate 1–3 ms (the runtime hands it to the inspector and to wrangler's structured-log
 * pipe; measured on 2 cores, issue 14), and locally the Worker shares that thread with the Durable
 * Objects: a join storm of 300 guests paid ~0.7 s for its 300 lines. Off production the lines of
 * requests that end within REQUEST_LINES_DELAY_MS are written by one console.log (still one JSON
 * line per request, newline-separated), after the response. Production writes each line at once:
 * there a console call is cheap and belongs to its own invocation in Workers Logs.
 */
export const REQUEST_LINES_DELAY_MS = 50;
const REQUEST_LINES_MAX = 64;
let pending: string[] = [];

function flushRequestLines(): void {
  if (pending.length === 0) return;
  const lines = pending;
  pending = [];
  console.log(lines.join("\n"));
}

/**
 * One line for a finished request: only the strings a client chose (the request id and the method)
 * go through the PII mask; the route pattern, numbers and our own ids carry none.
 * `batch`: the request may share a console call with others (off production), kept alive by `waitUntil`.
 */
export function logRequest(r: RequestLine, batch?: { waitUntil: (p: Promise<unknown>) => void }): void {
  const line = JSON.stringify({
    level: "info",
    msg: "request",
    requestId: maskPii(r.requestId),
    method: maskPii(r.method),
    route: r.route,
    status: r.status,
    durationMs: r.durationMs,
    accountId: r.accountId,
  });
  if (!batch) {
    flushRequestLines();
    console.log(line);
    return;
  }
  pending.push(line);
  if (pending.length >= REQUEST_LINES_MAX) return flushRequestLines();
  // Each request waits on a timer of its own (no promise shared across requests); whichever fires
  // first writes every line waiting by then, and the others find nothing left to write.
  batch.waitUntil(new Promise<void>((resolve) => setTimeout(() => resolve(flushRequestLines()), REQUEST_LINES_DELAY_MS)));
}
