// Password rules (the seed's promise) and bcrypt hashing.
import bcrypt from "bcryptjs";
import { COMMON_PASSWORDS_TEXT } from "./common-passwords";

export const PASSWORD_MIN_LENGTH = 8;
// bcrypt reads at most 72 bytes; a longer password would be silently truncated, so it is refused.
export const PASSWORD_MAX_BYTES = 72;

export type PasswordRule = "min_length" | "max_bytes" | "uppercase" | "number" | "symbol" | "common";

export interface PasswordProblem {
  rule: PasswordRule;
  message: string;
}

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(COMMON_PASSWORDS_TEXT.split("\n"));
  return common;
}

/** Every rule the password breaks, in the order a person would fix them; empty when it is acceptable. */
export function checkPassword(password: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) {
    problems.push({ rule: "min_length", message: `Use at least ${PASSWORD_MIN_LENGTH} characters.` });
  }
  if (new TextEncoder().encode(password).length > PASSWORD_MAX_BYTES) {
    problems.push({ rule: "max_bytes", message: `Use at most ${PASSWORD_MAX_BYTES} bytes (about 72 plain letters).` });
  }
  if (!/\p{Lu}/u.test(password)) {
    problems.push({ rule: "uppercase", message: "Include at least one uppercase letter." });
  }
  if (!/\p{Nd}/u.test(password)) {
    problems.push({ rule: "number", message: "Include at least one number." });
  }
  // A symbol: anything that is not a letter, a digit or whitespace (punctuation, marks, emoji...).
  if (!/[^\p{L}\p{Nd}\s]/u.test(password)) {
    problems.push({ rule: "symbol", message: "Include at least one symbol, such as ! ? # or -." });
  }
  if (commonPasswords().has(password.toLowerCase())) {
    problems.push({ rule: "common", message: "This password is one of the most common ones; choose another." });
  }
  return problems;
}

export function bcryptCost(env: { BCRYPT_COST: string; ENVIRONMENT: string }): number {
  const configured = Number.parseInt(env.BCRYPT_COST, 10);
  const cost = Number.isFinite(configured) ? configured : 10;
  // Only tests may go below 10, to keep the suite fast.
  const floor = env.ENVIRONMENT === "test" ? 4 : 10;
  return Math.min(Math.max(cost, floor), 15);
}

export function hashPassword(password: string, cost: number): Promise<string> {
  return bcrypt.hash(password, cost);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

// A hash at the configured cost compared against when the email is unknown, so an unknown email
// takes as long to refuse as a wrong password.
const dummyHashes = new Map<number, Promise<string>>();
export function dummyHash(cost: number): Promise<string> {
  let hash = dummyHashes.get(cost);
  if (!hash) {
    hash = bcrypt.hash("not-a-real-password-" + crypto.randomUUID(), cost);
    dummyHashes.set(cost, hash);
  }
  return hash;
}
