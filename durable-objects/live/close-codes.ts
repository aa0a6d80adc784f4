// WebSocket close codes and reasons the DO sends, by name (RFC 6455 §7.4).

export const CLOSE = {
  /** The channel ended on purpose (location deleted, data purged). */
  NORMAL: 1000,
  /** A frame could not be sent, or the socket reported an error: the client reconnects and resumes. */
  INTERNAL_ERROR: 1011,
} as const;

/** Codes a peer may send but an endpoint must never send back (1005, 1006, 1015). */
const RESERVED = new Set([1005, 1006, 1015]);

/** The code to answer a peer's close with. */
export function echoCode(code: number): number {
  return RESERVED.has(code) ? CLOSE.NORMAL : code;
}

/** Closes a socket that may already be gone. */
export function closeQuietly(ws: WebSocket, code: number, reason: string): void {
  try {
    ws.close(code, reason);
  } catch {
    // already closed
  }
}
