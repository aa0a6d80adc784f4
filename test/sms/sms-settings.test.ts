// A location's templates, switches and segment counts (GET/PATCH /api/locations/:id/sms-settings).
import { beforeAll, describe, expect, it } from "vitest";
import { addMember, call, signUp, type SignedUp } from "../helpers/api";
import { DEFAULT_TEMPLATES, TEMPLATE_KINDS } from "../../domain/sms/templates";
import { addParty, flush, freshPhone, received, rowsTo, waitForStatus } from "./helpers";

let o: SignedUp;
beforeAll(async () => {
  o = await signUp();
});

const path = () => `/api/locations/${o.locationId}/sms-settings`;
const get = () => call("GET", path(), { token: o.token });
const patch = (body: unknown, token = o.token) => call("PATCH", path(), { token, body });

function expectValidation(res: { status: number; json: any }, message?: RegExp) {
  expect(res.status).toBe(400);
  expect(res.json).toEqual({ error: { code: "validation_failed", message: expect.any(String), details: expect.any(Array) } });
  if (message) expect(res.json.error.message).toMatch(message);
}

describe("SMS settings", () => {
  it("shows every template with its switch, placeholders and segment count", async () => {
    const res = await get();
    expect(res.status).toBe(200);
    expect(Object.keys(res.json.templates).sort()).toEqual([...TEMPLATE_KINDS].sort());
    expect(res.json.primaryProvider).toBe("twilio");
    expect(res.json.templates.table_ready).toEqual({
      enabled: true,
      body: DEFAULT_TEMPLATES.table_ready.body,
      placeholders: ["{name}", "{restaurant}", "{position}", "{wait}"],
      // As written: each brace of {name} and {restaurant} is a GSM-7 extension character (two septets).
      segments: { encoding: "GSM-7", units: DEFAULT_TEMPLATES.table_ready.body.length + 4, segments: 1, remaining: 160 - DEFAULT_TEMPLATES.table_ready.body.length - 4 },
    });
    expect(res.json.templates.joined.placeholders).toContain("{link}");
  });

  it("returns the segment count of a saved template (UCS-2 with an emoji)", async () => {
    const body = "{name}, your table is ready 🍽️ Reply 1 if you're on your way.";
    const res = await patch({ templates: { cancelled: { body } } });
    expect(res.status).toBe(200);
    expect(res.json.templates.cancelled).toMatchObject({ body, enabled: true, segments: { encoding: "UCS-2", units: body.length, segments: 1 } });
    expect((await get()).json.templates.cancelled.body).toBe(body);
  });

  it("counts a long GSM-7 template in 153-character segments", async () => {
    const body = "{name} " + "x".repeat(200); // 207 characters, 209 septets (the braces count two)
    const res = await patch({ templates: { cancelled: { body } } });
    expect(res.json.templates.cancelled.segments).toEqual({ encoding: "GSM-7", units: 209, segments: 2, remaining: 306 - 209 });
  });

  it("refuses an unknown placeholder with 400 naming it, and saves nothing", async () => {
    const before = (await get()).json;
    const res = await patch({ almostUpPosition: 5, templates: { joined: { body: "Hi {name}, table {table} soon" } } });
    expectValidation(res, /\{table\}/);
    expect(res.json.error.details).toEqual([expect.objectContaining({ path: "templates.joined.body", placeholder: "{table}" })]);
    expect((await get()).json).toEqual(before);
  });

  it("refuses {link} in the table-ready text (it has no link to give)", async () => {
    const res = await patch({ templates: { table_ready: { body: "Ready: {link}" } } });
    expectValidation(res, /\{link\}/);
    expect(res.json.error.details).toEqual([expect.objectContaining({ path: "templates.table_ready.body", placeholder: "{link}" })]);
  });

  it("accepts {link} in the joined text", async () => {
    const res = await patch({ templates: { joined: { body: "{name}, you're #{position}: {link}" } } });
    expect(res.status).toBe(200);
  });

  it.each([
    ["an empty patch", {}],
    ["an unknown setting", { colour: "red" }],
    ["an unknown template kind", { templates: { birthday: { body: "Hi" } } }],
    ["position 0", { almostUpPosition: 0 }],
    ["a fractional position", { almostUpPosition: 2.5 }],
    ["an unknown provider", { primaryProvider: "pigeon" }],
    ["an empty body", { templates: { joined: { body: "   " } } }],
    ["a body over 640 characters", { templates: { joined: { body: "x".repeat(641) } } }],
    ["a non-boolean switch", { templates: { joined: { enabled: "yes" } } }],
  ])("refuses %s with 400", async (_what, body) => {
    expectValidation(await patch(body));
  });

  it("refuses a body that is not JSON with 400", async () => {
    expectValidation(await call("PATCH", path(), { token: o.token, raw: "{almostUpPosition:", headers: { "Content-Type": "application/json" } }));
  });

  it("is for admins and owners: a host gets 403", async () => {
    const host = await addMember(o, "host");
    const res = await patch({ almostUpPosition: 4 }, host.token);
    expect(res.status).toBe(403);
    expect((await call("GET", path(), { token: host.token })).status).toBe(200);
  });

  it("another account's location is 404", async () => {
    const other = await signUp();
    expect((await call("GET", path(), { token: other.token })).status).toBe(404);
    expect((await patch({ almostUpPosition: 4 }, other.token)).status).toBe(404);
  });
});

describe("templates in use", () => {
  it("a disabled template sends nothing; the others still go", async () => {
    expect((await patch({ templates: { table_ready: { enabled: false } } })).status).toBe(200);
    const phone = freshPhone();
    const party = await addParty(o, { phone, smsConsent: true });
    expect((await call("POST", `/api/locations/${o.locationId}/waitlist/${party.id}/notify`, { token: o.token })).status).toBe(200);
    await flush(o.locationId);
    expect((await rowsTo(phone)).map((r) => r.kind)).toEqual(["joined"]);
    expect((await patch({ templates: { table_ready: { enabled: true } } })).status).toBe(200);
  });

  it("an edited template is what the guest receives", async () => {
    expect((await patch({ templates: { table_ready: { body: "{name}: table ready at {restaurant}!" } } })).status).toBe(200);
    const name = (await call("GET", `/api/locations/${o.locationId}`, { token: o.token })).json.name;
    const phone = freshPhone();
    const party = await addParty(o, { name: "Zoë", phone, smsConsent: true });
    await call("POST", `/api/locations/${o.locationId}/waitlist/${party.id}/notify`, { token: o.token });
    await flush(o.locationId);
    await waitForStatus(phone, "table_ready", "sent");
    expect((await received("twilio", phone)).map((m) => m.body)).toContain(`Zoë: table ready at ${name}!`);
  });

  it("the location's primary provider is used for its texts", async () => {
    expect((await patch({ primaryProvider: "telnyx" })).status).toBe(200);
    const phone = freshPhone();
    await addParty(o, { phone, smsConsent: true });
    await flush(o.locationId);
    const row = await waitForStatus(phone, "joined", "sent");
    expect(row.provider).toBe("telnyx");
    expect(await received("telnyx", phone)).toHaveLength(1);
    expect((await patch({ primaryProvider: "twilio" })).status).toBe(200);
  });
});
