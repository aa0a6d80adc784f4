// The one alarm: armed for the earliest thing due (domain/wake.ts says when), it runs the due
// schedule entries, flushes the outboxes to D1 and the queue, and purges what the DO no longer
// needs. Alarms are at-least-once, so every step is idempotent.
import { nextWake } from "../domain/wake";
import { log } from "../lib/log";

export interface AlarmWork {
  /** Due reminders, no-shows and held parties' automatic no-shows (first, so their texts and changes go out in this same run). */
  runDue(at: number): Promise<void>;
  /** Flushes every outbox; returns the rows still pending. Null when the DO serves no location yet. */
  flush(): Promise<number> | null;
  purge(at: number): void;
  nextScheduled(): number | null;
  /** When the next notified party's hold runs out with automatic no-shows on (null: none). */
  nextHoldExpiry(): number | null;
  /** Re-reads the sessions behind open host sockets (live/host-authority.ts); a failure is logged. */
  recheck?(at: number): Promise<void>;
  /** When that re-check is next due (null: no host socket open). */
  nextCheck?(at: number): number | null;
  /** Sends the display boards their waits again when time alone moved them (live/board.ts). */
  boardTick?(at: number): void;
  /** When that is next due (null: no board open). */
  nextBoardTick?(at: number): number | null;
  oldestClosedAt(): number | null;
  oldestBookingEnd(): number | null;
  locationId(): string | null;
}

export class Alarm {
  private armedAt: number | null = null;
  private flushFailures = 0;

  constructor(private readonly storage: DurableObjectStorage) {}

  async load(): Promise<void> {
    this.armedAt = await this.storage.getAlarm();
  }

  /** Makes sure the alarm fires by `at` (an earlier one already armed stays). */
  arm(at: number): void {
    if (this.armedAt !== null && this.armedAt <= at) return;
    this.armedAt = at;
    void this.storage.setAlarm(at);
  }

  async fire(work: AlarmWork): Promise<void> {
    this.armedAt = null;
    const at = Date.now();
    await work.runDue(at);
    let pending = 0;
    const flushing = work.flush();
    if (flushing) {
      try {
        pending = await flushing;
        this.flushFailures = 0;
      } catch (err) {
        this.flushFailures += 1;
        log("error", "outbox flush failed", { locationId: work.locationId(), attempt: this.flushFailures, error: String(err) });
        pending = 1;
      }
    }
    work.purge(at);
    if (work.recheck) {
      try {
        await work.recheck(at);
      } catch (err) {
        log("error", "live authority re-check failed", { locationId: work.locationId(), error: String(err) });
      }
    }
    const wake = nextWake({
      at,
      pending,
      flushFailures: this.flushFailures,
      nextScheduled: work.nextScheduled(),
      nextHoldExpiry: work.nextHoldExpiry(),
      oldestClosedAt: work.oldestClosedAt(),
      oldestBookingEnd: work.oldestBookingEnd(),
    });
    work.boardTick?.(at);
    const soonest = [wake, work.nextCheck?.(at) ?? null, work.nextBoardTick?.(at) ?? null].filter((t): t is number => t !== null);
    const next = soonest.length > 0 ? Math.min(...soonest) : null;
    if (next !== null) this.arm(next);
  }

  async clear(): Promise<void> {
    await this.storage.deleteAlarm();
    this.armedAt = null;
  }
}
