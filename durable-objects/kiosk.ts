// The location's kiosk token (issue 22): the secret in `/join/<slug>?kiosk=…` that turns the
// restaurant's own tablet into a self check-in kiosk with its own rate limit. One per location,
// kept in `meta` beside the location's other settings (never in WaitlistSettings, which host
// sockets receive). Only its SHA-256 is stored, like live tickets and API keys; a new token
// replaces the old one at once, and a revoked one stops working at once.
import { randomToken, sha256Hex, timingSafeEqual } from "../lib/crypto";
import type { Meta } from "./storage/meta";

export const KIOSK_TOKEN_PREFIX = "sl_kiosk_";
/** 256 random bits, base64url: 43 characters after the prefix. */
export const KIOSK_TOKEN_PATTERN = /^sl_kiosk_[A-Za-z0-9_-]{43}$/;
/** Characters kept in clear so an owner can tell tokens apart (prefix + 4). */
const SHOWN = KIOSK_TOKEN_PREFIX.length + 4;
const KEY = "kiosk_token";

interface Stored {
  hash: string;
  prefix: string;
  createdAt: number;
  createdBy: string | null;
  revokedAt: number | null;
}

/** What anyone may see of the token: never the token or its hash. */
export interface KioskTokenView {
  status: "none" | "active" | "revoked";
  prefix: string | null;
  createdAt: number | null;
  revokedAt: number | null;
}

export class KioskTokens {
  constructor(private readonly meta: Meta) {}

  view(): KioskTokenView {
    const s = this.meta.json<Stored>(KEY);
    if (!s) return { status: "none", prefix: null, createdAt: null, revokedAt: null };
    return { status: s.revokedAt === null ? "active" : "revoked", prefix: s.prefix, createdAt: s.createdAt, revokedAt: s.revokedAt };
  }

  /** A new token, replacing any other: returned once, stored as its hash. */
  async create(createdBy: string | null, at: number): Promise<KioskTokenView & { token: string }> {
    const token = KIOSK_TOKEN_PREFIX + randomToken(256);
    const stored: Stored = { hash: await sha256Hex(token), prefix: token.slice(0, SHOWN), createdAt: at, createdBy, revokedAt: null };
    this.meta.setJson(KEY, stored);
    return { ...this.view(), token };
  }

  /** Revokes the current token (a second revoke keeps the first time). */
  revoke(at: number): KioskTokenView {
    const s = this.meta.json<Stored>(KEY);
    if (s && s.revokedAt === null) this.meta.setJson(KEY, { ...s, revokedAt: at });
    return this.view();
  }

  /** Whether `token` is this location's current, unrevoked kiosk token. */
  async accepts(token: string): Promise<boolean> {
    if (!KIOSK_TOKEN_PATTERN.test(token)) return false;
    const s = this.meta.json<Stored>(KEY);
    if (!s || s.revokedAt !== null) return false;
    return timingSafeEqual(await sha256Hex(token), s.hash);
  }
}
