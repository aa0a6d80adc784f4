// DO calls that failed in transit. The runtime marks such exceptions: `retryable` (the call may not
// have reached the object, e.g. "Network connection lost." when its isolate was reset) and `overloaded`
// (the object has too much queued work; retrying makes it worse). Reads are idempotent, so a read that
// failed retryably is tried once more; writes never are (the first attempt may have been applied), and
// any failure that remains answers 503 "unavailable" in the one error shape (src/app.ts).

/** The DO's read-only RPC methods: safe to call twice. */
export const READ_METHODS: ReadonlySet<string> = new Set([
  "list",
  "getParty",
  "getSettings",
  "guestStatus",
  "publicInfo",
  "getSmsSettings",
  "listReservations",
  "getReservation",
  "availability",
  "guestReservation",
  "listTables",
  "getBookingSettings",
  "getWidgetSettings",
  "getWidgetView",
  "getKioskToken",
  "getKioskAccepts",
]);

export interface TransientFlags {
  retryable?: boolean;
  overloaded?: boolean;
}

export function isTransient(err: unknown): err is Error & TransientFlags {
  return err instanceof Error && ((err as TransientFlags).retryable === true || (err as TransientFlags).overloaded === true);
}

/** Worth trying again: it may not have arrived, and the object is not overloaded. */
export function shouldRetry(err: unknown): boolean {
  return isTransient(err) && err.retryable === true && err.overloaded !== true;
}

/** Runs a read, once more if the first attempt failed retryably. */
export async function withReadRetry<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    if (!shouldRetry(err)) throw err;
    return read();
  }
}

/** The stub, with its read methods retried once on a retryable failure; everything else as it is. */
export function retryReads<T extends object>(stub: T): T {
  return new Proxy(stub, {
    get(target, prop) {
      const value = Reflect.get(target, prop);
      if (typeof value !== "function") return value;
      const call = (...args: unknown[]) => (target as Record<PropertyKey, (...a: unknown[]) => unknown>)[prop]!(...args);
      if (typeof prop === "string" && READ_METHODS.has(prop)) return (...args: unknown[]) => withReadRetry(() => call(...args) as Promise<unknown>);
      return call;
    },
  });
}
