// Session JSON Web Tokens: HS256 only, key from the JWT_SECRET secret. A token is a pointer to a
// server-side session row; the row decides whether it is still alive (inactivity, logout, removal).
import { SignJWT, jwtVerify, errors as joseErrors } from "jose";

export const JWT_ALG = "HS256";
const ISSUER = "seatline";
const AUDIENCE = "seatline-api";

export interface SessionClaims {
  sub: string; // user id
  sid: string; // session id
  acc: string; // account id
}

// The HMAC key, imported once per secret: jose would import raw bytes again on every request.
// Only the resolved CryptoKey is kept (never a pending promise shared across requests).
const keys = new Map<string, CryptoKey>();

async function key(secret: string): Promise<CryptoKey> {
  if (!secret || secret.length < 32) {
    throw new Error("JWT_SECRET must be set to at least 32 characters (wrangler secret put JWT_SECRET).");
  }
  let k = keys.get(secret);
  if (!k) {
    k = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
    if (keys.size >= 4) keys.clear();
    keys.set(secret, k);
  }
  return k;
}

export async function signSessionToken(secret: string, claims: SessionClaims, issuedAt: number, expiresAt: number) {
  return new SignJWT({ sid: claims.sid, acc: claims.acc })
    .setProtectedHeader({ alg: JWT_ALG, typ: "JWT" })
    .setSubject(claims.sub)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(Math.floor(issuedAt / 1000))
    .setExpirationTime(Math.floor(expiresAt / 1000))
    .sign(await key(secret));
}

/** The claims of a valid token, or null for anything else (bad signature, alg, expiry, shape). */
export async function verifySessionToken(secret: string, token: string, nowMs: number): Promise<SessionClaims | null> {
  try {
    const { payload } = await jwtVerify(token, await key(secret), {
      algorithms: [JWT_ALG],
      issuer: ISSUER,
      audience: AUDIENCE,
      currentDate: new Date(nowMs),
      requiredClaims: ["sub", "exp", "iat"],
    });
    const { sub, sid, acc } = payload;
    if (typeof sub !== "string" || typeof sid !== "string" || typeof acc !== "string") return null;
    return { sub, sid, acc };
  } catch (err) {
    if (err instanceof joseErrors.JOSEError) return null;
    throw err;
  }
}
