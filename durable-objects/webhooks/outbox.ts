// The webhook outbox: every change a webhook can report is recorded here, in the same synchronous
// SQLite transaction as the change itself, under the location's next sequence number; the alarm
// carries the records to the outbound queue (one message per batch) and the Worker fans them out to
// the endpoints that want them (src/messaging/webhooks/payloads.ts). The host's answer waits for
// none of that: recording is one local row, delivery happens after the ack (issue 15, item 4).
import type { Reservation } from "../../domain/reservations/model";
import type { MessageView } from "../../domain/sms/message-view";
import type { FeedbackView } from "../../domain/feedback";
import type { HostServerMessage, LocationRef } from "../../domain/waitlist/protocol";
import { locationStatus, messageEventType, type LocationEventRecord, type LocationStatus } from "../../domain/webhook-events";
import type { OutboundMessage } from "../../domain/outbound";
import { readReservation } from "../reservations/store";
import type { Meta } from "../storage/meta";
import type { Line } from "../waitlist/line";
import type { Parties } from "../waitlist/parties";
import type { Party } from "../../domain/waitlist/model";

/** Its own table, created where missing (like guest_languages), so it needs no schema version step. */
export const WEBHOOK_OUTBOX_SCHEMA = "CREATE TABLE IF NOT EXISTS webhook_outbox (sequence INTEGER PRIMARY KEY, record TEXT NOT NULL)";

const BATCH = 50;
/** Events per queue message: well under the queue's 128 KB per message with long notes and texts. */
const PER_MESSAGE = 25;

type Omitted<T> = T extends unknown ? Omit<T, "id" | "at" | "sequence"> : never;

export class WebhookOutbox {
  private sequence: number;
  private status: LocationStatus | null;

  constructor(
    private readonly sql: SqlStorage,
    private readonly meta: Meta,
    private readonly parties: Parties,
    private readonly line: Line,
    private readonly settings: () => { open: boolean; maxLength: number | null },
  ) {
    this.sequence = Number(meta.get("webhook_sequence") ?? 0);
    this.status = meta.get("webhook_location_status") as LocationStatus | null;
  }

  /** Records what one committed host event means to webhooks, then the location's status if it moved. */
  committed(message: HostServerMessage, at: number, written: Party | null = null): void {
    if (message.type === "event") {
      switch (message.event) {
        case "party.created":
        case "party.updated":
        case "party.status_changed":
        case "party.moved": {
          // The party the change just wrote, as written (no read back from SQLite).
          const p = written?.id === message.party.id ? written : this.parties.read(message.party.id);
          if (!p) break;
          // Position, parties ahead and the estimate as they are right after this change.
          this.record({ type: message.event, data: { party: this.line.rankedOne(p, at) } }, at);
          break;
        }
        case "reservation.created":
          this.record({ type: "reservation.created", data: { reservation: message.reservation } }, at);
          break;
        case "reservation.updated": {
          const r = readReservation(this.sql, message.reservation.id);
          const type = r && statusChangedAt(r) === r.updatedAt ? "reservation.status_changed" : "reservation.updated";
          this.record({ type, data: { reservation: message.reservation } }, at);
          break;
        }
        default:
          break;
      }
    }
    const s = this.settings();
    const now = locationStatus(s.open, s.maxLength, this.parties.active.size);
    const before = this.status ?? "open";
    if (now !== before) this.record({ type: "location.status_changed", data: { status: now, previousStatus: before } }, at);
    if (now !== this.status) {
      this.status = now;
      this.meta.set("webhook_location_status", now);
    }
  }

  /** A message's new status, or a guest's reply (they come from the Worker's messaging path). */
  message(view: MessageView, at: number): void {
    const type = messageEventType(view);
    if (type) this.record({ type, data: { message: view } }, at);
  }

  /** A guest's answer to feedback after the meal (feedback/requests.ts). */
  feedback(type: "feedback.received" | "feedback.updated", view: FeedbackView, at: number): void {
    this.record({ type, data: { feedback: view } }, at);
  }

  private record(e: Omitted<LocationEventRecord>, at: number): void {
    this.sequence += 1;
    this.meta.set("webhook_sequence", String(this.sequence));
    const rec = { id: `evt_${crypto.randomUUID()}`, at, sequence: this.sequence, ...e } as LocationEventRecord;
    this.sql.exec("INSERT INTO webhook_outbox (sequence, record) VALUES (?, ?)", this.sequence, JSON.stringify(rec));
  }

  /**
   * Carries the records to the queue in sequence order; returns how many remain (0 when all are
   * queued). A crash after the send and before the delete queues a batch twice at worst: the event
   * ids are the same, and emission makes one delivery per endpoint and event.
   */
  async flush(queue: Queue<OutboundMessage>, loc: LocationRef): Promise<number> {
    for (;;) {
      const rows = this.sql.exec("SELECT sequence, record FROM webhook_outbox ORDER BY sequence LIMIT ?", BATCH).toArray();
      if (rows.length === 0) return 0;
      const events = rows.map((r) => JSON.parse(r.record as string) as LocationEventRecord);
      const messages: { body: OutboundMessage }[] = [];
      for (let i = 0; i < events.length; i += PER_MESSAGE) {
        messages.push({ body: { kind: "webhook_events", accountId: loc.accountId, locationId: loc.id, events: events.slice(i, i + PER_MESSAGE) } });
      }
      await queue.sendBatch(messages);
      this.sql.exec("DELETE FROM webhook_outbox WHERE sequence <= ?", rows.at(-1)!.sequence);
    }
  }
}

/**
 * When a reservation's status last changed: every transition stamps its own instant and updatedAt
 * with the same `at` (domain/reservations/model.ts), an edit only updatedAt.
 */
export function statusChangedAt(r: Reservation): number | null {
  switch (r.status) {
    case "booked":
      return r.createdAt;
    case "confirmed":
      return r.confirmedAt;
    case "arrived":
      return r.arrivedAt;
    case "seated":
      return r.seatedAt;
    default:
      return r.closedAt;
  }
}
