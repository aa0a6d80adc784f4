// Abuse limits for live sockets, as pure functions of a small per-socket state (unit-tested in
// test/live/guard.unit.test.ts). Clients only ever need to send "ping" (answered by the runtime
// without reaching this code) and now and then {"type":"resume","version":N}; anything else is junk.
// The figures are in README's Security section.

export const GUARD_LIMITS = {
  /** A frame larger than this closes the socket with 1009 (message too big). */
  maxFrameBytes: 4096,
  /** Frames a socket may send at once (token bucket size)… */
  burst: 20,
  /** …and steadily after that, per second. Frames over the rate are dropped and count as strikes. */
  perSecond: 2,
  /** Invalid or over-rate frames a socket may send before it is closed with 1008 (policy violation). */
  maxStrikes: 16,
  /** Junk is answered with one error frame, then at most once per this interval (never one-for-one). */
  errorReplyIntervalMs: 10_000,
  /** A socket's resumes are served at most once per this interval; repeats inside it are coalesced. */
  resumeIntervalMs: 5_000,
} as const;

export type GuardLimits = { readonly [K in keyof typeof GUARD_LIMITS]: number };

export interface GuardState {
  tokens: number;
  refilledAt: number;
  strikes: number;
  lastErrorReplyAt: number | null;
  lastResumeAt: number | null;
}

/** What the frame turned out to be once parsed: junk, or a resume (the only message with an answer). */
export type Frame = { kind: "invalid" } | { kind: "resume"; version: number };

export type Decision =
  /** Serve it. */
  | { action: "handle" }
  /** Say once that the frame is not understood. */
  | { action: "reply_error" }
  /** Drop it without an answer (over the rate, repeated junk, a coalesced resume). */
  | { action: "ignore"; why: "rate" | "junk" | "coalesced" }
  | { action: "close"; code: 1008 | 1009; reason: string };

export function newGuardState(at: number, limits: GuardLimits = GUARD_LIMITS): GuardState {
  return { tokens: limits.burst, refilledAt: at, strikes: 0, lastErrorReplyAt: null, lastResumeAt: null };
}

/** Before parsing: a frame over the size limit closes the socket. */
export function checkSize(bytes: number, limits: GuardLimits = GUARD_LIMITS): Decision | null {
  if (bytes > limits.maxFrameBytes) return { action: "close", code: 1009, reason: `Frames are limited to ${limits.maxFrameBytes} bytes.` };
  return null;
}

function strike(s: GuardState, limits: GuardLimits): Decision | null {
  s.strikes += 1;
  return s.strikes >= limits.maxStrikes ? { action: "close", code: 1008, reason: "Too many invalid or excess frames." } : null;
}

/** Takes one token; false when the socket is over its rate. Mutates `s`. */
export function takeToken(s: GuardState, at: number, limits: GuardLimits = GUARD_LIMITS): boolean {
  const elapsed = Math.max(0, at - s.refilledAt);
  s.tokens = Math.min(limits.burst, s.tokens + (elapsed / 1000) * limits.perSecond);
  s.refilledAt = at;
  if (s.tokens < 1) return false;
  s.tokens -= 1;
  return true;
}

/**
 * The decision for one frame of `bytes` that parsed as `frame`, at `at`. Mutates `s` (the caller keeps
 * one state per socket). Order: size, rate, then what the frame is.
 */
export function admit(s: GuardState, bytes: number, frame: Frame, at: number, limits: GuardLimits = GUARD_LIMITS): Decision {
  const tooBig = checkSize(bytes, limits);
  if (tooBig) return tooBig;
  if (!takeToken(s, at, limits)) return strike(s, limits) ?? { action: "ignore", why: "rate" };
  if (frame.kind === "invalid") {
    const closed = strike(s, limits);
    if (closed) return closed;
    if (s.lastErrorReplyAt === null || at - s.lastErrorReplyAt >= limits.errorReplyIntervalMs) {
      s.lastErrorReplyAt = at;
      return { action: "reply_error" };
    }
    return { action: "ignore", why: "junk" };
  }
  // A socket that resumed is current: it gets every later event as it happens, so a repeat within
  // the interval asks for nothing new (or for a replay it already had) and is not served again.
  if (s.lastResumeAt !== null && at - s.lastResumeAt < limits.resumeIntervalMs) return { action: "ignore", why: "coalesced" };
  s.lastResumeAt = at;
  return { action: "handle" };
}

/** A frame's size in bytes (UTF-8 for text). */
export function frameBytes(data: string | ArrayBuffer): number {
  if (typeof data !== "string") return data.byteLength;
  // Cheap upper bound first: every UTF-16 unit is at most 3 UTF-8 bytes.
  if (data.length * 3 <= GUARD_LIMITS.maxFrameBytes) return data.length;
  return new TextEncoder().encode(data).length;
}
