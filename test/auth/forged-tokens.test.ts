// Only a token we signed (HS256, our key, our issuer and audience), for a live session of an
// existing user, sent as "Authorization: Bearer", is accepted. Everything else is a 401.
import { env, SELF } from "cloudflare:test";
import { decodeJwt, decodeProtectedHeader, SignJWT, UnsecuredJWT, type JWTPayload } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "../../src/auth/sessions";
import { verifySessionToken } from "../../src/auth/tokens";
import { db } from "../../src/db/client";
import { addMember, call, ORIGIN } from "../helpers/api";
import { expectError, freshIp, login, me, newOwner } from "./support";

const enc = new TextEncoder();
const b64url = (s: string) => btoa(String.fromCharCode(...enc.encode(s))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
const segment = (value: unknown) => b64url(JSON.stringify(value));

interface Real {
  token: string;
  claims: JWTPayload & { sub: string; sid: string; acc: string };
  userId: string;
  accountId: string;
}

let real: Real;
let otherUserId: string;
let otherAccountId: string;

async function sign(claims: JWTPayload, opts: { alg?: string; key?: string } = {}) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: opts.alg ?? "HS256", typ: "JWT" })
    .sign(enc.encode(opts.key ?? env.JWT_SECRET));
}

/** 401 in the error shape from /api/me, and the token verifier itself says no. */
async function expectRefused(token: string) {
  const res = await call("GET", "/api/me", { token });
  expectError(res, 401, "unauthorized");
  expect(await verifySessionToken(env.JWT_SECRET, token, Date.now())).toBeNull();
}

/** A genuinely signed token that no live session backs: 401, and authenticate() says no. */
async function expectNoSession(token: string) {
  expect(await verifySessionToken(env.JWT_SECRET, token, Date.now())).not.toBeNull();
  const res = await call("GET", "/api/me", { token });
  expectError(res, 401, "unauthorized");
  expect(await authenticate(db(env.DB), env.JWT_SECRET, token, Date.now())).toBeNull();
}

beforeAll(async () => {
  const owner = await newOwner();
  const session = await login(owner.email, owner.password, freshIp());
  const claims = decodeJwt(session.json.token) as Real["claims"];
  real = { token: session.json.token, claims, userId: owner.userId, accountId: owner.accountId };
  const other = await newOwner();
  otherUserId = other.userId;
  otherAccountId = other.accountId;
});

describe("what a real token looks like", () => {
  it("is HS256 with our issuer, audience, subject, session and account", () => {
    expect(decodeProtectedHeader(real.token)).toEqual({ alg: "HS256", typ: "JWT" });
    expect(real.claims).toMatchObject({ iss: "seatline", aud: "seatline-api", sub: real.userId, acc: real.accountId, sid: expect.any(String) });
    expect(real.claims.exp! - real.claims.iat!).toBe(30 * 24 * 3600);
  });

  it("can be re-created by the test with the same key and claims (so the forgeries below differ in one thing only)", async () => {
    const copy = await sign({ ...real.claims });
    expect((await me(copy)).status).toBe(200);
  });
});

describe("forged tokens are refused with 401", () => {
  it("alg none (unsecured JWT)", async () => {
    await expectRefused(new UnsecuredJWT({ ...real.claims }).encode());
  });

  it("alg none with a made-up signature, in any spelling", async () => {
    for (const alg of ["none", "None", "NONE", "nOnE"]) {
      await expectRefused(`${segment({ alg, typ: "JWT" })}.${segment(real.claims)}.c2lnbmF0dXJl`);
    }
  });

  it("HS512 and HS384 signed with the right secret", async () => {
    await expectRefused(await sign({ ...real.claims }, { alg: "HS512" }));
    await expectRefused(await sign({ ...real.claims }, { alg: "HS384" }));
  });

  it("HS256 with a wrong key", async () => {
    await expectRefused(await sign({ ...real.claims }, { key: "another-secret-another-secret-0123456789" }));
    await expectRefused(await sign({ ...real.claims }, { key: env.JWT_SECRET + " " }));
  });

  it("an HS256 signature under an RS256 header (algorithm confusion)", async () => {
    const [, payload, signature] = (await sign({ ...real.claims })).split(".");
    await expectRefused(`${segment({ alg: "RS256", typ: "JWT" })}.${payload}.${signature}`);
  });

  it("expired, though its session is alive", async () => {
    const now = Math.floor(Date.now() / 1000);
    await expectRefused(await sign({ ...real.claims, iat: now - 7200, exp: now - 60 }));
    await expectRefused(await sign({ ...real.claims, iat: now - 7200, exp: now }));
  });

  it("without an expiry, or without an issue time", async () => {
    const { exp: _exp, ...noExp } = real.claims;
    await expectRefused(await sign(noExp));
    const { iat: _iat, ...noIat } = real.claims;
    await expectRefused(await sign(noIat));
  });

  it("with a wrong issuer or audience", async () => {
    await expectRefused(await sign({ ...real.claims, iss: "someone-else" }));
    await expectRefused(await sign({ ...real.claims, aud: "another-api" }));
  });

  it("tampered payload kept under the original signature: another user, account, session or expiry", async () => {
    const [header, , signature] = real.token.split(".");
    for (const change of [{ sub: otherUserId }, { acc: otherAccountId }, { sid: crypto.randomUUID() }, { exp: real.claims.exp! + 86400 }]) {
      await expectRefused(`${header}.${segment({ ...real.claims, ...change })}.${signature}`);
    }
  });

  it("a truncated or altered signature", async () => {
    const [header, payload, signature] = real.token.split(".");
    await expectRefused(`${header}.${payload}.${signature!.slice(0, -2)}`);
    const flipped = (signature![0] === "A" ? "B" : "A") + signature!.slice(1);
    await expectRefused(`${header}.${payload}.${flipped}`);
  });

  it("signed with our key but pointing at another user's or account's identity for this session", async () => {
    // Even with the key, a token only works for the user and account its session belongs to.
    await expectNoSession(await sign({ ...real.claims, sub: otherUserId }));
    await expectNoSession(await sign({ ...real.claims, acc: otherAccountId }));
    await expectNoSession(await sign({ ...real.claims, sid: crypto.randomUUID() }));
    const { sid: _sid, ...noSid } = real.claims;
    await expectRefused(await sign(noSid));
  });

  it("of a session that has ended (logout)", async () => {
    const owner = await newOwner();
    const ip = freshIp();
    const session = await login(owner.email, owner.password, ip);
    expect((await me(session.json.token)).status).toBe(200);
    expect((await call("POST", "/api/auth/logout", { token: session.json.token, ip })).status).toBe(204);
    expectError(await me(session.json.token), 401, "unauthorized");
    // Re-signing its claims does not help either: the session row decides.
    await expectNoSession(await sign(decodeJwt(session.json.token)));
  });

  it("of a user the owner has removed from the team", async () => {
    const owner = await newOwner();
    const member = await addMember(owner, "host");
    expect((await me(member.token)).status).toBe(200);
    const removed = await call("DELETE", `/api/team/members/${member.userId}`, { token: owner.token });
    expect(removed.status).toBe(204);
    expectError(await me(member.token), 401, "unauthorized");
    expectError(await call("GET", "/api/locations", { token: member.token }), 401, "unauthorized");
    await expectNoSession(await sign(decodeJwt(member.token)));
    // And the removed user cannot sign in again.
    expectError(await login(member.email, "Correct-Horse-9", freshIp()), 401, "invalid_credentials");
    expect((await me(owner.token)).status).toBe(200);
  });
});

describe("tokens are taken only from Authorization: Bearer", () => {
  it("accepts the scheme name in any case (it is case-insensitive), never the token's", async () => {
    for (const scheme of ["bearer", "BEARER", "BeArEr"]) {
      expect((await call("GET", "/api/me", { headers: { Authorization: `${scheme} ${real.token}` } })).status).toBe(200);
    }
    const flipped = real.token.replace(/[a-z]/, (ch) => ch.toUpperCase());
    expect((await call("GET", "/api/me", { headers: { Authorization: `Bearer ${flipped}` } })).status).toBe(401);
  });

  it.each([
    ["no scheme", (t: string) => t],
    ["Basic scheme", (t: string) => `Basic ${t}`],
    ["Token scheme", (t: string) => `Token ${t}`],
    ["scheme without token", () => "Bearer"],
    ["scheme and a space", () => "Bearer "],
    ["two tokens", (t: string) => `Bearer ${t} ${t}`],
    ["two headers folded", (t: string) => `Bearer ${t}, Bearer ${t}`],
    ["trailing garbage", (t: string) => `Bearer ${t}x!`],
    ["doubled scheme", (t: string) => `Bearer Bearer ${t}`],
    ["two dots only", () => "Bearer abc.def"],
    ["four parts", (t: string) => `Bearer ${t}.extra`],
    ["quoted token", (t: string) => `Bearer "${t}"`],
  ])("refuses a malformed header: %s", async (_name, header) => {
    const res = await call("GET", "/api/me", { headers: { Authorization: header(real.token) } });
    expectError(res, 401, "unauthorized");
  });

  it("still accepts the same token in a well-formed header (control)", async () => {
    expect((await call("GET", "/api/me", { headers: { Authorization: `Bearer ${real.token}` } })).status).toBe(200);
  });

  it("ignores a token in the query string", async () => {
    for (const name of ["token", "access_token", "jwt", "authorization"]) {
      const res = await call("GET", `/api/me?${name}=${encodeURIComponent(real.token)}`);
      expectError(res, 401, "unauthorized");
    }
  });

  it("ignores a token in a cookie", async () => {
    for (const name of ["token", "session", "jwt", "Authorization", "access_token"]) {
      const res = await SELF.fetch(`${ORIGIN}/api/me`, { headers: { Cookie: `${name}=${real.token}`, "CF-Connecting-IP": freshIp() } });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: "unauthorized" } });
    }
  });

  it("ignores a token in the body of a request", async () => {
    const res = await call("POST", "/api/auth/logout", { body: { token: real.token, authorization: `Bearer ${real.token}` } });
    expectError(res, 401, "unauthorized");
    expect((await me(real.token)).status).toBe(200);
  });
});
