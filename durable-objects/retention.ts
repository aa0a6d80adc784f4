// What the DO lets go of: closed parties once they are in D1 and their guest link has lapsed, old
// seatings, expired idempotency answers and tickets, old bookings (the alarm's routine purge); and
// the account's retention policy, which deletes guests' data outright (purgeCustomerData).
import { RESERVATION_KEEP_MS } from "../domain/wake";
import { GUEST_TOKEN_GRACE_MS } from "../domain/waitlist/model";
import { forgetDepartedGuests } from "./guest-languages";

/** Routine purge, from the alarm. */
export function purgeExpired(sql: SqlStorage, at: number): void {
  sql.exec(`DELETE FROM parties WHERE closed_at IS NOT NULL AND closed_at < ? AND id NOT IN (SELECT party_id FROM outbox)`, at - GUEST_TOKEN_GRACE_MS);
  sql.exec(
    `DELETE FROM schedule WHERE ref IN (SELECT id FROM reservations WHERE end_at < ? AND id NOT IN (SELECT reservation_id FROM reservation_outbox))`,
    at - RESERVATION_KEEP_MS,
  );
  sql.exec("DELETE FROM reservations WHERE end_at < ? AND id NOT IN (SELECT reservation_id FROM reservation_outbox)", at - RESERVATION_KEEP_MS);
  forgetDepartedGuests(sql);
}

/**
 * Deletes the parties and bookings created before `before` (whatever their state) with everything
 * that could still carry their data: outbox rows, queued texts, schedule entries. Returns the ids of
 * the parties deleted and how many bookings went; the caller clears the event log and idempotency
 * answers and closes the guests' sockets.
 */
export function purgeCreatedBefore(sql: SqlStorage, before: number): { parties: string[]; bookings: number } {
  const bookings = sql.exec("SELECT COUNT(*) AS n FROM reservations WHERE created_at < ?", before).one().n as number;
  if (bookings > 0) {
    sql.exec("DELETE FROM reservation_outbox WHERE reservation_id IN (SELECT id FROM reservations WHERE created_at < ?)", before);
    sql.exec("DELETE FROM schedule WHERE ref IN (SELECT id FROM reservations WHERE created_at < ?)", before);
    sql.exec("DELETE FROM sms_outbox WHERE party_id IN (SELECT id FROM reservations WHERE created_at < ?)", before);
    sql.exec("DELETE FROM reservations WHERE created_at < ?", before);
  }
  const parties = sql.exec("SELECT id FROM parties WHERE created_at < ?", before).toArray().map((r) => r.id as string);
  if (parties.length > 0) {
    sql.exec("DELETE FROM outbox WHERE party_id IN (SELECT id FROM parties WHERE created_at < ?)", before);
    sql.exec("DELETE FROM sms_outbox WHERE party_id IN (SELECT id FROM parties WHERE created_at < ?)", before);
    sql.exec("DELETE FROM parties WHERE created_at < ?", before);
  }
  forgetDepartedGuests(sql);
  return { parties, bookings };
}
