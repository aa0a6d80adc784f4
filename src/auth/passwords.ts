// Password rules (the seed's promise) and bcrypt hashing.
import bcrypt from "bcryptjs";
import { COMMON_PASSWORDS_TEXT } from "./common-passwords";
import { COMMON_PASSWORD_MESSAGE, passwordRuleResults, type PasswordProblem } from "../../domain/password-rules";

export { PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH, type PasswordProblem, type PasswordRule } from "../../domain/password-rules";

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(COMMON_PASSWORDS_TEXT.split("\n"));
  return common;
}

/** Every rule the password breaks, in the order a person would fix them; empty when it is acceptable. */
export function checkPassword(password: string): PasswordProblem[] {
  const problems: PasswordProblem[] = passwordRuleResults(password)
    .filter((r) => !r.ok)
    .map(({ rule, message }) => ({ rule, message }));
  if (commonPasswords().has(password.toLowerCase())) problems.push({ rule: "common", message: COMMON_PASSWORD_MESSAGE });
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
