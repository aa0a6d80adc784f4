// The live hub: the change version, the event log kept for clients that resume (`events`), and the
// one guarded send that every frame goes through — events, catch-up, guest statuses — so a socket
// that cannot take a frame is closed (1011) and never breaks the change that was being sent.
import type { MessageView } from "../../domain/sms/message-view";
import type { GuestStatus, HostServerMessage } from "../../domain/waitlist/protocol";
import type { Meta } from "../storage/meta";
import { CLOSE, closeQuietly } from "./close-codes";

/** Events kept for clients that reconnect and resume. */
export const EVENT_LOG_SIZE = 1000;

/** GuestStatus's fields, all written by statusFrame: a new field fails to compile here until it is. */
const STATUS_FIELDS = { status: true, position: true, partiesAhead: true, estimatedWaitMinutes: true, estimatedWaitRange: true, quotedWaitMinutes: true } as const;

export type Attachment = { kind: "host"; userId: string } | { kind: "guest"; partyId: string } | { kind: "board" };

export interface GuestSocket {
  ws: WebSocket;
  partyId: string;
}

export class LiveHub {
  private v: number;
  /** The party each guest socket follows, as read from its attachment. */
  private readonly partyOf = new WeakMap<WebSocket, string>();

  constructor(
    private readonly ctx: DurableObjectState,
    private readonly sql: SqlStorage,
    private readonly meta: Meta,
  ) {
    this.v = Number(meta.get("version") ?? 0);
  }

  get version(): number {
    return this.v;
  }

  nextVersion(): number {
    this.v += 1;
    this.meta.set("version", String(this.v));
    return this.v;
  }

  /** Logs a frame under its version (for resume) and sends it to every host screen. */
  publish(version: number, frame: string): void {
    this.sql.exec("INSERT INTO events (version, message) VALUES (?, ?)", version, frame);
    if (version % 100 === 0) this.sql.exec("DELETE FROM events WHERE version <= ?", version - EVENT_LOG_SIZE);
    this.broadcast(this.hosts(), frame);
  }

  /** An event that changes nothing else: the next version, logged and sent to hosts. */
  emit(event: { event: "message.sent" | "message.status_changed" | "message.received"; message: MessageView }): void {
    const version = this.nextVersion();
    this.publish(version, JSON.stringify({ type: "event", version, ...event }));
  }

  /** Sends one frame; a socket that is not open is skipped, one that fails is closed (1011). */
  send(ws: WebSocket, frame: string): boolean {
    if (ws.readyState !== WebSocket.OPEN) return false;
    try {
      ws.send(frame);
      return true;
    } catch {
      closeQuietly(ws, CLOSE.INTERNAL_ERROR, "send failed");
      return false;
    }
  }

  broadcast(sockets: Iterable<WebSocket>, frame: string): void {
    for (const ws of sockets) this.send(ws, frame);
  }

  hosts(): WebSocket[] {
    return this.ctx.getWebSockets("host");
  }

  /**
   * Open guest sockets with the party each one follows. Each socket's attachment is read once and
   * then remembered in memory (until hibernation drops the object, when it is read again), so a
   * change does not deserialize every socket's attachment.
   */
  guests(): GuestSocket[] {
    const out: GuestSocket[] = [];
    for (const ws of this.ctx.getWebSockets("guest")) {
      let partyId = this.partyOf.get(ws);
      if (partyId === undefined) {
        const a = ws.deserializeAttachment() as Attachment | null;
        if (a?.kind !== "guest") continue;
        partyId = a.partyId;
        this.partyOf.set(ws, partyId);
      }
      out.push({ ws, partyId });
    }
    return out;
  }

  accept(ws: WebSocket, attachment: Attachment): void {
    this.ctx.acceptWebSocket(ws, [attachment.kind]);
    ws.serializeAttachment(attachment);
    if (attachment.kind === "guest") this.partyOf.set(ws, attachment.partyId);
  }

  /** Missed events since `since` when they are still held, else a full snapshot. */
  catchUp(ws: WebSocket, since: number | null, snapshot: () => HostServerMessage): void {
    if (since !== null && since <= this.v) {
      const oldest = this.sql.exec("SELECT MIN(version) AS v FROM events").toArray()[0]?.v as number | null;
      if (since === this.v || (oldest !== null && oldest <= since + 1)) {
        for (const r of this.sql.exec("SELECT message FROM events WHERE version > ? ORDER BY version", since)) this.send(ws, r.message as string);
        return;
      }
    }
    this.send(ws, JSON.stringify(snapshot()));
  }

  /**
   * A guest's status frame, written out field by field: the fields are numbers, null and a state
   * name, so no JSON.stringify is needed, and a change costs the same whatever the line's length.
   * The key order is GuestStatus's, as JSON.stringify would give it.
   */
  static statusFrame(version: number, s: GuestStatus): string {
    STATUS_FIELDS satisfies Record<keyof GuestStatus, true>;
    const range = s.estimatedWaitRange ? `,"estimatedWaitRange":{"lowMinutes":${s.estimatedWaitRange.lowMinutes},"highMinutes":${s.estimatedWaitRange.highMinutes}}` : "";
    return `{"type":"status","version":${version},"status":"${s.status}","position":${s.position},"partiesAhead":${s.partiesAhead},"estimatedWaitMinutes":${s.estimatedWaitMinutes}${range},"quotedWaitMinutes":${s.quotedWaitMinutes}}`;
  }

  /** Forgets the event log (retention: events may carry purged data). */
  clearLog(): void {
    this.sql.exec("DELETE FROM events");
  }

  closeAll(reason: string): void {
    for (const ws of this.ctx.getWebSockets()) closeQuietly(ws, CLOSE.NORMAL, reason);
  }

  reset(): void {
    this.v = 0;
  }
}
