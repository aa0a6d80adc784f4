// A "room" is one live channel under test: 300 guest sockets and 4 host sockets on one Seatline
// location, one bare DO room, or one bare ws room, with the host action each of them answers.
import { request } from "./http.mjs";
import { Client, closeAll, openAll } from "./sockets.mjs";

export class SeatlineRoom {
  /** @param {import("./seatline.mjs").Seatline} sl */
  constructor(sl, locationId, parties) {
    this.system = "seatline";
    this.sl = sl;
    this.locationId = locationId;
    this.parties = parties;
    this.hosts = [];
    this.guests = [];
    this.headSeated = false;
    this.order = null;
  }

  newGuestClients() {
    return this.sl.guestClients(this.parties);
  }

  async connect(hosts = 4) {
    this.hosts = await openAll(await this.sl.hostClients(this.locationId, hosts));
    this.guests = await openAll(this.newGuestClients());
  }

  get all() {
    return [...this.hosts, ...this.guests];
  }

  /** Fan-out action: seat the party at the head of the line, next time restore it (every guest moves). */
  async fanoutAction() {
    const action = this.headSeated ? "restore" : "seat";
    this.headSeated = !this.headSeated;
    return this.sl.act(this.locationId, this.parties[0].id, action);
  }

  /** Throughput action: move the last party to the front (every guest's position changes). */
  async throughputAction() {
    if (!this.order) this.order = await this.sl.line(this.locationId);
    const id = this.order.pop();
    this.order.unshift(id);
    return this.sl.act(this.locationId, id, "move", { position: 1 });
  }

  close() {
    return closeAll(this.all);
  }
}

export class BareRoom {
  /** @param {"bare-do"|"bare-ws"} system */
  constructor(system, base, room, guestCount) {
    this.system = system;
    this.base = base;
    this.room = room;
    this.guestCount = guestCount;
    this.hosts = [];
    this.guests = [];
  }

  url() {
    return `${this.base.replace(/^http/, "ws")}/ws?room=${this.room}`;
  }

  newGuestClients() {
    return Array.from({ length: this.guestCount }, () => new Client(this.url(), "guest"));
  }

  async connect(hosts = 4) {
    this.hosts = await openAll(Array.from({ length: hosts }, () => new Client(this.url(), "host")));
    this.guests = await openAll(this.newGuestClients());
  }

  get all() {
    return [...this.hosts, ...this.guests];
  }

  /** Fan-out: the pre-serialized broadcast alone (the strictest baseline: no write at all). */
  async fanoutAction() {
    return (await request(this.base, "POST", `/broadcast?room=${this.room}`)).version;
  }

  /** Throughput: one SQLite insert, then the broadcast (bare ws has no storage: broadcast only). */
  async throughputAction() {
    return (await request(this.base, "POST", `/write?room=${this.room}`)).version;
  }

  close() {
    return closeAll(this.all);
  }
}
