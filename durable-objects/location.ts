// The location this DO serves, bound once per RPC target (Restaurant.at) and kept in `meta`, so
// the alarm (which has no caller) knows it too.
import type { LocationRef, LocationScope } from "../domain/waitlist/protocol";
import type { Meta } from "./storage/meta";

export class BoundLocation {
  private ref: LocationRef | null;

  constructor(private readonly meta: Meta) {
    this.ref = meta.json<LocationRef>("location");
  }

  get current(): LocationRef | null {
    return this.ref;
  }

  get timezone(): string {
    return this.ref?.timezone ?? "UTC";
  }

  get name(): string {
    return this.ref?.name ?? "";
  }

  /**
   * Keeps the latest reference (name or time zone may change); true when it changed. A reference
   * older than the one held (a request that read the location before a rename landed) is ignored.
   */
  use(loc: LocationRef): boolean {
    const c = this.ref;
    if (c && c.id === loc.id && c.accountId === loc.accountId && c.name === loc.name && c.timezone === loc.timezone) return false;
    if (c && c.id === loc.id && c.updatedAt !== undefined && loc.updatedAt !== undefined && loc.updatedAt < c.updatedAt) return false;
    this.ref = { id: loc.id, accountId: loc.accountId, name: loc.name, timezone: loc.timezone, ...(loc.updatedAt !== undefined && { updatedAt: loc.updatedAt }) };
    this.meta.setJson("location", this.ref);
    return true;
  }

  /**
   * Whether this location belongs to `accountId`, from the reference the Worker bound after its own
   * D1 check: "unknown" until one was bound (the Worker then looks in D1 once and binds it).
   */
  scope(accountId: string): LocationScope {
    const c = this.ref;
    if (!c) return { kind: "unknown" };
    return c.accountId === accountId ? { kind: "owned", location: c } : { kind: "foreign" };
  }

  forget(): void {
    this.ref = null;
  }
}
