// 5. Sign-in: POST /api/auth/login against a bare bcryptjs compare at the same cost, served by the
// bare DO Worker on the same runtime (and, for reference, the same compare in this Node process).
import bcrypt from "bcryptjs";
import { request } from "../lib/http.mjs";
import { alternating, ratio, summary } from "../lib/stats.mjs";

/** @param {{seatline: string, bareDo: string, email: string, password: string, hash: string, reps: number}} o */
export async function signIn({ seatline, bareDo, email, password, hash, reps }) {
  const calls = {
    seatline: () => request(seatline, "POST", "/api/auth/login", { body: { email, password }, expect: 200 }),
    "bare-do": async () => {
      const r = await request(bareDo, "POST", "/bcrypt", { body: { password } });
      if (!r.ok) throw new Error("the bare bcrypt compare did not match");
    },
  };
  // One warm-up each: the first call compiles bcryptjs and warms the isolate.
  for (const call of Object.values(calls)) await call();
  const samples = { seatline: [], "bare-do": [] };
  for (const [system] of alternating(Object.keys(calls), reps)) {
    const t0 = performance.now();
    await calls[system]();
    samples[system].push(performance.now() - t0);
  }
  const node = [];
  for (let i = 0; i < Math.min(reps, 5); i++) {
    const t0 = performance.now();
    if (!(await bcrypt.compare(password, hash))) throw new Error("bcrypt reference compare failed");
    node.push(performance.now() - t0);
  }
  const seat = summary(samples.seatline);
  const bare = summary(samples["bare-do"]);
  return {
    cost: Number(hash.split("$")[2]),
    reps,
    seatline: seat,
    "bare-do": bare,
    nodeBcryptjs: summary(node),
    ratioP50: ratio(seat.p50, bare.p50),
    ratioP99: ratio(seat.p99, bare.p99),
  };
}
