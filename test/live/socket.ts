// A WebSocket client for tests: opens a live channel through SELF like a browser would, keeps every
// frame, and waits on conditions with a timeout (never a sleep).
import { SELF } from "cloudflare:test";
import { call, ORIGIN, type SignedUp } from "../helpers/api";

export interface LiveSocket {
  ws: WebSocket;
  /** Every frame received, as sent, in order. */
  frames: string[];
  /** Every frame parsed as JSON; a frame that is not JSON (e.g. "pong") is kept as its text. */
  messages: any[];
  /**
   * The first message not yet taken by `next` that matches `predicate`; messages skipped on the way
   * are taken too. Fails after `timeoutMs` with what did arrive.
   */
  next(predicate?: (m: any) => boolean, timeoutMs?: number): Promise<any>;
  /** Messages that arrived after the last one `next` took, without waiting. */
  untaken(): any[];
  send(data: string | ArrayBuffer): void;
  /** Closes (1000) and waits for the server's side of the close handshake. */
  close(timeoutMs?: number): Promise<void>;
  /** Waits for the server to close the socket; its close code and reason. */
  closed(timeoutMs?: number): Promise<{ code: number; reason: string }>;
  /** The server's close, once it has happened (null while open). */
  closeEvent(): { code: number; reason: string } | null;
}

const open = new Set<LiveSocket>();

function parse(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The upgrade answer as it comes, for refusals (401, 403, 404, 410, 426). */
export async function upgrade(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return SELF.fetch(`${ORIGIN}${path}`, { headers: { Upgrade: "websocket", ...headers } });
}

/** Opens the socket at `path`; fails if the server does not switch protocols. */
export async function connect(path: string, headers: Record<string, string> = {}): Promise<LiveSocket> {
  const res = await upgrade(path, headers);
  const ws = res.webSocket;
  if (res.status !== 101 || !ws) throw new Error(`expected 101 from ${path}, got ${res.status} ${await res.text()}`);
  const frames: string[] = [];
  const messages: any[] = [];
  let taken = 0;
  const waiters = new Set<() => void>();
  let closed = false;
  let closeInfo: { code: number; reason: string } | null = null;
  const closedWaiters = new Set<() => void>();

  ws.addEventListener("message", (e) => {
    const text = typeof e.data === "string" ? e.data : new TextDecoder().decode(e.data as ArrayBuffer);
    frames.push(text);
    messages.push(parse(text));
    for (const w of [...waiters]) w();
  });
  ws.addEventListener("close", (e) => {
    closed = true;
    closeInfo = { code: e.code, reason: e.reason };
    for (const w of [...closedWaiters]) w();
  });
  ws.accept();

  const socket: LiveSocket = {
    ws,
    frames,
    messages,
    next(predicate = () => true, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          for (let i = taken; i < messages.length; i++) {
            if (predicate(messages[i])) {
              taken = i + 1;
              cleanup();
              resolve(messages[i]);
              return true;
            }
          }
          return false;
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`timed out after ${timeoutMs} ms waiting for a message; untaken: ${JSON.stringify(messages.slice(taken))}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        if (!check()) waiters.add(check);
      });
    },
    untaken: () => messages.slice(taken),
    send: (data) => ws.send(data),
    close(timeoutMs = 5000) {
      open.delete(socket);
      if (closed) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("timed out waiting for the close handshake")), timeoutMs);
        closedWaiters.add(() => {
          clearTimeout(timer);
          resolve();
        });
        ws.close(1000, "done");
      });
    },
    closed(timeoutMs = 5000) {
      if (closeInfo) return Promise.resolve(closeInfo);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for the server to close; frames: ${JSON.stringify(frames.slice(-3))}`)), timeoutMs);
        closedWaiters.add(() => {
          clearTimeout(timer);
          resolve(closeInfo!);
        });
      });
    },
    closeEvent: () => closeInfo,
  };
  open.add(socket);
  return socket;
}

/** Closes every socket a test left open (use in afterEach). */
export async function closeAll(): Promise<void> {
  await Promise.all([...open].map((s) => s.close()));
}

// ---- the app's live channels ---------------------------------------------------------------------

/** A one-use live ticket for `user` at `locationId` (the REST answer: ticket, expiresAt, url). */
export async function liveTicket(user: Pick<SignedUp, "token">, locationId: string): Promise<{ ticket: string; expiresAt: string; url: string }> {
  const res = await call("POST", `/api/locations/${locationId}/live-ticket`, { token: user.token });
  if (res.status !== 201) throw new Error(`live-ticket failed: ${res.status} ${res.text}`);
  return res.json;
}

export function hostPath(locationId: string, ticket: string, since?: number): string {
  return `/api/locations/${locationId}/live?ticket=${encodeURIComponent(ticket)}${since === undefined ? "" : `&since=${since}`}`;
}

/** A host screen's socket: a fresh ticket, then the upgrade. */
export async function openHost(user: Pick<SignedUp, "token">, locationId: string, opts: { since?: number } = {}): Promise<LiveSocket> {
  const t = await liveTicket(user, locationId);
  return connect(hostPath(locationId, t.ticket, opts.since));
}

/** A guest's status socket. */
export async function openGuest(guestToken: string): Promise<LiveSocket> {
  return connect(`/api/public/parties/${guestToken}/live`);
}

/** The guest token in a `guestUrl` or `statusUrl` (…/w/<token>). */
export function tokenOf(url: string): string {
  return url.split("/w/")[1]!;
}

/** Adds a party as a host (REST); returns the party and its guest token. */
export async function addParty(user: Pick<SignedUp, "token">, locationId: string, body: Record<string, unknown> = {}) {
  const res = await call("POST", `/api/locations/${locationId}/waitlist`, { token: user.token, body: { name: "Party", partySize: 2, ...body } });
  if (res.status !== 201) throw new Error(`add failed: ${res.status} ${res.text}`);
  return { party: res.json, guestToken: tokenOf(res.json.guestUrl) };
}

/** A host event message (type "event") whose version is `version`. */
export const atVersion = (version: number) => (m: any) => m?.type === "event" && m.version === version;
export const isEvent = (m: any) => m?.type === "event";
export const isSnapshot = (m: any) => m?.type === "snapshot";
export const isStatus = (m: any) => m?.type === "status";
