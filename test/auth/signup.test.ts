// Sign-up: one answer whatever the email, an emailed confirmation that creates the account, emails
// normalised and unique without regard to case, time zones checked, a per-IP limit.
import { describe, expect, it, afterEach, vi } from "vitest";
import { call, linkFromEmail, outbox, tokenFromPath, uniqueEmail } from "../helpers/api";
import { all, auditRows, emailTo, emailsTo, linkIn, expectError, first, freezeTime, freshIp, login, me, newOwner, retryAfter, setTime } from "./support";

afterEach(() => {
  vi.useRealTimers();
});

const body = (email: string, extra: Record<string, unknown> = {}) => ({
  accountName: "Casa Nueva",
  name: "Nora",
  email,
  password: "Fresh-Basil-21",
  ...extra,
});

describe("sign-up", () => {
  it("answers a new and an already registered email with the same status and body", async () => {
    const existing = await newOwner();
    const fresh = uniqueEmail("fresh");
    const ip = freshIp();
    const forNew = await call("POST", "/api/auth/signup", { ip, body: body(fresh) });
    const forExisting = await call("POST", "/api/auth/signup", { ip, body: body(existing.email) });
    expect(forNew.status).toBe(202);
    expect(forExisting.status).toBe(forNew.status);
    expect(forExisting.text).toBe(forNew.text);
    expect(forNew.json).toEqual({ status: "accepted", message: expect.any(String) });
    expect(forExisting.headers.get("Content-Type")).toBe(forNew.headers.get("Content-Type"));
  });

  it("emails a confirmation link to a new address", async () => {
    const email = uniqueEmail("new");
    expect((await call("POST", "/api/auth/signup", { ip: freshIp(), body: body(email) })).status).toBe(202);
    const link = await linkFromEmail(email, /Confirm your email/);
    expect(link).toMatch(/^\/signup\/confirm\/[A-Za-z0-9_-]{43}$/);
    // No account exists until the link is followed.
    expect(await first("SELECT id FROM users WHERE email = ?", email)).toBeNull();
  });

  it("emails an existing address that it already has an account, and no confirmation link", async () => {
    const existing = await newOwner();
    const confirmsBefore = (await outbox(existing.email)).filter((e) => /Confirm/.test(e.subject)).length;
    expect((await call("POST", "/api/auth/signup", { ip: freshIp(), body: body(existing.email) })).status).toBe(202);
    const mail = await emailTo(existing.email, /already have a Seatline account/);
    expect(mail.text).toContain("https://seatline.test/login");
    // The notice and a confirmation come from the same background task: once the notice is here, no link followed it.
    expect((await outbox(existing.email)).filter((e) => /Confirm/.test(e.subject))).toHaveLength(confirmsBefore);
    expect(await all("SELECT id FROM pending_signups WHERE email = ? AND used_at IS NULL", existing.email)).toHaveLength(0);
    expect(await all("SELECT id FROM users WHERE email = ?", existing.email)).toHaveLength(1);
  });

  it("confirming creates the account, its owner and first location, and signs in", async () => {
    const email = uniqueEmail("confirm");
    const ip = freshIp();
    const res = await call("POST", "/api/auth/signup", {
      ip,
      body: body(email, { accountName: "Le Petit Bistro", name: "Léa", timezone: "Europe/Paris" }),
    });
    expect(res.status).toBe(202);
    const token = tokenFromPath(await linkFromEmail(email, /Confirm your email/));
    const confirm = await call("POST", "/api/auth/signup/confirm", { ip, body: { token } });
    expect(confirm.status).toBe(201);
    expect(confirm.json).toMatchObject({
      token: expect.any(String),
      tokenType: "Bearer",
      idleTimeoutSeconds: 86400,
      user: { email, name: "Léa", role: "owner" },
      account: { name: "Le Petit Bistro" },
      location: { name: "Le Petit Bistro", slug: expect.stringMatching(/^le-petit-bistro/) },
    });

    const user = await first<{ account_id: string; role: string }>("SELECT account_id, role FROM users WHERE email = ?", email);
    expect(user).toEqual({ account_id: confirm.json.account.id, role: "owner" });
    expect(await first("SELECT name FROM accounts WHERE id = ?", user!.account_id)).toEqual({ name: "Le Petit Bistro" });
    const locations = await all<{ id: string; timezone: string }>("SELECT id, timezone FROM locations WHERE account_id = ?", user!.account_id);
    expect(locations).toEqual([{ id: confirm.json.location.id, timezone: "Europe/Paris" }]);

    const who = await me(confirm.json.token);
    expect(who.status).toBe(200);
    expect(who.json.user).toMatchObject({ email, role: "owner", accountId: user!.account_id });
    const locs = await call("GET", "/api/locations", { token: confirm.json.token });
    expect(locs.status).toBe(200);
    expect(locs.json.locations.map((l: { id: string }) => l.id)).toEqual([confirm.json.location.id]);

    expect(await auditRows("auth.signup", { userId: confirm.json.user.id, ip })).toHaveLength(1);
  });

  it("defaults the first location's time zone to UTC", async () => {
    const owner = await newOwner();
    expect(await first("SELECT timezone FROM locations WHERE id = ?", owner.locationId)).toEqual({ timezone: "UTC" });
  });

  it("refuses an unknown time zone with 400 naming the field, and starts nothing", async () => {
    const email = uniqueEmail("tz");
    for (const timezone of ["Mars/Olympus_Mons", "Europe/Pariss", "GMT+25"]) {
      const res = await call("POST", "/api/auth/signup", { ip: freshIp(), body: body(email, { timezone }) });
      expectError(res, 400, "validation_failed");
      expect(res.json.error.details).toEqual([expect.objectContaining({ path: "timezone" })]);
    }
    expect(await first("SELECT id FROM pending_signups WHERE email = ?", email)).toBeNull();
  });

  it("trims and lower-cases the email everywhere", async () => {
    const lower = uniqueEmail("mixed");
    const messy = `  ${lower.replace("mixed", "MiXeD").replace("example.com", "Example.COM")}  `;
    const ip = freshIp();
    expect((await call("POST", "/api/auth/signup", { ip, body: body(messy) })).status).toBe(202);
    const token = tokenFromPath(await linkFromEmail(lower, /Confirm your email/));
    const confirm = await call("POST", "/api/auth/signup/confirm", { ip, body: { token } });
    expect(confirm.status).toBe(201);
    expect(confirm.json.user.email).toBe(lower);
    expect(await first("SELECT email FROM users WHERE id = ?", confirm.json.user.id)).toEqual({ email: lower });
    expect((await login(` ${lower.toUpperCase()} `, "Fresh-Basil-21", ip)).status).toBe(200);
  });

  it("treats addresses differing only in case as the same account", async () => {
    const owner = await newOwner();
    const shouted = owner.email.toUpperCase();
    expect((await call("POST", "/api/auth/signup", { ip: freshIp(), body: body(shouted) })).status).toBe(202);
    await emailTo(owner.email, /already have a Seatline account/);
    expect(await all("SELECT id FROM users WHERE lower(email) = ?", owner.email)).toHaveLength(1);
  });

  it("lets only one of two pending sign-ups for the same address (any case) become an account", async () => {
    const email = uniqueEmail("twice");
    const ip = freshIp();
    expect((await call("POST", "/api/auth/signup", { ip, body: body(email) })).status).toBe(202);
    const firstToken = tokenFromPath(await linkFromEmail(email, /Confirm your email/));
    expect((await call("POST", "/api/auth/signup", { ip, body: body(email.toUpperCase(), { accountName: "Other Place" }) })).status).toBe(202);
    const mails = await emailsTo(email, /Confirm your email/, 2);
    expect(await all("SELECT id FROM pending_signups WHERE email = ?", email)).toHaveLength(2);
    const secondToken = tokenFromPath(linkIn(mails[1]!));
    expect(secondToken).not.toBe(firstToken);

    expect((await call("POST", "/api/auth/signup/confirm", { ip, body: { token: firstToken } })).status).toBe(201);
    const second = await call("POST", "/api/auth/signup/confirm", { ip, body: { token: secondToken } });
    expectError(second, 409, "conflict");
    expect(await all("SELECT id FROM users WHERE email = ?", email)).toHaveLength(1);
    expect(await all("SELECT id FROM accounts WHERE name = 'Other Place'")).toHaveLength(0);
  });

  it("limits sign-ups per client IP with 429 and Retry-After, leaving other IPs alone", async () => {
    const start = Date.now();
    freezeTime(start);
    const ip = freshIp();
    for (let i = 0; i < 10; i++) {
      expect((await call("POST", "/api/auth/signup", { ip, body: body(uniqueEmail("burst")) })).status).toBe(202);
    }
    const limited = await call("POST", "/api/auth/signup", { ip, body: body(uniqueEmail("burst")) });
    expectError(limited, 429, "rate_limited");
    expect(retryAfter(limited)).toBe(3600);
    expect((await call("POST", "/api/auth/signup", { ip: freshIp(), body: body(uniqueEmail("other")) })).status).toBe(202);

    setTime(start + 30 * 60_000);
    expect(retryAfter(await call("POST", "/api/auth/signup", { ip, body: body(uniqueEmail("burst")) }))).toBe(1800);
    setTime(start + 3600_000 + 1000);
    expect((await call("POST", "/api/auth/signup", { ip, body: body(uniqueEmail("later")) })).status).toBe(202);
  });
});
