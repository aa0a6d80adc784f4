// The summary table printed at the end of a run (the same figures are in bench/results.json).
import { ratio } from "./stats.mjs";

const fmt = (x, unit = "") => (x === null || x === undefined || Number.isNaN(x) ? "—" : `${x}${unit}`);
const verdict = (ok) => (ok === null || ok === undefined ? "" : ok ? "met" : "MISSED");

/** Targets of issue 8, as checks over results.json; null when a figure is missing. */
export function targets(r) {
  const S = r.scenarios;
  const out = [];
  const add = (scenario, figure, seatline, baseline, ratioValue, target, ok, other = "") => out.push({ scenario, figure, seatline, baseline, ratio: ratioValue, other, target, ok });
  if (S.fanout) {
    const f = S.fanout;
    const rp50 = ratio(f.seatline.p50, f["bare-do"].p50);
    const rp99 = ratio(f.seatline.p99, f["bare-do"].p99);
    add("1 fan-out", `p50 ms, ${f.sockets.guests}+${f.sockets.hosts} sockets`, f.seatline.p50, f["bare-do"].p50, rp50, "≤ 1.3× bare DO", rp50 !== null && rp50 <= 1.3, `bare ws ${fmt(f["bare-ws"].p50)}`);
    add("1 fan-out", "p99 ms", f.seatline.p99, f["bare-do"].p99, rp99, "≤ 2× bare DO", rp99 !== null && rp99 <= 2, `bare ws ${fmt(f["bare-ws"].p99)}`);
    add("1 fan-out", "first frame p50 ms (request path)", f.seatline.firstFrame.p50, f["bare-do"].firstFrame.p50, ratio(f.seatline.firstFrame.p50, f["bare-do"].firstFrame.p50), "(report)", null, `bare ws ${fmt(f["bare-ws"].firstFrame.p50)}`);
    const bad = (s) => s.lost + s.duplicates + s.outOfOrder + s.errors;
    add("1 fan-out", "lost+dup+out-of-order", bad(f.seatline), bad(f["bare-do"]), null, "0", bad(f.seatline) === 0, `bare ws ${bad(f["bare-ws"])}`);
    add("1 fan-out", "bare DO vs bare ws, p50/p99", ratio(f["bare-do"].p50, f["bare-ws"].p50), ratio(f["bare-do"].p99, f["bare-ws"].p99), null, "(report)", null);
  }
  if (S.largeVenue) {
    const v = S.largeVenue;
    const rp50 = ratio(v.seatline.p50, v["bare-do"].p50);
    const rp99 = ratio(v.seatline.p99, v["bare-do"].p99);
    const bad = (s) => s.lost + s.duplicates + s.outOfOrder + s.errors;
    add("9 large venue", `fan-out p50 ms, ${v.parties} parties, ${v.sockets.guests}+${v.sockets.hosts} sockets`, v.seatline.p50, v["bare-do"].p50, rp50, "(report)", null);
    add("9 large venue", "fan-out p99 ms", v.seatline.p99, v["bare-do"].p99, rp99, "≤ 2× bare DO", rp99 !== null && rp99 <= 2);
    add("9 large venue", "lost+dup+out-of-order", bad(v.seatline), bad(v["bare-do"]), null, "0", bad(v.seatline) === 0);
  }
  if (S.throughput) {
    const t = S.throughput;
    const rr = ratio(t.seatline.maxRate, t["bare-do"].maxRate);
    // When even the baseline cannot hold 100 ms at the lowest rate, the machine is the limit: no verdict.
    const judged = t["bare-do"].maxRate > 0;
    add("2 throughput", `actions/s at p99 ≤ 100 ms, ${t.watchers} sockets`, t.seatline.maxRate || `< ${t.lowestRate}`, t["bare-do"].maxRate || `< ${t.lowestRate}`, rr, "≥ 0.7× bare DO+insert", judged ? rr !== null && rr >= 0.7 : null, judged ? "" : "baseline misses 100 ms too: machine-bound");
    const rs = ratio(t.seatline.saturatedActionsPerSecond, t["bare-do"].saturatedActionsPerSecond);
    add("2 throughput", "saturated actions/s (8 clients, any latency)", t.seatline.saturatedActionsPerSecond, t["bare-do"].saturatedActionsPerSecond, rs, judged ? "(report)" : "≥ 0.7× (fallback)", judged ? null : rs !== null && rs >= 0.7);
  }
  if (S.joinStorm) {
    const j = S.joinStorm;
    const rp50 = ratio(j.seatline.p50, j["bare-do"].p50);
    add("3 join storm", `p50 ms, ${j.guests} guests`, j.seatline.p50, j["bare-do"].p50, rp50, "≤ 1.5× bare DO", rp50 !== null && rp50 <= 1.5, `bare ws ${fmt(j["bare-ws"].p50)}`);
    add("3 join storm", "p99 ms", j.seatline.p99, j["bare-do"].p99, ratio(j.seatline.p99, j["bare-do"].p99), "(report)", null, `bare ws ${fmt(j["bare-ws"].p99)}`);
  }
  if (S.bytes) {
    const sizes = Object.keys(S.bytes).map(Number).sort((a, b) => a - b);
    const [small, large] = [S.bytes[sizes[0]], S.bytes[sizes.at(-1)]];
    const hostSpread = Math.max(...large.actions.map((a, i) => Math.abs(a.hostBytesPerHost - small.actions[i].hostBytesPerHost)));
    const guestMax = Math.max(...sizes.flatMap((n) => S.bytes[n].actions.map((a) => a.guestBytesMax)));
    const perAudience = sizes.every((n) => S.bytes[n].actions.every((a) => a.sameFramesForEveryHost && a.hostSerializations === a.hostFramesPerHost && a.redundantGuestFrames === 0));
    const seat = (b) => b.actions.find((a) => a.action === "seat head");
    const edit = (b) => b.actions.find((a) => a.action === "edit notes (middle)");
    add("4 bytes", `host bytes/action, ${sizes[0]} vs ${sizes.at(-1)} parties (max diff)`, hostSpread, null, null, "independent of list", hostSpread <= 16);
    add("4 bytes", "largest guest frame, bytes", guestMax, null, null, "≤ 200", guestMax <= 200);
    add("4 bytes", "serializations by frames: 1 per host change, 0 redundant guest", perAudience ? "yes" : "no", null, null, "1 per audience", perAudience);
    add("4 bytes", `JSON.stringify calls, seat head (${sizes[0]} / ${sizes.at(-1)} parties)`, `${seat(small).jsonStringifyCalls} / ${seat(large).jsonStringifyCalls}`, null, null, "(report)", null, `edit: ${edit(small).jsonStringifyCalls} / ${edit(large).jsonStringifyCalls}`);
  }
  if (S.storage) {
    const g = S.storage;
    const row = (what, r) => add("10 storage", `bytes per ${what}, D1 / location DO (n = ${r.n})`, `${fmt(r.d1BytesEach)} / ${fmt(r.doBytesEach)}`, null, null, "(report: docs/scaling.md)", null);
    row("party", g.party);
    row("text message", g.message);
    row("reservation", g.reservation);
  }
  if (S.signIn) {
    const s = S.signIn;
    add("5 sign-in", `p50 ms (bcrypt cost ${s.cost})`, s.seatline.p50, s["bare-do"].p50, s.ratioP50, "≤ 1.2× bare bcrypt", s.ratioP50 !== null && s.ratioP50 <= 1.2, `Node bcryptjs ${fmt(s.nodeBcryptjs.p50)}`);
    add("5 sign-in", "p99 ms", s.seatline.p99, s["bare-do"].p99, s.ratioP99, "(report)", null);
  }
  if (S.bundle) {
    const b = S.bundle;
    add("6 bundle", "gzip KiB (wrangler)", b.gzipKiB, null, null, "< 1024", b.gzipKiB !== null && b.gzipKiB < 1024, `upload ${fmt(b.uploadKiB)} KiB`);
    if (b.startup) {
      const top = (b.startup.seatline.byPackage ?? []).filter((p) => !p.package.startsWith("(")).slice(0, 2).map((p) => `${p.package} ${p.ms}`).join(", ");
      add("6 bundle", "startup CPU ms (local profile)", b.startup.seatline.activeMs, b.startup["bare-do"].activeMs, ratio(b.startup.seatline.activeMs, b.startup["bare-do"].activeMs), "(report)", null, top);
    }
    if (b.widget) {
      const w = b.widget;
      add("6 bundle", "widget.js bytes, raw / gzip (issue 22)", `${w.bytes} / ${w.gzipBytes}`, null, null, `gzip ≤ ${w.budgetGzipBytes}`, w.gzipBytes <= w.budgetGzipBytes);
    }
    const big = b.packages.slice(0, 3).map((p) => `${p.package} ${p.gzipKiBAlone}`).join(", ");
    add("6 bundle", "largest dependencies, gzip KiB alone", big, null, null, "(report)", null);
  }
  if (S.scale) {
    const s = S.scale;
    const sizes = Object.keys(s).filter((k) => /^\d+$/.test(k)).map(Number).sort((a, b) => a - b);
    const first = s[sizes[0]];
    const last = s[sizes.at(-1)];
    const rr = ratio(last.actionsPerSecond, first.actionsPerSecond);
    add("7 scale", `actions/s, ${sizes.join(" / ")} closed`, sizes.map((n) => s[n].actionsPerSecond).join(" / "), null, rr, `${sizes.at(-1)} ≥ 0.8× ${sizes[0]}`, rr !== null && rr >= 0.8);
    add("7 scale", "p50 / p99 ms per action", sizes.map((n) => `${s[n].latency.p50}/${s[n].latency.p99}`).join("  "), null, null, "(report)", null);
    const heap = s.memory.map((m) => (m.isolateHeapBytes === null ? "—" : (m.isolateHeapBytes / 2 ** 20).toFixed(1))).join(" → ");
    add("7 scale", "isolate heap MiB (start → levels)", heap, null, null, "(report)", null);
    add("7 scale", "DO SQLite KiB", sizes.map((n) => Math.round(s[n].doSqliteBytes / 1024)).join(" / "), null, null, "(report)", null);
  }
  if (S.webhooks) {
    const w = S.webhooks;
    add("9 webhooks", `host action p50 ms, ${w.endpoints} endpoints vs none`, w.three.p50, w.none.p50, w.ratioP50, "≤ 1.1× none", w.ratioP50 !== null && w.ratioP50 <= 1.1, `${w.deliveriesReceived}/${w.deliveriesExpected} delivered`);
    add("9 webhooks", "host action p95 ms", w.three.p95, w.none.p95, w.ratioP95, "(report)", null);
  }
  if (S.insights) {
    const s = S.insights;
    for (const [name, r] of Object.entries(s.reports)) {
      add("8 insights", `${name} ms, 1 week / 1 month / 12 months`, `${r["1 week"]} / ${r["1 month"]} / ${r["12 months"]}`, null, r.ratio12MonthsTo1Week, "12 months ≤ 3× 1 week", r.ratio12MonthsTo1Week !== null && r.ratio12MonthsTo1Week <= 3);
    }
    add("8 insights", `history: ${s.days} days × ${s.perDay} parties`, `rebuild ${s.rebuildSeconds} s`, null, null, "(report)", null, `seed ${s.seedSeconds} s`);
  }
  return out;
}

export function printTable(results) {
  const rows = targets(results);
  const head = ["scenario", "figure", "Seatline", "bare DO", "ratio", "target", "", "also"];
  const cells = rows.map((r) => [r.scenario, r.figure, fmt(r.seatline), fmt(r.baseline), r.ratio === null ? "" : `${r.ratio}×`, r.target, verdict(r.ok), r.other]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => String(c[i]).length)));
  const line = (c) => c.map((x, i) => String(x).padEnd(widths[i])).join("  ").trimEnd();
  console.log("\n" + line(head));
  console.log(widths.map((w) => "─".repeat(w)).join("  "));
  for (const c of cells) console.log(line(c));
  console.log(`\n${results.mode} run, ${results.date}, ${results.machine.cores} cores (${results.machine.cpu}), load average at start ${results.machine.loadAverage.join(" ")}`);
}
