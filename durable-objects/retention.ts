// What the DO lets go of: closed parties once they are in D1 and their guest link has lapsed, old
// seatings, expired idempotency answers and tickets, old bookings (the alarm's routine purge); and
// the account's retention policy and a guest's erasure, which delete guests' data outright
// (purgeCustomerData).
import { RESERVATION_KEEP_MS } from "../domain/wake";
import { GUEST_TOKEN_GRACE_MS } from "../domain/waitlist/model";
import { forgetDepartedGuests } from "./guest-languages";
import { scopeCondition, type CustomerDataScope } from "../domain/customer-data";

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
 * Deletes the parties and bookings in `scope` (created before an instant, or holding one phone;
 * whatever their state) with everything that could still carry their data: outbox rows, queued
 * texts and emails, schedule entries; for a phone also texts and webhook events queued for that
 * number. Returns the ids of the parties deleted, how many bookings went, and whether the event log
 * mentions the phone; the caller clears the event log and idempotency answers and closes the
 * guests' sockets.
 */
export function purgeCustomerRows(sql: SqlStorage, scope: CustomerDataScope): { parties: string[]; bookings: number; logMentions: boolean } {
  const { where, arg } = scopeCondition(scope);
  const bookings = sql.exec(`SELECT COUNT(*) AS n FROM reservations WHERE ${where}`, arg).one().n as number;
  if (bookings > 0) {
    sql.exec(`DELETE FROM reservation_outbox WHERE reservation_id IN (SELECT id FROM reservations WHERE ${where})`, arg);
    sql.exec(`DELETE FROM schedule WHERE ref IN (SELECT id FROM reservations WHERE ${where})`, arg);
    sql.exec(`DELETE FROM sms_outbox WHERE party_id IN (SELECT id FROM reservations WHERE ${where})`, arg);
    sql.exec(`DELETE FROM email_outbox WHERE ref IN (SELECT id FROM reservations WHERE ${where})`, arg);
    sql.exec(`DELETE FROM reservations WHERE ${where}`, arg);
  }
  const parties = sql.exec(`SELECT id FROM parties WHERE ${where}`, arg).toArray().map((r) => r.id as string);
  if (parties.length > 0) {
    sql.exec(`DELETE FROM outbox WHERE party_id IN (SELECT id FROM parties WHERE ${where})`, arg);
    sql.exec(`DELETE FROM sms_outbox WHERE party_id IN (SELECT id FROM parties WHERE ${where})`, arg);
    sql.exec(`DELETE FROM parties WHERE ${where}`, arg);
  }
  let logMentions = false;
  if (scope.kind === "phone") {
    // Texts to the number that belong to no party left, and events for webhooks that carry it
    // (records are JSON: the number appears as a quoted string).
    sql.exec("DELETE FROM sms_outbox WHERE to_phone = ?", scope.phone);
    sql.exec("DELETE FROM webhook_outbox WHERE instr(record, ?) > 0", JSON.stringify(scope.phone));
    logMentions = sql.exec("SELECT EXISTS (SELECT 1 FROM events WHERE instr(message, ?) > 0) AS x", JSON.stringify(scope.phone)).one().x === 1;
  }
  forgetDepartedGuests(sql);
  return { parties, bookings, logMentions };
}
