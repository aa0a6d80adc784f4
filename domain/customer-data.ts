// Which of an account's customer data one purge deletes, in its Durable Objects and in D1 alike:
// everything created before an instant (the retention policy), or everything that holds one phone
// number (a guest's erasure on a data-subject request, issue 22). One purge, two selections, so an
// erasure reaches every place retention does.
export type CustomerDataScope = { kind: "created_before"; before: number } | { kind: "phone"; phone: string };

/** The SQL condition on a parties or reservations row (both have `created_at` and `phone`) and its one argument. */
export function scopeCondition(scope: CustomerDataScope): { where: string; arg: number | string } {
  return scope.kind === "phone" ? { where: "phone = ?", arg: scope.phone } : { where: "created_at < ?", arg: scope.before };
}
