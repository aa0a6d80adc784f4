// DO results as values (their status and code survive the RPC boundary; see DoResult).
import type { DoResult } from "../domain/waitlist/protocol";

export const fail = <T>(status: 400 | 404 | 409 | 410 | 422, code: string, message: string): DoResult<T> => ({ ok: false, status, code, message });
export const ok = <T>(value: T): DoResult<T> => ({ ok: true, value });
