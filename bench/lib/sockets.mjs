// WebSocket clients (the `ws` package) that record every frame with its arrival time and version.
import WebSocket from "ws";

/** The `"version":N` of a frame without parsing the whole JSON (the same cost for every system). */
export function versionOf(text) {
  const i = text.indexOf('"version":');
  return i < 0 ? null : Number.parseInt(text.slice(i + 10, i + 26), 10);
}

/**
 * One client socket. `onFrame(client, text, version, t)` is called for each text frame; the client
 * also keeps its own counters so lost and out-of-order frames can be checked afterwards.
 */
export class Client {
  /** @param {string} url @param {string} kind "host" | "guest" */
  constructor(url, kind) {
    this.url = url;
    this.kind = kind;
    this.frames = 0;
    this.bytes = 0;
    this.lastVersion = null;
    this.outOfOrder = 0;
    this.gaps = 0;
    this.firstAt = null;
    /** @type {null | ((client: Client, text: string, version: number|null, t: number) => void)} */
    this.onFrame = null;
    /** When set, frames are also kept (bytes and payloads scenario). */
    this.keep = null;
    this.closed = false;
  }

  /** Opens the socket; resolves when its first frame has arrived (every channel sends a state first). */
  open(timeoutMs = 30_000) {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(this.url, { perMessageDeflate: false, handshakeTimeout: timeoutMs });
      this.ws = ws;
      const timer = setTimeout(() => reject(new Error(`${this.kind} socket: no first frame within ${timeoutMs} ms`)), timeoutMs);
      ws.on("message", (data, isBinary) => {
        const t = performance.now();
        if (isBinary) return;
        const text = data.toString();
        const v = versionOf(text);
        this.frames += 1;
        this.bytes += Buffer.byteLength(text);
        if (v !== null) {
          if (this.lastVersion !== null) {
            if (v <= this.lastVersion) this.outOfOrder += 1;
            else if (this.kind === "host" && v !== this.lastVersion + 1) this.gaps += v - this.lastVersion - 1;
          }
          this.lastVersion = v;
        }
        if (this.keep) this.keep.push(text);
        if (this.firstAt === null) {
          this.firstAt = t;
          clearTimeout(timer);
          resolve(this);
        }
        this.onFrame?.(this, text, v, t);
      });
      ws.on("unexpected-response", (_req, res) => {
        clearTimeout(timer);
        let body = "";
        res.on("data", (d) => (body += d));
        res.on("end", () => reject(new Error(`${this.kind} socket refused: ${res.statusCode} ${body.slice(0, 200)}`)));
      });
      ws.on("error", (err) => {
        clearTimeout(timer);
        reject(err);
      });
      ws.on("close", () => (this.closed = true));
    });
  }

  /** Resets the counters (not the version order check). */
  resetCounts() {
    this.frames = 0;
    this.bytes = 0;
  }

  close() {
    if (!this.ws || this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.ws.terminate();
        resolve();
      }, 3_000);
      this.ws.once("close", () => {
        clearTimeout(timer);
        resolve();
      });
      this.ws.close(1000);
    });
  }
}

/** Opens clients with at most `concurrency` handshakes in flight (set-up, not measured). */
export async function openAll(clients, concurrency = 50) {
  let next = 0;
  const worker = async () => {
    while (next < clients.length) await clients[next++].open();
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, clients.length) }, worker));
  return clients;
}

export const closeAll = (clients) => Promise.all(clients.map((c) => c.close()));
