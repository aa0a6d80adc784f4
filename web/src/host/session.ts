// The signed-in session, kept in localStorage so a tablet stays signed in across reloads (the server
// still ends it after 24 h without use). Every API call goes through `authed`, which sends the
// token and sends the user to /login when the session has ended.
import { api, ApiError, type RequestOptions } from "../shared/api";
import { navigate } from "../shared/router";
import type { Session } from "../shared/types";

const KEY = "seatline.session";

export function getSession(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export function setSession(s: Session | null) {
  if (s) localStorage.setItem(KEY, JSON.stringify(s));
  else localStorage.removeItem(KEY);
}

export async function authed<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const s = getSession();
  try {
    return await api<T>(path, { ...opts, token: s?.token });
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setSession(null);
      navigate(`/login?next=${encodeURIComponent(location.pathname)}`, true, true);
    }
    throw err;
  }
}

export async function signOut() {
  try {
    await authed("/api/auth/logout", { method: "POST" });
  } catch {
    // the session may already be over; signing out locally is what matters
  }
  setSession(null);
  navigate("/login", true, true);
}
