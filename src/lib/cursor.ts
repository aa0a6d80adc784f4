// Cursors for lists ordered by (an instant, an id), newest first: opaque to callers, checked on the
// way back in (docs/api-style.md: `limit`, `cursor`, `nextCursor`).
import { base64url } from "./crypto";
import { validationFailed } from "./errors";

export function encodeCursor(at: number, id: string): string {
  return base64url(new TextEncoder().encode(`${at}:${id}`));
}

export function decodeCursor(cursor: string): { at: number; id: string } {
  try {
    const text = atob(cursor.replace(/-/g, "+").replace(/_/g, "/"));
    const [at, id] = text.split(":");
    if (!at || !id || !/^\d+$/.test(at)) throw new Error("bad");
    return { at: Number(at), id };
  } catch {
    throw validationFailed("The cursor is not valid.", [{ path: "cursor", message: "Use nextCursor from a previous page." }]);
  }
}
