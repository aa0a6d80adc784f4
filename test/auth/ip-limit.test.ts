// Per client IP: 50 failed sign-ins in 15 minutes, spread over any number of emails, close that IP
// (credential stuffing) while other IPs carry on.
import { afterEach, describe, expect, it, vi } from "vitest";
import { uniqueEmail } from "../helpers/api";
import { expectError, freezeTime, freshIp, ipThrottle, login, loginThrottle, newOwner, retryAfter, setTime } from "./support";

// Dozens of real sign-ins (bcrypt + D1 round trips) in one test: allow for a busy machine.
const MANY_REQUESTS = 120_000;

afterEach(() => {
  vi.useRealTimers();
});

describe("sign-in limit per client IP", () => {
  it("answers 429 to an IP after 50 failures across different emails, but not to another IP", async () => {
    const owner = await newOwner();
    const attacker = freshIp();
    const start = Date.now();
    freezeTime(start);
    for (let i = 0; i < 50; i++) {
      expectError(await login(uniqueEmail(`stuffed${i}`), "Leaked-Pass-1!", attacker), 401, "invalid_credentials");
    }
    expect(await ipThrottle("login", attacker)).toMatchObject({ window_count: 50, locked_until: start + 15 * 60_000 });

    const blocked = await login(uniqueEmail("next"), "Leaked-Pass-1!", attacker);
    expectError(blocked, 429, "rate_limited");
    expect(retryAfter(blocked)).toBe(900);
    // Even a real user's right password is refused from that IP...
    expect((await login(owner.email, owner.password, attacker)).status).toBe(429);
    // ...but works from anywhere else, and that email's own count was never touched.
    expect((await login(owner.email, owner.password, freshIp())).status).toBe(200);
    expect((await loginThrottle(owner.email))?.consecutive_failures ?? 0).toBe(0);
  }, MANY_REQUESTS);

  it("opens the IP again once the 15 minutes have passed", async () => {
    const owner = await newOwner();
    const attacker = freshIp();
    const start = Date.now();
    freezeTime(start);
    for (let i = 0; i < 50; i++) await login(uniqueEmail(`spray${i}`), "Leaked-Pass-1!", attacker);
    setTime(start + 15 * 60_000 - 1000);
    expect(retryAfter(await login(owner.email, owner.password, attacker))).toBe(1);
    setTime(start + 15 * 60_000);
    expect((await login(owner.email, owner.password, attacker)).status).toBe(200);
  }, MANY_REQUESTS);

  it("does not count successful sign-ins from an IP", async () => {
    const owner = await newOwner();
    const office = freshIp();
    freezeTime(Date.now());
    for (let i = 0; i < 51; i++) expect((await login(owner.email, owner.password, office)).status).toBe(200);
    expect(await ipThrottle("login", office)).toBeNull();
  }, MANY_REQUESTS);
});
