// Cursors for lists ordered by (an instant, an id), newest first: opaque to callers, checked on the
// way back in (docs/api-style.md: `limit`, `cursor`, `nextCursor`).
import { and, eq, lt, or, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { base64url } from "../../lib/crypto";
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

/** The rows after `cursor` in (at, id) descending order: `WHERE (at, id) < (cursor.at, cursor.id)`. */
export function afterCursor(at: SQLiteColumn, id: SQLiteColumn, cursor: { at: number; id: string } | null): SQL | undefined {
  return cursor ? or(lt(at, cursor.at), and(eq(at, cursor.at), lt(id, cursor.id))) : undefined;
}

/**
 * One page from rows fetched with `limit + 1`: the first `limit`, and the cursor for the next page
 * (null when the extra row was not there).
 */
export function pageOf<T extends { id: string }>(rows: T[], limit: number, at: (row: T) => number): { rows: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > limit && last ? encodeCursor(at(last), last.id) : null };
}
