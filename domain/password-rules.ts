// The password rules that need no word list: shared by the server (passwords.ts adds the common-password
// check) and the web app, which shows them live as the user types without shipping the 10,000 words.

export const PASSWORD_MIN_LENGTH = 8;
// bcrypt reads at most 72 bytes; a longer password would be silently truncated, so it is refused.
export const PASSWORD_MAX_BYTES = 72;

export type PasswordRule = "min_length" | "max_bytes" | "uppercase" | "number" | "symbol" | "common";

export interface PasswordProblem {
  rule: PasswordRule;
  message: string;
}

/** The rules in the order a person would fix them, each with whether `password` meets it. */
export function passwordRuleResults(password: string): { rule: Exclude<PasswordRule, "common">; message: string; ok: boolean }[] {
  return [
    { rule: "min_length", message: `Use at least ${PASSWORD_MIN_LENGTH} characters.`, ok: [...password].length >= PASSWORD_MIN_LENGTH },
    { rule: "max_bytes", message: `Use at most ${PASSWORD_MAX_BYTES} bytes (about 72 plain letters).`, ok: new TextEncoder().encode(password).length <= PASSWORD_MAX_BYTES },
    { rule: "uppercase", message: "Include at least one uppercase letter.", ok: /\p{Lu}/u.test(password) },
    { rule: "number", message: "Include at least one number.", ok: /\p{Nd}/u.test(password) },
    // A symbol: anything that is not a letter, a digit or whitespace (punctuation, marks, emoji...).
    { rule: "symbol", message: "Include at least one symbol, such as ! ? # or -.", ok: /[^\p{L}\p{Nd}\s]/u.test(password) },
  ];
}

export const COMMON_PASSWORD_MESSAGE = "This password is one of the most common ones; choose another.";
