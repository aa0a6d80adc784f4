// A tiny history router: the current path as state, and links that navigate without a reload.
// A page with unsaved changes can hold navigation (setLeaveGuard): in-app links, Back/Forward and
// the tab closing all ask first.
import { useEffect, useState } from "preact/hooks";

const listeners = new Set<() => void>();

/** A message when leaving now would lose something, else null. */
type Guard = () => string | null;
let guard: Guard | null = null;
let askToLeave: (message: string) => Promise<boolean> = async (message) => confirm(message);
// The path the app shows, so a Back that the guard refuses can be put back.
let shown = typeof location === "undefined" ? "/" : location.pathname + location.search;

export function setLeaveGuard(g: Guard | null) {
  guard = g;
}

/** How the app asks (an in-app dialog once one is mounted; the browser's confirm before). */
export function setLeaveAsker(ask: (message: string) => Promise<boolean>) {
  askToLeave = ask;
}

/** Resolves true when nothing unsaved would be lost, or the user chose to discard it. */
export async function leaveAllowed(): Promise<boolean> {
  const message = guard?.();
  if (!message) return true;
  const ok = await askToLeave(message);
  if (ok) guard = null;
  return ok;
}

function go(to: string, replace: boolean) {
  if (replace) history.replaceState(null, "", to);
  else history.pushState(null, "", to);
  shown = location.pathname + location.search;
  listeners.forEach((l) => l());
  scrollTo(0, 0);
}

/** Navigates in-app; `force` skips the unsaved-changes guard (the session ended, sign-out). */
export function navigate(to: string, replace = false, force = false) {
  if (force || !guard?.()) return go(to, replace);
  void leaveAllowed().then((ok) => ok && go(to, replace));
}

if (typeof addEventListener !== "undefined") {
  addEventListener("popstate", () => {
    const target = location.pathname + location.search;
    if (!guard?.()) {
      shown = target;
      listeners.forEach((l) => l());
      return;
    }
    // The URL has already changed: show the page's own address again while asking.
    history.pushState(null, "", shown);
    void leaveAllowed().then((ok) => ok && go(target, false));
  });
  addEventListener("beforeunload", (e) => {
    if (guard?.()) e.preventDefault();
  });
}

export function usePath(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const update = () => setPath(location.pathname);
    listeners.add(update);
    // A child's effect may have navigated before this effect subscribed (children's effects run first).
    update();
    return () => {
      listeners.delete(update);
    };
  }, []);
  return path;
}

/** Makes same-origin <a href> clicks navigate in-app. */
export function onLinkClick(e: MouseEvent) {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = (e.target as Element).closest?.("a");
  if (!a || a.target || a.hasAttribute("download") || a.origin !== location.origin) return;
  if (a.pathname.startsWith("/api/")) return;
  e.preventDefault();
  navigate(a.pathname + a.search);
}

/** Matches "/w/:token" style patterns; returns params or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split("/");
  const s = path.replace(/\/+$/, "").split("/");
  if (p.length !== s.length && !pattern.endsWith("*")) return null;
  const out: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const seg = p[i]!;
    if (seg === "*") return out;
    const v = s[i];
    if (v === undefined) return null;
    if (seg.startsWith(":")) out[seg.slice(1)] = decodeURIComponent(v);
    else if (seg !== v) return null;
  }
  return out;
}
