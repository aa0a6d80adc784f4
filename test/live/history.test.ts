import { env, runDurableObjectAlarm } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { call, signUp, type SignedUp } from "../helpers/api";
import { addParty } from "./socket";

afterEach(() => {
  vi.useRealTimers();
});

const MIN = 60_000;

/** Seven parties closed a minute apart (seated, cancelled, no-show, left), one still in line; flushed to D1. */
async function closedDay(o: SignedUp) {
  const base = `/api/locations/${o.locationId}`;
  const t0 = Date.now();
  vi.useFakeTimers({ toFake: ["Date"] });
  const plan: [string, string][] = [
    ["P0", "seat"],
    ["P1", "cancel"],
    ["P2", "seat"],
    ["P3", "no_show"],
    ["P4", "leave"],
    ["P5", "seat"],
    ["P6", "seat"],
  ];
  const closedAt: Record<string, number> = {};
  for (const [i, [name, action]] of plan.entries()) {
    vi.setSystemTime(t0 + i * MIN);
    const p = await addParty(o, o.locationId, { name });
    vi.setSystemTime(t0 + i * MIN + 30_000);
    const res =
      action === "leave"
        ? await call("POST", `/api/public/parties/${p.guestToken}/leave`)
        : await call("POST", `${base}/waitlist/${p.party.id}/${action}`, { token: o.token });
    expect(res.status, res.text).toBe(200);
    closedAt[name] = t0 + i * MIN + 30_000;
  }
  await addParty(o, o.locationId, { name: "Still waiting" });
  vi.useRealTimers();
  const stub = env.RESTAURANT.get(env.RESTAURANT.idFromName(o.locationId));
  expect(await runDurableObjectAlarm(stub)).toBe(true);
  return { base, t0, closedAt };
}

const names = (res: { json: any }) => res.json.parties.map((p: any) => p.name);

describe("history (GET /api/locations/:id/history)", () => {
  it("lists closed parties newest first, with their final state, and none still in line", async () => {
    const o = await signUp();
    const { base, closedAt } = await closedDay(o);
    const res = await call("GET", `${base}/history`, { token: o.token });
    expect(res.status).toBe(200);
    expect(names(res)).toEqual(["P6", "P5", "P4", "P3", "P2", "P1", "P0"]);
    expect(res.json.parties.map((p: any) => p.status)).toEqual(["seated", "seated", "left", "no_show", "seated", "cancelled", "seated"]);
    expect(res.json.parties[0]).toMatchObject({ closedAt: new Date(closedAt.P6!).toISOString(), position: null });
    expect(res.json.nextCursor).toBeNull();
  });

  it("filters by status (one or several) and by closing time", async () => {
    const o = await signUp();
    const { base, closedAt } = await closedDay(o);
    expect(names(await call("GET", `${base}/history?status=seated`, { token: o.token }))).toEqual(["P6", "P5", "P2", "P0"]);
    expect(names(await call("GET", `${base}/history?status=no_show,left`, { token: o.token }))).toEqual(["P4", "P3"]);
    const from = new Date(closedAt.P2!).toISOString();
    const to = new Date(closedAt.P5!).toISOString();
    // from is inclusive, to exclusive.
    expect(names(await call("GET", `${base}/history?from=${from}&to=${to}`, { token: o.token }))).toEqual(["P4", "P3", "P2"]);
    expect(names(await call("GET", `${base}/history?from=${from}&to=${to}&status=seated`, { token: o.token }))).toEqual(["P2"]);
    const future = new Date(Date.now() + 3600_000).toISOString();
    expect(names(await call("GET", `${base}/history?from=${future}`, { token: o.token }))).toEqual([]);
  });

  it("pages with a cursor over more than one page, each party once, in order", async () => {
    const o = await signUp();
    const { base } = await closedDay(o);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q: string = cursor ? `?limit=3&cursor=${encodeURIComponent(cursor)}` : "?limit=3";
      const res = await call("GET", `${base}/history${q}`, { token: o.token });
      expect(res.status).toBe(200);
      expect(res.json.parties.length).toBeLessThanOrEqual(3);
      seen.push(...names(res));
      cursor = res.json.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(["P6", "P5", "P4", "P3", "P2", "P1", "P0"]);
    // The cursor works with filters too.
    const first = await call("GET", `${base}/history?status=seated&limit=2`, { token: o.token });
    const second = await call("GET", `${base}/history?status=seated&limit=2&cursor=${encodeURIComponent(first.json.nextCursor)}`, { token: o.token });
    expect([...names(first), ...names(second)]).toEqual(["P6", "P5", "P2", "P0"]);
    expect(second.json.nextCursor).toBeNull();
  });

  it("answers 400 for a bad status, cursor, date or limit, and for the old `state` filter", async () => {
    const o = await signUp();
    const base = `/api/locations/${o.locationId}/history`;
    const bad = [
      "status=waiting",
      "status=seated,eaten",
      // The filter's old name is refused, not ignored (a client would get every outcome).
      "state=seated",
      "cursor=!!!",
      `cursor=${btoa("not-a-cursor")}`,
      `cursor=${"a".repeat(201)}`,
      "from=yesterday",
      "to=2024-13-01T00:00:00Z",
      "limit=0",
      "limit=201",
      "limit=ten",
    ];
    for (const q of bad) {
      const res = await call("GET", `${base}?${q}`, { token: o.token });
      expect(res.status, `${q}: ${res.text}`).toBe(400);
      expect(res.json).toEqual({ error: { code: "validation_failed", message: expect.any(String), details: expect.any(Array) } });
    }
  });
});
