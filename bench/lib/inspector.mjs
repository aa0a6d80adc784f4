// The Worker isolate's JS heap, read through wrangler dev's DevTools inspector (Chrome DevTools
// Protocol): garbage-collect, then Runtime.getHeapUsage. Locally the Worker and all its Durable
// Objects share one isolate, so this is the heap of the whole Seatline Worker, not of one DO.
import WebSocket from "ws";
import { sleep } from "./stats.mjs";

export async function isolateHeap(inspectorPort, poke) {
  let ws;
  try {
    const targets = await (await fetch(`http://127.0.0.1:${inspectorPort}/json`, { signal: AbortSignal.timeout(5_000) })).json();
    ws = new WebSocket(targets[0].webSocketDebuggerUrl, { perMessageDeflate: false });
    await new Promise((resolve, reject) => {
      ws.once("open", resolve);
      ws.once("error", reject);
    });
    let id = 0;
    const pending = new Map();
    ws.on("message", (d) => {
      const m = JSON.parse(d.toString());
      pending.get(m.id)?.(m);
      pending.delete(m.id);
    });
    const call = (method, params = {}, timeoutMs = 10_000) =>
      Promise.race([
        new Promise((r) => {
          const i = ++id;
          pending.set(i, r);
          ws.send(JSON.stringify({ id: i, method, params }));
        }),
        sleep(timeoutMs).then(() => ({ timeout: true })),
      ]);
    await call("HeapProfiler.enable");
    // The inspector answers when the isolate next runs: poke it with a request.
    const gc = call("HeapProfiler.collectGarbage", {}, 15_000);
    const poker = setInterval(() => poke().catch(() => {}), 500);
    const gcResult = await gc;
    clearInterval(poker);
    const usage = await call("Runtime.getHeapUsage");
    return usage.result ? { usedBytes: usage.result.usedSize, totalBytes: usage.result.totalSize, afterGc: !gcResult.timeout } : null;
  } catch {
    return null;
  } finally {
    ws?.terminate();
  }
}

/**
 * A CPU profile of the Worker isolate while `fn` runs (`--profile`): where Seatline's time goes.
 * With DevTools attached, console.log is forwarded to it and costs more than without; read the
 * logging figures with that in mind.
 * @returns {Promise<{file: string, self: {fn: string, ms: number}[], inclusive: {fn: string, ms: number}[]} | null>}
 */
export async function cpuProfile(inspectorPort, file, fn) {
  const targets = await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json();
  const ws = new WebSocket(targets[0].webSocketDebuggerUrl, { perMessageDeflate: false });
  await new Promise((resolve, reject) => {
    ws.once("open", resolve);
    ws.once("error", reject);
  });
  let id = 0;
  const pending = new Map();
  ws.on("message", (d) => {
    const m = JSON.parse(d.toString());
    pending.get(m.id)?.(m);
    pending.delete(m.id);
  });
  const call = (method, params = {}) =>
    new Promise((r) => {
      const i = ++id;
      pending.set(i, r);
      ws.send(JSON.stringify({ id: i, method, params }));
    });
  try {
    await call("Profiler.enable");
    await call("Profiler.setSamplingInterval", { interval: 250 });
    await call("Profiler.start");
    await fn();
    const { result } = await call("Profiler.stop");
    const p = result.profile;
    const { writeFileSync } = await import("node:fs");
    writeFileSync(file, JSON.stringify(p));
    const nodes = new Map(p.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const name = (n) => `${n.callFrame.functionName || "(anonymous)"}${n.callFrame.lineNumber >= 0 ? `:${n.callFrame.lineNumber + 1}` : ""}`;
    const self = {};
    const inclusive = {};
    p.samples.forEach((sid, i) => {
      const ms = (p.timeDeltas[i] ?? 0) / 1000;
      let n = nodes.get(sid);
      self[name(n)] = (self[name(n)] ?? 0) + ms;
      const seen = new Set();
      for (; n; n = nodes.get(parent.get(n.id))) {
        const k = name(n);
        if (!seen.has(k)) inclusive[k] = (inclusive[k] ?? 0) + ms;
        seen.add(k);
      }
    });
    const top = (o) =>
      Object.entries(o)
        .filter(([k]) => !k.startsWith("(idle)") && k !== "(root)")
        .sort((a, b) => b[1] - a[1])
        .slice(0, 25)
        .map(([fn, ms]) => ({ fn, ms: Math.round(ms) }));
    return { file, self: top(self), inclusive: top(inclusive) };
  } finally {
    ws.terminate();
  }
}
