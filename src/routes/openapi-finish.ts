// The last pass over the generated OpenAPI document, so that tools accept it as it is (redocly lint
// with its recommended rules: no errors, no warnings, no ignore file): a stable operationId for every
// operation, security stated on each (`[]` for public ones), the licence, the WebSocket channels
// described apart from the HTTP paths (an upgrade has no 2xx), and the outgoing webhook events in the
// OpenAPI 3.1 `webhooks` section.
import { LOCATION_STATUSES, WEBHOOK_EVENT_TYPES, type WebhookEventType } from "../../domain/webhook-events";

type Json = Record<string, any>;
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/** Naive English singular for path words ("parties" → "party", "locations" → "location"). */
function singular(word: string): string {
  if (/ies$/.test(word)) return word.slice(0, -3) + "y";
  if (/(ss|us)$/.test(word)) return word;
  return word.replace(/s$/, "");
}

const pascal = (s: string) => s.split(/[-_.]/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");

/**
 * The operationId a route gets from its method and path, stable for as long as the path is:
 * `POST /api/locations/{locationId}/waitlist/{partyId}/notify` → `postLocationWaitlistPartyNotify`.
 * A word followed by an id is made singular ("parties/{token}" → "Party"); an id adds its own name
 * only where the word before it does not change ("waitlist/{partyId}" → "WaitlistParty").
 */
export function operationIdFor(method: string, path: string): string {
  const segs = path.split("/").filter((s) => s && s !== "api");
  const words: string[] = [];
  segs.forEach((s, i) => {
    const param = /^\{(\w+)\}$/.exec(s)?.[1];
    if (param) {
      // "locations/{locationId}" is said by "Location" alone; "waitlist/{partyId}" needs "Party",
      // "password-reset/{token}" needs "Token" (else it would be the same as "password-reset").
      const prev = segs[i - 1] ?? "";
      const thing = pascal(param.replace(/Id$/, ""));
      if (singular(prev) === prev && !pascal(prev).endsWith(thing)) words.push(thing);
      return;
    }
    words.push(pascal(/^\{/.test(segs[i + 1] ?? "") ? singular(s) : s));
  });
  return method.toLowerCase() + words.join("");
}

export function finishDocument<T extends Json>(doc: T): T {
  const d = doc as Json;
  d.info = { ...d.info, license: { name: "AGPL-3.0-or-later", identifier: "AGPL-3.0-or-later" } };
  const sockets: Json = {};
  for (const [path, item] of Object.entries((d.paths ?? {}) as Record<string, Json>)) {
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      op.operationId ??= operationIdFor(method, path);
      // No security on a route means it is public: say so.
      op.security ??= [];
      if (op.responses?.["101"]) {
        (sockets[path] ??= {})[method] = { ...op, "x-protocol": SOCKET_PROTOCOLS[path] ?? null };
        delete item[method];
      }
    }
    if (METHODS.every((m) => !item[m])) delete d.paths[path];
  }
  // WebSockets are no HTTP operation tools can call (their answer is 101): described here, with the
  // frames each side sends, and in README ("Live channel", "Guests").
  d["x-websockets"] = sockets;
  d.webhooks = webhookSection(d);
  return withExamples(doc);
}

// ---- WebSocket protocols ---------------------------------------------------------------------------

const SOCKET_PROTOCOLS: Record<string, Json> = {
  "/api/locations/{locationId}/live": {
    summary: "Host screens: a snapshot, then one versioned event per change; resume with since or {type: resume}.",
    docs: "README.md#live-channel-host-screens",
    clientMessages: [
      { example: { type: "resume", version: 42 }, description: "Missed events after `version` if still held (the last 1,000), else a new snapshot." },
      { example: "ping", description: "Answered with the text pong without waking the Durable Object." },
    ],
    serverMessages: [
      { type: "snapshot", fields: ["version", "parties", "settings", "intervals", "newPartyWaits"] },
      {
        type: "event",
        events: ["party.created", "party.updated", "party.status_changed", "party.moved", "settings.updated", "estimates.updated", "message.sent", "message.status_changed", "message.received", "reservation.created", "reservation.updated", "tables.updated", "feedback.received", "feedback.updated"],
        optionalFields: {
          waits: "The wait figures this change moved (the same estimator as the guest page, texts and webhooks): parties[] of {partyId, estimatedWaitMinutes, estimatedWaitRange}, and newPartyWaits[] of {partySize, estimatedWaitMinutes, estimatedWaitRange} when any of those moved.",
        },
      },
      { type: "error", fields: ["code", "message"] },
    ],
    closeCodes: { 4401: "The session ended", 4403: "Access withdrawn", 4404: "The location was deleted", 1008: "Too many invalid frames", 1009: "Frame too large" },
    instants: "epoch milliseconds",
  },
  "/api/public/parties/{token}/live": {
    summary: "A guest's own status, now and whenever it changes (never anyone else's data).",
    docs: "README.md#guests-no-account",
    clientMessages: [{ example: "ping", description: "Answered with pong." }, { example: { type: "resume", version: 7 }, description: "Sends the current status again." }],
    serverMessages: [{ type: "status", example: { type: "status", version: 7, status: "waiting", position: 3, partiesAhead: 2, estimatedWaitMinutes: 18, estimatedWaitRange: { lowMinutes: 12, highMinutes: 26 }, quotedWaitMinutes: 20 } }],
    instants: "epoch milliseconds",
  },
  "/api/public/locations/{slug}/board/live": {
    summary: "The display board (issue 22): the whole board now, on resume and whenever it reads differently. Parties as a masked label and a size only.",
    docs: "README.md#display-board",
    clientMessages: [{ example: "ping", description: "Answered with pong." }, { example: { type: "resume", version: 7 }, description: "Sends the whole board again (the catch-up after a reconnect)." }],
    serverMessages: [
      {
        type: "board",
        example: { type: "board", version: 7, open: true, called: [{ label: "Ana G.", partySize: 2 }], next: [{ label: "Kenji W.", partySize: 4 }], waits: [{ partySize: 2, estimatedWaitMinutes: 15 }] },
      },
    ],
    closeCodes: { 4410: "The location switched its board off (reconnect later; the upgrade answers 403 board_off while it is off)" },
  },
};

// ---- outgoing webhooks -----------------------------------------------------------------------------

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const EXAMPLE_PARTY = {
  id: "5b7f2c1e-8a44-4c1b-9d0e-2f6a1c3b9e71",
  name: "Ana Souza",
  phone: "+12125550142",
  partySize: 4,
  notes: "Window seat if possible",
  tags: ["birthday"],
  quotedWaitMinutes: 25,
  source: "host",
  smsConsent: true,
  status: "waiting",
  position: 3,
  partiesAhead: 2,
  estimatedWaitMinutes: 22,
  estimatedWaitRange: { lowMinutes: 15, highMinutes: 30 },
  createdAt: "2026-12-04T19:05:12.000Z",
  notifiedAt: null,
  notifyCount: 0,
  seatedAt: null,
  closedAt: null,
  updatedAt: "2026-12-04T19:05:12.000Z",
  version: 118,
  onMyWayAt: null,
  tableIds: [],
  closedBy: null,
};
const EXAMPLE_RESERVATION = {
  id: "0c9d3e55-61f2-4b8a-a7a0-93d1f0e4c2b6",
  name: "Kenji Watanabe",
  phone: "+14155550187",
  email: "kenji@example.com",
  partySize: 2,
  notes: "Anniversary",
  tags: [],
  start: "2026-12-05T23:30:00.000Z",
  end: "2026-12-06T01:00:00.000Z",
  durationMinutes: 90,
  tableIds: ["9a1b6f3c-2d4e-4f50-8a61-7b2c3d4e5f60"],
  status: "confirmed",
  source: "online",
  smsConsent: true,
  createdAt: "2026-12-01T16:20:00.000Z",
  updatedAt: "2026-12-04T10:02:41.000Z",
  version: 121,
};
const EXAMPLE_MESSAGE = {
  id: "e4a1b2c3-d4e5-4f60-8a71-92b3c4d5e6f7",
  partyId: EXAMPLE_PARTY.id,
  direction: "outbound",
  kind: "table_ready",
  body: "Ana, your table at Trattoria Roma is ready! Please come to the host stand.",
  status: "delivered",
  provider: "twilio",
  errorCode: null,
  errorMessage: null,
  createdAt: "2026-12-04T19:31:02.000Z",
  updatedAt: "2026-12-04T19:31:05.000Z",
};

const MessageWithParty = {
  allOf: [ref("Message"), { type: "object", properties: { partyId: { type: ["string", "null"], description: "The party or reservation the text is about." } }, required: ["partyId"] }],
};

interface EventDoc {
  summary: string;
  data: Json;
  example: Json;
}

const party = (summary: string, status = "waiting"): EventDoc => ({
  summary,
  data: { type: "object", properties: { party: ref("Party") }, required: ["party"] },
  example: { party: { ...EXAMPLE_PARTY, status } },
});
const reservation = (summary: string, status: string): EventDoc => ({
  summary,
  data: { type: "object", properties: { reservation: ref("Reservation") }, required: ["reservation"] },
  example: { reservation: { ...EXAMPLE_RESERVATION, status } },
});
const message = (summary: string, m: Json): EventDoc => ({
  summary,
  data: { type: "object", properties: { message: MessageWithParty }, required: ["message"] },
  example: { message: { ...EXAMPLE_MESSAGE, ...m } },
});

const feedback = (summary: string, f: Json = {}): EventDoc => ({
  summary,
  data: { type: "object", properties: { feedback: ref("Feedback") }, required: ["feedback"] },
  example: { feedback: { comment: null, ...f } },
});

export const EVENT_DOCS: Record<WebhookEventType, EventDoc> = {
  "party.created": party("A party joined the line (added by a host, by self check-in or by the API)."),
  "party.updated": party("A party's details changed (name, size, notes, tags, quote, on-my-way)."),
  "party.status_changed": party("A party's status changed: notified, seated, cancelled, left, no-show, restored.", "notified"),
  "party.moved": party("A party's place in line changed (a host moved it or one ahead of it)."),
  "reservation.created": reservation("A booking was made (online or by a host).", "booked"),
  "reservation.updated": reservation("A booking's details, time, size or tables changed.", "booked"),
  "reservation.status_changed": reservation("A booking was confirmed, arrived, seated, completed, cancelled or marked a no-show.", "confirmed"),
  "message.sent": message("A text was handed to the SMS provider.", { status: "sent" }),
  "message.status_changed": message("A text's delivery status changed (delivered, undelivered, failed, refused, retrying).", { status: "delivered" }),
  "message.received": message("A guest texted the location.", { direction: "inbound", kind: "inbound", status: "received", body: "Running 5 minutes late", provider: "twilio" }),
  "location.status_changed": {
    summary: "The location opened, closed or filled up (its waitlist limit reached).",
    data: {
      type: "object",
      properties: { status: { type: "string", enum: [...LOCATION_STATUSES] }, previousStatus: { type: "string", enum: [...LOCATION_STATUSES] } },
      required: ["status", "previousStatus"],
    },
    example: { status: "full", previousStatus: "open" },
  },
  "feedback.received": feedback("A guest rated their visit (feedback after the meal): 1–5 and an optional comment. `low` is at or below the location's alert threshold."),
  "feedback.updated": feedback("A guest changed their rating or added a comment (the rating page sends the rating on the tap, then again with the comment).", { comment: "The soup was cold." }),
};

const HEADERS = [
  { name: "webhook-id", example: "evt_3f6c9a0e-5b1d-4c7e-9f20-8a4b6c2d1e09", description: "The event id: the same on every retry; de-duplicate on it." },
  { name: "webhook-timestamp", example: "1796411112", description: "Seconds since the epoch when this attempt was signed." },
  { name: "webhook-signature", example: "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=", description: "`v1,` + base64 HMAC-SHA256 of `id.timestamp.body` with the endpoint's whsec_ secret (Standard Webhooks)." },
];

/**
 * An event's example: the resource's own schema example (so a field added to Party or Reservation is
 * in it too), with the hand-picked values above laid over it.
 */
function eventExample(doc: Json, e: EventDoc): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(e.example)) {
    const schema = e.data.properties?.[key];
    const base = schema?.$ref || schema?.allOf ? exampleOf(doc, schema) : null;
    out[key] = base && typeof base === "object" && value && typeof value === "object" ? { ...base, ...value } : value;
  }
  return out;
}

function webhookSection(doc: Json): Json {
  const out: Json = {};
  for (const type of WEBHOOK_EVENT_TYPES) {
    const e = EVENT_DOCS[type];
    out[type] = {
      post: {
        operationId: `webhook${pascal(type)}`,
        tags: ["Webhooks"],
        summary: e.summary,
        description:
          "Sent to every enabled endpoint whose event and location filters match, at least once, signed per Standard Webhooks. " +
          "`sequence` increases with every change of the location: order by it and drop repeats.",
        security: [],
        parameters: HEADERS.map((h) => ({ name: h.name, in: "header", required: true, description: h.description, schema: { type: "string" }, example: h.example })),
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: {
                  id: { type: "string", description: "The event id (as the webhook-id header)." },
                  type: { type: "string", const: type },
                  createdAt: { type: "string", format: "date-time" },
                  locationId: { type: "string", format: "uuid" },
                  sequence: { type: "integer", minimum: 1, description: "Per location, increasing with each change." },
                  data: e.data,
                },
                required: ["id", "type", "createdAt", "locationId", "sequence", "data"],
              },
              example: {
                id: HEADERS[0]!.example,
                type,
                createdAt: "2026-12-04T19:05:12.000Z",
                locationId: "36b620a7-e61f-455a-8cd4-8f8b774667c0",
                sequence: 118,
                data: eventExample(doc, e),
              },
            },
          },
        },
        responses: {
          "2XX": { description: "Received. Any other answer, or none within 15 s, is retried with backoff for three days." },
        },
      },
    };
  }
  return out;
}

// ---- examples --------------------------------------------------------------------------------------

const EXAMPLE_IDS: Record<string, string> = {
  locationId: "36b620a7-e61f-455a-8cd4-8f8b774667c0",
  partyId: EXAMPLE_PARTY.id,
  reservationId: EXAMPLE_RESERVATION.id,
  tableId: "9a1b6f3c-2d4e-4f50-8a61-7b2c3d4e5f60",
  userId: "7d2e4f60-1a3b-4c5d-8e9f-0a1b2c3d4e5f",
  inviteId: "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f",
  endpointId: "4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8",
  deliveryId: "6a7b8c9d-0e1f-4a2b-b3c4-d5e6f7a8b9c0",
  keyId: "8c9d0e1f-2a3b-4c4d-95e6-f7a8b9c0d1e2",
  senderId: "0e1f2a3b-4c5d-4e6f-a7b8-c9d0e1f2a3b4",
  messageId: EXAMPLE_MESSAGE.id,
  accountId: "1f2a3b4c-5d6e-4f70-8a9b-c0d1e2f3a4b5",
};

/** Realistic values by field name; anything else is derived from the schema's type and format. */
const EXAMPLE_STRINGS: Record<string, string> = {
  name: "Ana Souza",
  accountName: "Trattoria Roma",
  email: "ana@example.com",
  password: "Correct-Horse-9",
  phone: "+12125550142",
  to: "+12125550142",
  notes: "Window seat if possible",
  body: "Your table is ready! Please come to the host stand.",
  message: "The request body is not valid.",
  code: "validation_failed",
  path: "partySize",
  slug: "trattoria-roma",
  token: "bG9jYXRpb24tdG9rZW4tZXhhbXBsZQ",
  ticket: "dGlja2V0LWV4YW1wbGUtMTIzNDU2Nzg",
  timezone: "America/New_York",
  timeZone: "America/New_York",
  country: "US",
  language: "en",
  currency: "USD",
  url: "https://hooks.example.com/seatline",
  guestUrl: "https://seatline.example.com/w/36b620a7e61f455a8cd48f8b774667c0witWC8nQg8",
  statusUrl: "/w/36b620a7e61f455a8cd48f8b774667c0witWC8nQg8",
  manageUrl: "https://seatline.example.com/book/0c9d3e5561f24b8aa7a093d1f0e4c2b6Qm9va2luZw",
  description: "Kitchen display system",
  secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  prefix: "sl_live_3xQ9",
  date: "2026-12-05",
  localDate: "2026-12-05",
  time: "19:30",
  localTime: "19:30",
  start: "2026-12-05T23:30:00.000Z",
  end: "2026-12-06T01:00:00.000Z",
  accentColor: "#1f6feb",
  phoneCountryCode: "1",
  cursor: "eyJhdCI6MTc5NjQxMTExMjAwMCwiaWQiOiI1YjdmMmMxZSJ9",
  nextCursor: "eyJhdCI6MTc5NjQxMTExMjAwMCwiaWQiOiI1YjdmMmMxZSJ9",
  kind: "table_ready",
  provider: "twilio",
  reason: "Deliveries failed for three days: The receiver answered 500.",
  placeholder: "{name}",
  address: "12 Mulberry St, New York, NY 10013",
  area: "Patio",
  from: "+15005550006",
  invitedBy: "Maria Rossi",
  inviterName: "Maria Rossi",
  restaurant: "Trattoria Roma",
  confirmAccountName: "Trattoria Roma",
  lastDate: "2027-03-04",
  planCode: "pro",
  errorCode: "twilio:30003",
  errorMessage: "Unknown destination handset",
  phoneDisplay: "(212) 555-0142",
  phoneExample: "(201) 555-0123",
  month: "2026-12",
  service: "Dinner",
  periodEnd: "2027-01-04T00:00:00.000Z",
  pastDueSince: "2026-12-01T00:00:00.000Z",
};

const EXAMPLE_NUMBERS: [RegExp, number][] = [
  [/^(size|partySize|maxPartySize)$/i, 4],
  [/^notifyCount$/, 1],
  [/position/i, 3],
  [/ahead/i, 2],
  [/^quotedWaitMinutes$/, 25],
  [/minutes$/i, 20],
  [/version/i, 118],
  [/seats$/i, 4],
  [/count$|^total$|^inLine$/i, 12],
  [/limit/i, 50],
  [/code$/i, 200],
  [/ms$/i, 142],
  [/days$/i, 90],
];

function resolve(doc: Json, schema: Json | undefined): Json | undefined {
  let s = schema;
  for (let i = 0; s?.$ref && i < 10; i++) s = doc.components?.schemas?.[String(s.$ref).split("/").pop()!];
  return s;
}

/** An example built from a schema, with realistic values by field name; never "string" or a bare 0. */
export function exampleOf(doc: Json, schema: Json | undefined, name = "", depth = 0): unknown {
  const s = resolve(doc, schema);
  if (!s || depth > 8) return null;
  if (s.example !== undefined) return s.example;
  if (Array.isArray(s.examples) && s.examples.length > 0) return s.examples[0];
  if (s.const !== undefined) return s.const;
  if (Array.isArray(s.enum)) return s.enum.find((v: unknown) => v !== null) ?? null;
  for (const key of ["allOf"]) if (Array.isArray(s[key])) return Object.assign({}, ...s[key].map((x: Json) => exampleOf(doc, x, name, depth + 1)));
  for (const key of ["anyOf", "oneOf"]) {
    if (Array.isArray(s[key])) {
      const choice = s[key].find((x: Json) => resolve(doc, x)?.type !== "null") ?? s[key][0];
      return exampleOf(doc, choice, name, depth + 1);
    }
  }
  const types: string[] = Array.isArray(s.type) ? s.type : s.type ? [s.type] : s.properties ? ["object"] : [];
  const type = types.find((t) => t !== "null") ?? "null";
  // A nullable value with nothing telling to show (an instant not yet reached, an error not had) is null.
  if (types.includes("null") && type === "string" && !EXAMPLE_STRINGS[name] && !/^(createdAt|updatedAt)$/.test(name) && s.format !== "uuid" && !/Ids?$|^id$/.test(name)) return null;
  switch (type) {
    case "object": {
      const out: Json = {};
      for (const [k, v] of Object.entries((s.properties ?? {}) as Record<string, Json>)) out[k] = exampleOf(doc, v, k, depth + 1);
      if (!s.properties && s.additionalProperties && typeof s.additionalProperties === "object") out.example = exampleOf(doc, s.additionalProperties, name, depth + 1);
      return out;
    }
    case "array": {
      if (!s.items) return [];
      const n = Math.max(1, typeof s.minItems === "number" ? s.minItems : 1);
      const one = exampleOf(doc, s.items, singular(name), depth + 1);
      // Distinct items where the schema needs several (ids of two tables, say).
      return Array.from({ length: n }, (_, i) => (i === 0 || typeof one !== "string" ? one : one.replace(/.$/, String(i))));
    }
    case "integer":
    case "number": {
      const hit = EXAMPLE_NUMBERS.find(([re]) => re.test(name));
      const n = hit ? hit[1] : 2;
      const min = typeof s.minimum === "number" ? s.minimum : -Infinity;
      const max = typeof s.maximum === "number" ? s.maximum : Infinity;
      return Math.min(Math.max(n, min), max);
    }
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return matching(s, name, stringOf(s, name));
  }
}

/** A string example the schema's pattern accepts: the one by name, else a common shape that fits. */
function matching(s: Json, name: string, value: string): string {
  if (typeof s.pattern !== "string") return value;
  let re: RegExp;
  try {
    re = new RegExp(s.pattern);
  } catch {
    return value;
  }
  const candidates = [value, name === "end" || name === "to" ? "22:00" : "12:00", "2026-12-05", "tok_8Xc2Lq9", "42", "ABC123"];
  return candidates.find((c) => re.test(c)) ?? value;
}

function stringOf(s: Json, name: string): string {
  if (s.format === "date-time" || /At$/.test(name)) return "2026-12-04T19:05:12.000Z";
  if (s.format === "email") return EXAMPLE_STRINGS.email!;
  if (s.format === "password") return EXAMPLE_STRINGS.password!;
  if (s.format === "uri" || /Url$/.test(name)) return EXAMPLE_STRINGS[name] ?? "https://seatline.example.com/app";
  if (EXAMPLE_STRINGS[name]) return EXAMPLE_STRINGS[name];
  if (name === "id" || /Ids?$/.test(name) || s.format === "uuid") return EXAMPLE_IDS[name.replace(/s$/, "")] ?? "5b7f2c1e-8a44-4c1b-9d0e-2f6a1c3b9e71";
  if (/tag/i.test(name)) return "birthday";
  return `${name || "value"} example`.replace(/^./, (c) => c.toUpperCase());
}

/** Fills in an example wherever an operation has none: parameters, JSON bodies, JSON answers. */
export function withExamples<T extends Json>(doc: T): T {
  const d = doc as Json;
  const ops = [
    ...Object.values((d.paths ?? {}) as Record<string, Json>).flatMap((item) => METHODS.map((m) => item[m]).filter(Boolean)),
    ...Object.values((d["x-websockets"] ?? {}) as Record<string, Json>).flatMap((item) => METHODS.map((m) => item[m]).filter(Boolean)),
  ] as Json[];
  for (const op of ops) {
    for (const p of (op.parameters ?? []) as Json[]) {
      if (p.example === undefined && p.schema?.example === undefined) p.example = EXAMPLE_IDS[p.name] ?? exampleOf(d, p.schema, p.name);
    }
    const body = op.requestBody?.content?.["application/json"];
    if (body && body.example === undefined) body.example = exampleOf(d, body.schema);
    for (const [code, res] of Object.entries((op.responses ?? {}) as Record<string, Json>)) {
      const content = res.content?.["application/json"];
      if (!content || content.example !== undefined) continue;
      content.example = /^[45]/.test(code) ? errorExample(Number(code)) : exampleOf(d, content.schema);
    }
  }
  return doc;
}

const ERROR_EXAMPLES: Record<number, [string, string]> = {
  400: ["validation_failed", "The request body is not valid."],
  401: ["unauthorized", "Sign in to continue."],
  402: ["plan_limit", "Your plan does not include this. Upgrade to Pro."],
  403: ["forbidden", "Your role may not do this."],
  404: ["not_found", "Location not found."],
  409: ["conflict", "This conflicts with the current state."],
  410: ["gone", "This link has expired."],
  413: ["payload_too_large", "The body is larger than 64 KiB."],
  415: ["unsupported_media_type", "Send Content-Type: application/json."],
  429: ["rate_limited", "Too many requests. Try again in 30 seconds."],
};

function errorExample(code: number) {
  const [c, message] = ERROR_EXAMPLES[code] ?? ["error", "Something about this request is not right."];
  return { error: { code: c, message, details: code === 400 ? [{ path: "partySize", message: "Number must be at least 1." }] : [] } };
}
