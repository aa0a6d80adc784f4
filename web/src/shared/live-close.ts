// Which closes of a live socket are final (no reconnecting) and what to show for them. No DOM here,
// so the rule is tested in Node (test/web/live-close.unit.test.ts).

/**
 * Closes after which redialling cannot help (durable-objects/live/authority.ts): the session ended
 * (4401), the member lost access (4403), the location is gone (4404), or the server judged the client
 * abusive (1008). The socket stops and reports the server's reason.
 */
export const FINAL_CLOSE_CODES: readonly number[] = [4401, 4403, 4404, 1008];

export function isFinalClose(code: number): boolean {
  return FINAL_CLOSE_CODES.includes(code);
}

/** What to show for a final close: the server's reason, or a default by code. */
export function finalCloseMessage(code: number, reason: string): string {
  if (reason) return reason;
  if (code === 4401) return "Your session has ended. Sign in again.";
  if (code === 4403) return "You no longer have access to this screen.";
  if (code === 4404) return "This location no longer exists.";
  return "The live connection was closed by the server.";
}
