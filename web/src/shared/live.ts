// A WebSocket that reconnects by itself with exponential backoff (1 s doubling to 30 s, with jitter),
// at once when the browser comes back online, and keeps the connection warm with "ping" frames.
// `connect` gets a fresh URL each time (a host needs a new one-use ticket and its last version).

import { finalCloseMessage, isFinalClose } from "./live-close";

export type LiveState = "connecting" | "open" | "offline";


export interface LiveOptions<M> {
  url: () => Promise<string>;
  onMessage: (msg: M) => void;
  onState: (state: LiveState, attempt: number) => void;
  /** A refusal that retrying cannot fix (the link expired): stop and report it. */
  onFatal?: (code: string, message: string) => void;
}

export class LiveSocket<M extends { type: string }> {
  private ws: WebSocket | null = null;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private pinger: ReturnType<typeof setInterval> | null = null;
  private stopped = false;
  private deadline: ReturnType<typeof setTimeout> | null = null;
  private readonly onOnline = () => this.retryNow();
  // A phone waking up or a tablet back on Wi-Fi may hold a socket that is silently dead: check it.
  private readonly onVisible = () => {
    if (document.visibilityState === "visible") {
      if (this.ws) this.ping();
      else this.retryNow();
    }
  };

  constructor(private readonly opts: LiveOptions<M>) {
    addEventListener("online", this.onOnline);
    document.addEventListener("visibilitychange", this.onVisible);
    void this.open();
  }

  /** "ping" must be answered (by "pong" or any frame) within 10 s, else the socket is dropped and redialled. */
  private ping() {
    const ws = this.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return;
    ws.send("ping");
    if (this.deadline) return;
    this.deadline = setTimeout(() => {
      this.deadline = null;
      if (this.ws === ws) ws.close(4001, "no answer to ping");
    }, 10_000);
  }

  private async open() {
    if (this.stopped) return;
    this.opts.onState("connecting", this.attempt);
    let url: string;
    try {
      url = await this.opts.url();
    } catch (err) {
      const code = (err as { status?: number; code?: string }).code;
      const status = (err as { status?: number }).status ?? 0;
      if (status === 404 || status === 410 || status === 401) return this.fatal(code ?? "gone", (err as Error).message);
      return this.scheduleRetry();
    }
    if (this.stopped) return;
    const ws = new WebSocket(url);
    this.ws = ws;
    let opened = false;
    ws.onopen = () => {
      opened = true;
      this.attempt = 0;
      this.opts.onState("open", 0);
      this.pinger = setInterval(() => this.ping(), 25_000);
    };
    ws.onmessage = (e) => {
      if (this.deadline) clearTimeout(this.deadline);
      this.deadline = null;
      if (typeof e.data !== "string" || e.data === "pong") return;
      try {
        const msg = JSON.parse(e.data) as M & { code?: string; message?: string };
        if (msg.type === "error" && (msg.code === "gone" || msg.code === "not_found")) return this.fatal(msg.code, msg.message ?? "");
        this.opts.onMessage(msg);
      } catch {
        // not JSON: ignore
      }
    };
    ws.onclose = (e) => {
      if (this.pinger) clearInterval(this.pinger);
      this.pinger = null;
      if (this.deadline) clearTimeout(this.deadline);
      this.deadline = null;
      if (this.ws !== ws) return;
      this.ws = null;
      if (isFinalClose(e.code)) return this.fatal(String(e.code), finalCloseMessage(e.code, e.reason));
      if (!opened) this.attempt += 1;
      this.scheduleRetry();
    };
  }

  private scheduleRetry() {
    if (this.stopped) return;
    this.opts.onState("offline", this.attempt);
    const base = Math.min(30_000, 1000 * 2 ** Math.max(0, this.attempt - 1));
    this.attempt += 1;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.open(), base / 2 + Math.random() * (base / 2));
  }

  private fatal(code: string, message: string) {
    this.stop();
    this.opts.onFatal?.(code, message);
  }

  retryNow() {
    if (this.stopped || this.ws) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    void this.open();
  }

  send(data: string) {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(data);
  }

  /** Closes the current connection as a network drop would; it reconnects by itself (used by tests too). */
  drop() {
    this.ws?.close(4000, "dropped");
  }

  stop() {
    this.stopped = true;
    removeEventListener("online", this.onOnline);
    document.removeEventListener("visibilitychange", this.onVisible);
    if (this.deadline) clearTimeout(this.deadline);
    if (this.timer) clearTimeout(this.timer);
    if (this.pinger) clearInterval(this.pinger);
    const ws = this.ws;
    this.ws = null;
    ws?.close(1000, "bye");
  }
}
