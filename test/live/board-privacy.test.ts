// Issue 22: the display board's socket is public, so it must never carry personal data. Property
// style: random lines of parties with phones, notes, tags and full names go through random host
// actions; every raw frame a board receives is searched for each of them. Also: masking follows the
// location's setting, the socket is refused while the board is off (and closed when it is switched
// off), and a board of one location gets nothing of another's.
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { boardNumber, maskedName } from "../../domain/waitlist/board";
import { call, signUp, type SignedUp } from "../helpers/api";
import { expectError } from "../helpers/errors";
import { setSettings, slugOf } from "../public/support";
import { addParty, closeAll, connect, upgrade } from "./socket";

afterEach(closeAll);

const boardPath = (slug: string) => `/api/public/locations/${slug}/board/live`;
const isBoard = (m: any) => m?.type === "board";

async function boardOn(o: SignedUp, names: "name" | "number" = "name") {
  await setSettings(o, { boardEnabled: true, boardNames: names });
  return slugOf(o);
}

interface Guest {
  first: string;
  last: string;
  phone: string;
  notes: string;
  tag: string;
  partySize: number;
}

// Last names, notes and tags from their own alphabets, so no first name, label or number can contain one.
const guest: fc.Arbitrary<Guest> = fc.record({
  first: fc.constantFrom("Ana", "Bo", "Chen", "Dara", "Émile", "Zoë"),
  last: fc.stringMatching(/^[QXJ][qxjvw]{3,10}$/),
  phone: fc.integer({ min: 1000, max: 9999 }).map((n) => `+1 415 555 ${n}`),
  notes: fc.stringMatching(/^note[qxjvw]{4,12}$/),
  tag: fc.stringMatching(/^tag[qxjvw]{3,8}$/),
  partySize: fc.integer({ min: 1, max: 8 }),
});
type Act = { t: "notify" | "seat" | "cancel" | "no_show" | "restore" | "edit"; i: number } | { t: "move"; i: number; to: number };
const act: fc.Arbitrary<Act> = fc.oneof(
  fc.record({ t: fc.constantFrom("notify", "notify", "seat", "cancel", "no_show", "restore", "edit") as fc.Arbitrary<Exclude<Act["t"], "move">>, i: fc.nat(9) }),
  fc.record({ t: fc.constant("move" as const), i: fc.nat(9), to: fc.integer({ min: 1, max: 4 }) }),
);

describe("display board socket: no personal data", () => {
  it("never carries a phone number, note, tag, full last name or party id, whatever the hosts do", async () => {
    // One location for every run (a sign-up per run costs more than the run): the line grows across
    // runs, so labels are checked against everyone added so far.
    const o = await signUp();
    const slug = await slugOf(o);
    const base = `/api/locations/${o.locationId}/waitlist`;
    const everyone: { id: string; g: Guest }[] = [];
    await fc.assert(
      fc.asyncProperty(fc.array(guest, { minLength: 2, maxLength: 6 }), fc.array(act, { minLength: 3, maxLength: 10 }), fc.constantFrom("name" as const, "number" as const), async (guests, acts, names) => {
        await setSettings(o, { boardEnabled: true, boardNames: names });
        const board = await connect(boardPath(slug));
        await board.next(isBoard);
        const added: { id: string; g: Guest }[] = [];
        for (const g of guests) {
          const { party } = await addParty(o, o.locationId, { name: `${g.first} ${g.last}`, phone: g.phone, notes: g.notes, tags: [g.tag], partySize: g.partySize });
          added.push({ id: party.id, g });
        }
        everyone.push(...added);
        for (const a of acts) {
          const p = added[a.i % added.length]!;
          if (a.t === "edit") await call("PATCH", `${base}/${p.id}`, { token: o.token, body: { notes: `${p.g.notes}v`, tags: [p.g.tag, `${p.g.tag}w`] } });
          else if (a.t === "move") await call("POST", `${base}/${p.id}/move`, { token: o.token, body: { position: a.to } });
          else await call("POST", `${base}/${p.id}/${a.t}`, { token: o.token });
        }
        // A last change the board always shows (a newly called party comes first): wait for it.
        const marker = await addParty(o, o.locationId, { name: "Marker Qqqq", partySize: 2 });
        const called = await call("POST", `${base}/${marker.party.id}/notify`, { token: o.token });
        const label = names === "name" ? "Marker Q." : `#${boardNumber(marker.party.id)}`;
        await board.next((m) => isBoard(m) && m.version >= called.json.version && m.called[0]?.label === label, 10_000);

        const raw = board.frames.join("\n");
        for (const { id, g } of everyone) {
          const digits = g.phone.replace(/\D/g, "");
          expect(raw).not.toContain(digits);
          expect(raw).not.toContain(digits.slice(-7));
          expect(raw).not.toContain(g.notes);
          expect(raw).not.toContain(g.tag);
          expect(raw).not.toContain(g.last);
          expect(raw).not.toContain(id);
          expect(raw).not.toContain(id.replace(/-/g, ""));
        }
        const labels = everyone.map((a) => maskedName(`${a.g.first} ${a.g.last}`)).concat("Marker Q.");
        for (const m of board.messages.filter(isBoard)) {
          expect(Object.keys(m).sort()).toEqual(["called", "next", "open", "type", "version", "waits"]);
          for (const p of [...m.called, ...m.next]) {
            expect(Object.keys(p).sort()).toEqual(["label", "partySize"]);
            if (names === "number") expect(p.label).toMatch(/^#\d{3}$/);
            else expect(labels).toContain(p.label);
          }
        }
        await board.close();
      }),
      { numRuns: 6 },
    );
  }, 180_000);

  it('masks names as the location chooses: "Ana G." or a number, and a one-word name as its initial', async () => {
    const o = await signUp();
    const slug = await boardOn(o, "name");
    const base = `/api/locations/${o.locationId}/waitlist`;
    const ana = await addParty(o, o.locationId, { name: "Ana Garcia Lopez", partySize: 3, phone: "+1 415 555 0142" });
    await addParty(o, o.locationId, { name: "Whitfield", partySize: 2 });
    const board = await connect(boardPath(slug));
    expect(await board.next(isBoard)).toMatchObject({ called: [], next: [{ label: "Ana L.", partySize: 3 }, { label: "W.", partySize: 2 }] });
    await call("POST", `${base}/${ana.party.id}/notify`, { token: o.token });
    expect(await board.next(isBoard)).toMatchObject({ called: [{ label: "Ana L.", partySize: 3 }], next: [{ label: "W." }] });

    await setSettings(o, { boardNames: "number" });
    const numbered = await board.next(isBoard);
    expect(numbered.called[0].label).toMatch(/^#\d{3}$/);
    expect(numbered.next[0].label).toMatch(/^#\d{3}$/);
    expect(JSON.stringify(numbered)).not.toMatch(/Ana|W\./);
  });

  it("sends a frame only when the board reads differently", async () => {
    const o = await signUp();
    const slug = await boardOn(o);
    const base = `/api/locations/${o.locationId}/waitlist`;
    const a = await addParty(o, o.locationId, { name: "Ana Garcia", partySize: 2 });
    const board = await connect(boardPath(slug));
    await board.next(isBoard);
    // Not on the board: notes, tags, the guest's texts agreement.
    await call("PATCH", `${base}/${a.party.id}`, { token: o.token, body: { notes: "window seat", tags: ["Patio"] } });
    await call("PATCH", `${base}/${a.party.id}`, { token: o.token, body: { smsConsent: true } });
    // On the board.
    await call("POST", `${base}/${a.party.id}/notify`, { token: o.token });
    const next = await board.next(isBoard);
    expect(next.called).toEqual([{ label: "Ana G.", partySize: 2 }]);
    expect(board.messages.filter(isBoard)).toHaveLength(2);
  });

  it("answers a resume with the whole board (the catch-up after a reconnect)", async () => {
    const o = await signUp();
    const slug = await boardOn(o);
    await addParty(o, o.locationId, { name: "Ana Garcia", partySize: 2 });
    const board = await connect(boardPath(slug));
    const first = await board.next(isBoard);
    board.send(JSON.stringify({ type: "resume", version: 0 }));
    expect(await board.next(isBoard)).toEqual(first);
  });
});

describe("display board socket: switched off, other locations", () => {
  it("is refused while the board is off (the default), and closes when it is switched off", async () => {
    const o = await signUp();
    const slug = await slugOf(o);
    const settings = await call("GET", `/api/locations/${o.locationId}/waitlist-settings`, { token: o.token });
    expect(settings.json).toMatchObject({ boardEnabled: false, boardNames: "name" });
    const refused = await upgrade(boardPath(slug));
    expectError({ status: refused.status, json: await refused.json(), text: "" } as any, 403, "board_off");
    expect((await call("GET", `/api/public/locations/${slug}/board`)).json).toMatchObject({ enabled: false, slug });

    await setSettings(o, { boardEnabled: true });
    const board = await connect(boardPath(slug));
    await board.next(isBoard);
    await setSettings(o, { boardEnabled: false });
    expect((await board.closed()).code).toBe(4410);
    expect(board.messages.filter(isBoard)).toHaveLength(1);
  });

  it("of one location gets nothing of another's, and an unknown slug is 404", async () => {
    const a = await signUp();
    const b = await signUp();
    const slugA = await boardOn(a);
    const slugB = await boardOn(b);
    const boardA = await connect(boardPath(slugA));
    await boardA.next(isBoard);
    const other = await addParty(b, b.locationId, { name: "Otto Vexwell", partySize: 4 });
    await call("POST", `/api/locations/${b.locationId}/waitlist/${other.party.id}/notify`, { token: b.token });
    const boardB = await connect(boardPath(slugB));
    expect((await boardB.next(isBoard)).called).toEqual([{ label: "Otto V.", partySize: 4 }]);
    // A's own change arrives; B's never did.
    await addParty(a, a.locationId, { name: "Ana Garcia", partySize: 2 });
    expect((await boardA.next(isBoard)).next).toEqual([{ label: "Ana G.", partySize: 2 }]);
    expect(boardA.frames.join("\n")).not.toContain("Otto");
    const unknown = await upgrade(boardPath("no-such-place-here"));
    expect(unknown.status).toBe(404);
  });

  it("refuses bad settings for the board with 400 and changes nothing", async () => {
    const o = await signUp();
    const path = `/api/locations/${o.locationId}/waitlist-settings`;
    for (const body of [{ boardEnabled: "yes" }, { boardNames: "full" }, { boardNames: null }]) {
      expectError(await call("PATCH", path, { token: o.token, body }), 400, "validation_failed", JSON.stringify(body));
    }
    expect((await call("GET", path, { token: o.token })).json).toMatchObject({ boardEnabled: false, boardNames: "name" });
  });
});
