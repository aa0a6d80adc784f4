// Work per change does not grow with the line (issue 14, item 5): a host action costs the same
// number of JSON.stringify calls with 20 parties in line as with 200, every party's guest socket
// open — while each guest whose own status changed still gets its frame. And the line's figures are
// built once per change (one view of positions and waits), with a guest status computed only for the
// parties that changed or stand behind the first place that moved: the same count at 20, 200 and
// 2,000 parties for a change that moves nobody.
import { env, runInDurableObject } from "cloudflare:test";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { LocationRef } from "../../domain/waitlist/protocol";
import type { Restaurant } from "../../durable-objects/restaurant";
import { signUp } from "../helpers/api";

const sockets: WebSocket[] = [];
afterEach(() => {
  for (const ws of sockets.splice(0)) ws.close(1000, "done");
});

interface Line {
  stub: DurableObjectStub<Restaurant>;
  ref: LocationRef;
  ids: string[];
  frames: Map<string, unknown[]>;
}

async function lineOf(n: number, open: WebSocket[] = sockets): Promise<Line> {
  const o = await signUp();
  const ref: LocationRef = { id: o.locationId, accountId: o.accountId, name: "Work", timezone: "UTC" };
  const stub = env.RESTAURANT.get(env.RESTAURANT.idFromName(o.locationId)) as DurableObjectStub<Restaurant>;
  const added = await runInDurableObject(stub, async (instance: Restaurant) => {
    const out: { id: string; token: string }[] = [];
    for (let i = 0; i < n; i++) {
      const r = await instance.at(ref).add({ name: `Guest ${i + 1}`, partySize: 1 + (i % 6), source: "host" });
      if (!r.ok) throw new Error(r.message);
      out.push({ id: r.value.party.id, token: r.value.guestToken });
    }
    return out;
  });
  const frames = new Map<string, unknown[]>();
  for (const { id, token } of added) {
    const res = await stub.fetch(`https://restaurant/guest?token=${token}`, { headers: { Upgrade: "websocket" } });
    const ws = res.webSocket!;
    ws.accept();
    const seen: unknown[] = [];
    ws.addEventListener("message", (e) => seen.push(JSON.parse(e.data as string)));
    frames.set(id, seen);
    open.push(ws);
  }
  // Every guest has its first status before the measured action.
  await waitUntil(() => [...frames.values()].every((f) => f.length >= 1));
  return { stub, ref, ids: added.map((a) => a.id), frames };
}

async function waitUntil(ok: () => boolean, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** JSON.stringify calls made while the DO runs one action. */
function stringifyCalls(line: Line, action: (api: ReturnType<Restaurant["at"]>) => unknown): Promise<number> {
  return runInDurableObject(line.stub, async (instance: Restaurant) => {
    const original = JSON.stringify;
    let calls = 0;
    JSON.stringify = ((...args: Parameters<typeof JSON.stringify>) => {
      calls += 1;
      return original(...args);
    }) as typeof JSON.stringify;
    try {
      await action(instance.at(line.ref));
    } finally {
      JSON.stringify = original;
    }
    return calls;
  });
}

/** Views of the line built and guest statuses computed while the DO runs one action. */
function lineWork(line: Line, action: (api: ReturnType<Restaurant["at"]>) => unknown): Promise<{ views: number; statuses: number }> {
  return runInDurableObject(line.stub, async (instance: Restaurant) => {
    const work = (instance as unknown as { m: { line: { work: { views: number; statuses: number } } } }).m.line.work;
    // An object woken from hibernation builds its first view once; that is not the change's work.
    instance.at(line.ref).list();
    const before = { ...work };
    await action(instance.at(line.ref));
    return { views: work.views - before.views, statuses: work.statuses - before.statuses };
  });
}

describe("line work per change at 20, 200 and 2,000 parties", () => {
  const SIZES = [20, 200, 2000];
  const lines: Line[] = [];
  // These sockets stay open across the tests of this block (the file's afterEach closes only its own).
  const open: WebSocket[] = [];
  beforeAll(async () => {
    for (const n of SIZES) lines.push(await lineOf(n, open));
  }, 300_000);
  afterAll(() => {
    for (const ws of open.splice(0)) ws.close(1000, "done");
  });

  it("has a guest socket open for every party on each line", async () => {
    const watched = await Promise.all(lines.map((l) => runInDurableObject(l.stub, (_i, state) => state.getWebSockets("guest").length)));
    expect(watched).toEqual(SIZES);
  });

  it("editing one party's notes builds one view and computes only that party's status", async () => {
    const counts = [];
    for (const line of lines) counts.push(await lineWork(line, (api) => api.update(line.ids[Math.floor(line.ids.length / 2)]!, { notes: "by the window" })));
    expect(counts[1]).toEqual(counts[0]);
    expect(counts[2]).toEqual(counts[0]);
    expect(counts[0]!.views).toBe(1);
    // The edited party's own status, before and after (unchanged: no frame).
    expect(counts[0]!.statuses).toBe(2);
  });

  it("notifying a party in the middle costs the same at every length, and its guest is told", async () => {
    const counts = [];
    for (const line of lines) counts.push(await lineWork(line, (api) => api.act(line.ids[Math.floor(line.ids.length / 2)]!, "notify")));
    expect(counts[1]).toEqual(counts[0]);
    expect(counts[2]).toEqual(counts[0]);
    expect(counts[0]!.statuses).toBe(2);
    for (const line of lines) {
      const frames = line.frames.get(line.ids[Math.floor(line.ids.length / 2)]!)!;
      await waitUntil(() => (frames.at(-1) as { status?: string }).status === "notified");
    }
  });

  it("a party joining at the end computes no one else's status", async () => {
    const counts = [];
    for (const line of lines) counts.push(await lineWork(line, (api) => api.add({ name: "Walk-in", partySize: 2, source: "host" })));
    expect(counts[1]).toEqual(counts[0]);
    expect(counts[2]).toEqual(counts[0]);
    expect(counts[0]!.statuses).toBe(0);
  });

  it("seating the head builds at most two views whatever the length, and each guest behind it moves up", async () => {
    const counts = [];
    for (const line of lines) counts.push(await lineWork(line, (api) => api.act(line.ids[0]!, "seat")));
    for (const c of counts) expect(c.views).toBeLessThanOrEqual(2);
    for (const line of lines) {
      const last = line.frames.get(line.ids.at(-1)!)!;
      await waitUntil(() => (last.at(-1) as { position?: number }).position === line.ids.length - 1);
    }
  });
});

describe("work per change", () => {
  it("seating the head of the line costs as many JSON.stringify calls at 200 parties as at 20, and every guest behind it is told", async () => {
    const small = await lineOf(20);
    const large = await lineOf(200);
    const seat = (line: Line) => stringifyCalls(line, (api) => api.act(line.ids[0]!, "seat"));
    const [a, b] = [await seat(small), await seat(large)];
    expect(b).toBe(a);
    expect(a).toBeLessThan(20);
    for (const line of [small, large]) {
      // Each guest behind the head moved up one place; the head's own page saw it seated.
      await waitUntil(() => line.ids.every((id) => line.frames.get(id)!.length >= 2));
      const second = line.frames.get(line.ids[1]!)!.at(-1) as { position: number; partiesAhead: number };
      expect(second).toMatchObject({ type: "status", position: 1, partiesAhead: 0 });
      expect(line.frames.get(line.ids[0]!)!.at(-1)).toMatchObject({ type: "status", status: "seated", position: null });
    }
  });

  it("editing one party's notes costs the same at 200 parties as at 20, and no guest gets a frame", async () => {
    const small = await lineOf(20);
    const large = await lineOf(200);
    const edit = (line: Line) => stringifyCalls(line, (api) => api.update(line.ids[5]!, { notes: "by the window" }));
    const [a, b] = [await edit(small), await edit(large)];
    expect(b).toBe(a);
    for (const line of [small, large]) expect(line.ids.every((id) => line.frames.get(id)!.length === 1)).toBe(true);
  });
});
