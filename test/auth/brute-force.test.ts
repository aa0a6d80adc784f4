// Per-email brute-force protection: 10 consecutive failures, then a growing delay (429 with
// Retry-After) that even the right password cannot skip; the same for emails that do not exist.
import { afterEach, describe, expect, it, vi } from "vitest";
import { uniqueEmail } from "../helpers/api";
import { expectError, freezeTime, loginThrottle, freshIp, login, newOwner, retryAfter, setTime } from "./support";

// Dozens of real sign-ins (bcrypt + D1 round trips) in one test: allow for a busy machine.
const MANY_REQUESTS = 120_000;

afterEach(() => {
  vi.useRealTimers();
});

const WRONG = "Wrong-Guess-00";

async function failTimes(email: string, times: number, ip: string) {
  for (let i = 0; i < times; i++) {
    const res = await login(email, `${WRONG}${i}`, ip);
    expectError(res, 401, "invalid_credentials");
  }
}

describe("brute force per email", () => {
  it("answers the first 10 consecutive failures 401, then 429 with Retry-After", async () => {
    const owner = await newOwner();
    const ip = freshIp();
    freezeTime(Date.now());
    await failTimes(owner.email, 10, ip);
    const locked = await login(owner.email, WRONG, ip);
    expectError(locked, 429, "rate_limited");
    expect(retryAfter(locked)).toBe(30);
    expect(locked.json.error.details).toEqual([expect.objectContaining({ retryAfterSeconds: 30 })]);
  });

  it("refuses even the correct password while locked, with the same answer as a wrong one", async () => {
    const owner = await newOwner();
    const ip = freshIp();
    freezeTime(Date.now());
    await failTimes(owner.email, 10, ip);
    const wrong = await login(owner.email, WRONG, ip);
    const right = await login(owner.email, owner.password, ip);
    expectError(right, 429, "rate_limited");
    expect(right.text).toBe(wrong.text);
    expect(right.headers.get("Retry-After")).toBe(wrong.headers.get("Retry-After"));
  });

  it("does not count refused attempts: hammering during the lock does not extend it", async () => {
    const owner = await newOwner();
    const ip = freshIp();
    const start = Date.now();
    freezeTime(start);
    await failTimes(owner.email, 10, ip);
    for (let i = 0; i < 5; i++) expect(retryAfter(await login(owner.email, WRONG, ip))).toBe(30);
    setTime(start + 20_000);
    expect(retryAfter(await login(owner.email, WRONG, ip))).toBe(10);
    expect(await loginThrottle(owner.email)).toMatchObject({ consecutive_failures: 10, window_count: 10, locked_until: start + 30_000 });
  });

  it("grows the delay with each further failure (30 s, 60 s, 120 s, ...)", async () => {
    const owner = await newOwner();
    const ip = freshIp();
    let t = Date.now();
    freezeTime(t);
    await failTimes(owner.email, 10, ip);
    const delays: number[] = [];
    for (let round = 0; round < 4; round++) {
      const locked = await login(owner.email, WRONG, ip);
      expect(locked.status).toBe(429);
      const seconds = retryAfter(locked);
      delays.push(seconds);
      t += seconds * 1000;
      setTime(t);
      // The lock has passed: this attempt is judged (and fails), which lengthens the next lock.
      expectError(await login(owner.email, WRONG, ip), 401, "invalid_credentials");
    }
    expect(delays).toEqual([30, 60, 120, 240]);
    expect(retryAfter(await login(owner.email, WRONG, ip))).toBe(480);
  });

  it("lets the correct password in once the delay has passed, and that resets the count", async () => {
    const owner = await newOwner();
    const ip = freshIp();
    const start = Date.now();
    freezeTime(start);
    await failTimes(owner.email, 10, ip);
    expect((await login(owner.email, owner.password, ip)).status).toBe(429);
    setTime(start + 29_999);
    expect((await login(owner.email, owner.password, ip)).status).toBe(429);
    setTime(start + 30_000);
    const ok = await login(owner.email, owner.password, ip);
    expect(ok.status).toBe(200);

    // A fresh run of 10 failures is needed before the next lock.
    await failTimes(owner.email, 9, ip);
    expect((await login(owner.email, owner.password, ip)).status).toBe(200);
    await failTimes(owner.email, 10, ip);
    expect((await login(owner.email, WRONG, ip)).status).toBe(429);
  }, MANY_REQUESTS);

  it("locks an unknown email exactly like a known one (no enumeration)", async () => {
    const owner = await newOwner();
    const ghost = uniqueEmail("ghost");
    const ip = freshIp();
    freezeTime(Date.now());
    for (let i = 0; i < 10; i++) {
      const known = await login(owner.email, `${WRONG}${i}`, ip);
      const unknown = await login(ghost, `${WRONG}${i}`, ip);
      expect(unknown.status).toBe(401);
      expect(unknown.text).toBe(known.text);
    }
    const known = await login(owner.email, WRONG, ip);
    const unknown = await login(ghost, WRONG, ip);
    expect(unknown.status).toBe(429);
    expect(unknown.text).toBe(known.text);
    expect(unknown.headers.get("Retry-After")).toBe(known.headers.get("Retry-After"));
  }, MANY_REQUESTS);

  it("keys the count on the email, whatever its case or spacing", async () => {
    const owner = await newOwner();
    const ip = freshIp();
    freezeTime(Date.now());
    const spellings = [owner.email, owner.email.toUpperCase(), ` ${owner.email} `];
    for (let i = 0; i < 10; i++) expect((await login(spellings[i % 3]!, WRONG, ip)).status).toBe(401);
    expect((await login(owner.email.toUpperCase(), owner.password, ip)).status).toBe(429);
  });

  it("locks one email without affecting another email from the same IP", async () => {
    const victim = await newOwner();
    const bystander = await newOwner();
    const ip = freshIp();
    freezeTime(Date.now());
    await failTimes(victim.email, 10, ip);
    expect((await login(victim.email, victim.password, ip)).status).toBe(429);
    expect((await login(bystander.email, bystander.password, ip)).status).toBe(200);
  });

  it("counts failures from every IP together for one email", async () => {
    const owner = await newOwner();
    freezeTime(Date.now());
    for (let i = 0; i < 10; i++) expect((await login(owner.email, WRONG, freshIp())).status).toBe(401);
    expect((await login(owner.email, owner.password, freshIp())).status).toBe(429);
  });
});
