import { describe, expect, it } from "vitest";
import { call, signUp, type SignedUp } from "../helpers/api";
import { expectError } from "../helpers/errors";
import { addParty } from "./socket";

async function snapshot(o: SignedUp) {
  const list = await call("GET", `/api/locations/${o.locationId}/waitlist`, { token: o.token });
  return list.json;
}

const raw = (body: unknown) => ({ raw: JSON.stringify(body), headers: { "Content-Type": "application/json" } });

describe("live waitlist routes: bad input", () => {
  it("refuses bad party bodies on add with 400, and adds nothing", async () => {
    const o = await signUp();
    await addParty(o, o.locationId, { name: "Ames" });
    const before = await snapshot(o);
    const bodies: [string, unknown][] = [
      ["empty", {}],
      ["missing size", { name: "X" }],
      ["missing name", { partySize: 2 }],
      ["name a number", { name: 1, partySize: 2 }],
      ["blank name", { name: "  ", partySize: 2 }],
      ["size a string", { name: "X", partySize: "2" }],
      ["size 0", { name: "X", partySize: 0 }],
      ["size 101", { name: "X", partySize: 101 }],
      ["size over the location's maximum", { name: "X", partySize: 13 }],
      ["size fractional", { name: "X", partySize: 2.5 }],
      ["tags not an array", { name: "X", partySize: 2, tags: "patio" }],
      ["too many tags", { name: "X", partySize: 2, tags: Array(11).fill("t") }],
      ["tag too long", { name: "X", partySize: 2, tags: ["t".repeat(33)] }],
      ["quotedWaitMinutes negative", { name: "X", partySize: 2, quotedWaitMinutes: -1 }],
      ["quotedWaitMinutes a string", { name: "X", partySize: 2, quotedWaitMinutes: "10" }],
      ["smsConsent a string", { name: "X", partySize: 2, smsConsent: "yes" }],
      ["extra field", { name: "X", partySize: 2, source: "guest" }],
      ["extra field id", { name: "X", partySize: 2, id: crypto.randomUUID() }],
      ["name too long", { name: "n".repeat(81), partySize: 2 }],
      ["notes too long", { name: "X", partySize: 2, notes: "n".repeat(501) }],
      ["phone too long", { name: "X", partySize: 2, phone: "1".repeat(33) }],
      ["phone not a number", { name: "X", partySize: 2, phone: "not a phone" }],
      ["an array", [{ name: "X", partySize: 2 }]],
      ["null", null],
      ["a string", "X"],
    ];
    for (const [what, body] of bodies) {
      expectError(await call("POST", `/api/locations/${o.locationId}/waitlist`, { token: o.token, ...raw(body) }), 400, "validation_failed", what);
    }
    expectError(await call("POST", `/api/locations/${o.locationId}/waitlist`, { token: o.token, raw: "{", headers: { "Content-Type": "application/json" } }), 400, "validation_failed", "malformed JSON");
    const huge = JSON.stringify({ name: "X", partySize: 2, notes: "n".repeat(70 * 1024) });
    expectError(await call("POST", `/api/locations/${o.locationId}/waitlist`, { token: o.token, raw: huge, headers: { "Content-Type": "application/json" } }), 413, "payload_too_large", "oversized");
    expectError(
      await call("POST", `/api/locations/${o.locationId}/waitlist`, { token: o.token, body: { name: "X", partySize: 2 }, headers: { "Idempotency-Key": "k".repeat(256) } }),
      400,
      "validation_failed",
      "idempotency key too long",
    );
    expect(await snapshot(o)).toEqual(before);
  });

  it("refuses bad edits and moves with 400/413, and changes nothing", async () => {
    const o = await signUp();
    const a = await addParty(o, o.locationId, { name: "Ames", partySize: 2 });
    await addParty(o, o.locationId, { name: "Baker", partySize: 2 });
    const before = await snapshot(o);
    const patch = `/api/locations/${o.locationId}/waitlist/${a.party.id}`;
    const edits: [string, unknown][] = [
      ["empty", {}],
      ["name a number", { name: 5 }],
      ["blank name", { name: "" }],
      ["size a string", { partySize: "4" }],
      ["size over the location's maximum", { partySize: 13 }],
      ["extra field status", { status: "seated" }],
      ["extra field rank", { rank: 0 }],
      ["notes too long", { notes: "n".repeat(501) }],
      ["phone not a number", { phone: "+1 (555) call" }],
      ["null", null],
    ];
    for (const [what, body] of edits) {
      expectError(await call("PATCH", patch, { token: o.token, ...raw(body) }), 400, "validation_failed", what);
    }
    expectError(
      await call("PATCH", patch, { token: o.token, raw: JSON.stringify({ notes: "n".repeat(70 * 1024) }), headers: { "Content-Type": "application/json" } }),
      413,
      "payload_too_large",
      "oversized edit",
    );
    const moves: [string, unknown][] = [
      ["missing position", {}],
      ["position 0", { position: 0 }],
      ["position a string", { position: "1" }],
      ["position fractional", { position: 1.5 }],
      ["extra field", { position: 1, rank: 3 }],
    ];
    for (const [what, body] of moves) {
      expectError(await call("POST", `${patch}/move`, { token: o.token, ...raw(body) }), 400, "validation_failed", what);
    }
    for (const bad of ["not-a-uuid", "1", "'; DROP TABLE parties; --"]) {
      expectError(await call("PATCH", `/api/locations/${o.locationId}/waitlist/${encodeURIComponent(bad)}`, { token: o.token, body: { name: "X" } }), 400, "validation_failed", `party id ${bad}`);
      expectError(await call("GET", `/api/locations/${encodeURIComponent(bad)}/waitlist`, { token: o.token }), 400, "validation_failed", `location id ${bad}`);
    }
    expect(await snapshot(o)).toEqual(before);
  });

  it("refuses bad settings with 400/413, and changes nothing", async () => {
    const o = await signUp();
    const path = `/api/locations/${o.locationId}/waitlist-settings`;
    const before = (await call("GET", path, { token: o.token })).json;
    const version = (await snapshot(o)).version;
    const bodies: [string, unknown][] = [
      ["empty", {}],
      ["open a string", { open: "false" }],
      ["maxLength 0", { maxLength: 0 }],
      ["maxPartySize 0", { maxPartySize: 0 }],
      ["maxPartySize 101", { maxPartySize: 101 }],
      ["quote negative", { quotedWaitMinutes: { "1-2": -1 } }],
      ["interval 0", { intervalMinutes: { "3-4": 0 } }],
      ["unknown band", { quotedWaitMinutes: { "1-3": 10 } }],
      ["unknown band among good ones", { intervalMinutes: { "1-2": 9, "8+": 30 } }],
      ["country code with +", { phoneCountryCode: "+44" }],
      ["extra field", { open: true, version: 3 }],
      ["null", null],
    ];
    for (const [what, body] of bodies) {
      expectError(await call("PATCH", path, { token: o.token, ...raw(body) }), 400, "validation_failed", what);
    }
    expectError(await call("PATCH", path, { token: o.token, raw: JSON.stringify({ open: false, pad: "x".repeat(70 * 1024) }), headers: { "Content-Type": "application/json" } }), 413, "payload_too_large", "oversized");
    expect((await call("GET", path, { token: o.token })).json).toEqual(before);
    expect((await snapshot(o)).version).toBe(version);
  });
});
