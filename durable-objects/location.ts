// The location this DO serves, bound once per RPC target (Restaurant.at) and kept in `meta`, so
// the alarm (which has no caller) knows it too.
import type { LocationRef } from "../domain/waitlist/protocol";
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

  /** Keeps the latest reference (name or time zone may change); true when it changed. */
  use(loc: LocationRef): boolean {
    const c = this.ref;
    if (c && c.id === loc.id && c.accountId === loc.accountId && c.name === loc.name && c.timezone === loc.timezone) return false;
    this.ref = { id: loc.id, accountId: loc.accountId, name: loc.name, timezone: loc.timezone };
    this.meta.setJson("location", this.ref);
    return true;
  }

  forget(): void {
    this.ref = null;
  }
}
