// Webhook events out of the location's DO: every declared event type reaches a subscribed endpoint,
// signed per Standard Webhooks (verified with the standardwebhooks package), numbered by a sequence
// that increases per location, filtered by event and location, and never sent to another account.
// Real path throughout: REST → DO commit → webhook outbox → alarm → Queue → fan-out → fake receiver.
import { Webhook } from "standardwebhooks";
import { beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { WEBHOOK_EVENT_TYPES } from "../../domain/webhook-events";
import { call, signUp, waitFor, type SignedUp } from "../helpers/api";
import { bookPlace, booked, dayFromNow, localIso, reservationAct, type BookPlace } from "../reservations/support";
import { freshPhone, messageRow, rowsTo, textIn, twilioStatus, waitForStatus } from "../sms/helpers";

interface Got {
  headers: Record<string, string>;
  body: string;
}
interface Payload {
  id: string;
  type: string;
  createdAt: string;
  locationId: string | null;
  sequence: number | null;
  data: any;
}

const receiverUrl = (name: string) => `${inject("fakesUrl")}/receiver/${name}`;
async function received(name: string): Promise<Got[]> {
  return (await fetch(`${inject("fakesUrl")}/__control/receiver/${name}`)).json();
}
async function newEndpoint(o: { token: string }, name: string, body: Record<string, unknown> = {}) {
  const res = await call("POST", "/api/webhook-endpoints", { token: o.token, body: { url: receiverUrl(name), ...body } });
  if (res.status !== 201) throw new Error(`endpoint creation failed: ${res.status} ${res.text}`);
  return res.json as { id: string; secret: string };
}

/** Everything `name` got, each verified against `secret` with the standardwebhooks package. */
async function verified(name: string, secret: string): Promise<Payload[]> {
  const wh = new Webhook(secret);
  return (await received(name)).map((g) => wh.verify(g.body, g.headers) as Payload);
}

const run = `${Date.now().toString(36)}-${crypto.randomUUID().slice(0, 8)}`;
const names = { all: `ev-all-${run}`, created: `ev-created-${run}`, elsewhere: `ev-elsewhere-${run}`, foreign: `ev-foreign-${run}` };

let p: BookPlace;
let other: SignedUp;
let endpoints: Record<keyof typeof names, { id: string; secret: string }>;
let secondLocationId: string;
let events: Payload[];
const ids = {} as { ana: string; bo: string; fay: string; reservation: string };

beforeAll(async () => {
  p = await bookPlace({ timezone: "UTC" });
  other = await signUp({ accountName: "Events elsewhere" });
  secondLocationId = (await call("POST", "/api/locations", { token: p.token, body: { name: "Second", timezone: "UTC" } })).json.id;
  endpoints = {
    all: await newEndpoint(p, names.all),
    created: await newEndpoint(p, names.created, { eventTypes: ["party.created"] }),
    elsewhere: await newEndpoint(p, names.elsewhere, { locationIds: [secondLocationId] }),
    foreign: await newEndpoint(other, names.foreign),
  };
  // The other account's own changes reach only its own endpoint.
  const theirs = await call("POST", `/api/locations/${other.locationId}/waitlist`, { token: other.token, body: { name: "Theirs", partySize: 2 } });
  expect(theirs.status, theirs.text).toBe(201);

  // One of each: parties…
  const phone = freshPhone();
  const a = await call("POST", `${p.base}/waitlist`, { token: p.token, body: { name: "Ana", partySize: 2, phone, smsConsent: true } });
  expect(a.status, a.text).toBe(201);
  ids.ana = a.json.id;
  const b = await call("POST", `${p.base}/waitlist`, { token: p.token, body: { name: "Bo", partySize: 4 } });
  ids.bo = b.json.id;
  expect((await call("PATCH", `${p.base}/waitlist/${ids.ana}`, { token: p.token, body: { notes: "Window seat" } })).status).toBe(200);
  expect((await call("POST", `${p.base}/waitlist/${ids.bo}/move`, { token: p.token, body: { position: 1 } })).status).toBe(200);
  expect((await call("POST", `${p.base}/waitlist/${ids.ana}/notify`, { token: p.token })).status).toBe(200);
  // …texts (the "joined" and "table ready" texts are sent by the fake provider, then reported delivered,
  // and the guest answers)…
  const joined = await waitForStatus(phone, "joined", "sent", 20_000);
  expect((await twilioStatus(joined.provider_message_id, "delivered")).status).toBe(204);
  await waitFor(async () => (await messageRow(joined.id))?.status === "delivered");
  await textIn(phone, "Running 5 minutes late");
  await waitFor(async () => (await rowsTo(phone)).length >= 1);
  // …a booking…
  const day = dayFromNow(2, "UTC");
  const r = await booked(p, { start: localIso(day, "19:00", "UTC"), name: "Cy" });
  ids.reservation = r.id;
  expect((await call("PATCH", `${p.base}/reservations/${r.id}`, { token: p.token, body: { notes: "Birthday" } })).status).toBe(200);
  expect((await reservationAct(p, r.id, "confirm")).status).toBe(200);
  // …feedback after the meal (a guest seated and asked at once answers low, then adds a comment)…
  expect((await call("PATCH", `${p.base}/feedback-settings`, { token: p.token, body: { enabled: true, delayMinutes: 0 } })).status).toBe(200);
  const fayPhone = freshPhone();
  const f = await call("POST", `${p.base}/waitlist`, { token: p.token, body: { name: "Fay", partySize: 2, phone: fayPhone, smsConsent: true } });
  ids.fay = f.json.id;
  expect((await call("POST", `${p.base}/waitlist/${ids.fay}/seat`, { token: p.token })).status).toBe(200);
  const ask = await waitFor(async () => (await rowsTo(fayPhone)).find((r) => r.kind === "feedback"), 20_000, "the feedback text");
  const feedbackToken = /\/feedback\/(\S+)/.exec(ask.body)![1];
  expect((await call("POST", `/api/public/feedback/${feedbackToken}`, { body: { rating: 2 } })).status).toBe(200);
  expect((await call("POST", `/api/public/feedback/${feedbackToken}`, { body: { rating: 2, comment: "Slow service" } })).status).toBe(200);
  // …and the location closing, opening again, then full (two in line, a limit of two).
  for (const body of [{ open: false }, { open: true }, { maxLength: 2 }]) {
    const res = await call("PATCH", `${p.base}/waitlist-settings`, { token: p.token, body });
    expect(res.status, res.text).toBe(200);
  }

  events = await waitFor(
    async () => {
      const got = await verified(names.all, endpoints.all.secret);
      const types = new Set(got.map((e) => e.type));
      return WEBHOOK_EVENT_TYPES.every((t) => types.has(t)) && got.some((e) => e.type === "location.status_changed" && e.data.status === "full") && got;
    },
    25_000,
    "every event type at the subscribed endpoint",
  );
}, 90_000);

describe("webhook events from the location", () => {
  it("delivers every declared event type, each with a valid Standard Webhooks signature", () => {
    expect([...new Set(events.map((e) => e.type))].sort()).toEqual([...WEBHOOK_EVENT_TYPES].sort());
    for (const e of events) {
      expect(e.id).toMatch(/^evt_/);
      expect(e.locationId).toBe(p.locationId);
      expect(Date.parse(e.createdAt)).not.toBeNaN();
    }
  });

  it("numbers the location's events 1, 2, 3 … in the order the changes were made", () => {
    const sequences = events.map((e) => e.sequence!).sort((x, y) => x - y);
    expect(new Set(sequences).size).toBe(sequences.length);
    expect(sequences).toEqual(Array.from({ length: sequences.length }, (_, i) => i + 1));
    const bySequence = [...events].sort((x, y) => x.sequence! - y.sequence!);
    const first = (pred: (e: Payload) => boolean) => bySequence.findIndex(pred);
    const created = first((e) => e.type === "party.created" && e.data.party.id === ids.ana);
    const updated = first((e) => e.type === "party.updated" && e.data.party.id === ids.ana);
    const moved = first((e) => e.type === "party.moved" && e.data.party.id === ids.bo);
    const notified = first((e) => e.type === "party.status_changed" && e.data.party.id === ids.ana);
    const closed = first((e) => e.type === "location.status_changed" && e.data.status === "closed");
    const full = first((e) => e.type === "location.status_changed" && e.data.status === "full");
    expect([created, updated, moved, notified, closed, full].every((i) => i >= 0)).toBe(true);
    expect(created).toBeLessThan(updated);
    expect(updated).toBeLessThan(moved);
    expect(moved).toBeLessThan(notified);
    expect(notified).toBeLessThan(closed);
    expect(closed).toBeLessThan(full);
  });

  it("carries the party's position, parties ahead, estimate and its range as they were after the change", () => {
    const party = (type: string, id: string) => events.find((e) => e.type === type && e.data.party.id === id)!.data.party;
    expect(party("party.created", ids.ana)).toMatchObject({ name: "Ana", partySize: 2, status: "waiting", position: 1, partiesAhead: 0 });
    expect(party("party.created", ids.bo)).toMatchObject({ name: "Bo", position: 2, partiesAhead: 1 });
    expect(party("party.moved", ids.bo)).toMatchObject({ position: 1, partiesAhead: 0 });
    expect(party("party.status_changed", ids.ana)).toMatchObject({ status: "notified", position: 2, partiesAhead: 1 });
    for (const e of events.filter((x) => x.type.startsWith("party."))) {
      expect(e.data.party.estimatedWaitMinutes === null || Number.isInteger(e.data.party.estimatedWaitMinutes)).toBe(true);
      // The range rides with the figure: null unless the estimate comes from the floor (this place has no tables).
      expect(e.data.party).toHaveProperty("estimatedWaitRange");
      const range = e.data.party.estimatedWaitRange;
      if (range !== null) expect(range.lowMinutes <= e.data.party.estimatedWaitMinutes && e.data.party.estimatedWaitMinutes <= range.highMinutes).toBe(true);
      expect(Date.parse(e.data.party.createdAt)).not.toBeNaN();
    }
  });

  it("tells a booking's edits from its status changes, and messages by what happened to them", () => {
    const of = (type: string) => events.filter((e) => e.type === type);
    expect(of("reservation.created").map((e) => e.data.reservation.id)).toEqual([ids.reservation]);
    expect(of("reservation.updated").map((e) => e.data.reservation.notes)).toEqual(["Birthday"]);
    expect(of("reservation.status_changed").map((e) => e.data.reservation.status)).toEqual(["confirmed"]);
    expect(of("message.sent").every((e) => e.data.message.direction === "outbound" && e.data.message.status === "sent")).toBe(true);
    expect(of("message.status_changed").map((e) => e.data.message.status)).toContain("delivered");
    expect(of("message.received").map((e) => e.data.message.body)).toEqual(["Running 5 minutes late"]);
    expect(of("location.status_changed").map((e) => [e.data.previousStatus, e.data.status])).toEqual([
      ["open", "closed"],
      ["closed", "open"],
      ["open", "full"],
    ]);
  });

  it("carries a guest's feedback as its REST resource: received with the rating, updated with the comment", () => {
    const [received] = events.filter((e) => e.type === "feedback.received");
    const [updated] = events.filter((e) => e.type === "feedback.updated");
    expect(received!.data.feedback).toMatchObject({ partyId: ids.fay, reservationId: null, name: "Fay", rating: 2, comment: null, low: true });
    expect(updated!.data.feedback).toMatchObject({ id: received!.data.feedback.id, rating: 2, comment: "Slow service", low: true });
    for (const key of ["sentAt", "answeredAt", "updatedAt"]) expect(updated!.data.feedback[key]).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
    expect(received!.sequence!).toBeLessThan(updated!.sequence!);
  });

  it("respects the event filter and the location filter, and sends nothing to another account", async () => {
    const created = await verified(names.created, endpoints.created.secret);
    expect(created.map((e) => e.type)).toEqual(["party.created", "party.created", "party.created"]);
    expect(created.map((e) => e.data.party.id).sort()).toEqual([ids.ana, ids.bo, ids.fay].sort());
    expect(await received(names.elsewhere)).toEqual([]);
    const foreign = await waitFor(async () => {
      const got = await verified(names.foreign, endpoints.foreign.secret);
      return got.length > 0 && got;
    }, 15_000);
    expect(foreign.every((e) => e.locationId === other.locationId)).toBe(true);
    expect(foreign.map((e) => e.data.party?.name)).toEqual(["Theirs"]);
    expect(events.some((e) => e.data.party?.name === "Theirs")).toBe(false);
  });
});
