// One rule for every free-text field at the edge (names, notes, tags, addresses, texts): the value is
// stored, shown live, kept in D1 history and exported exactly as it leaves this function.
// - Unicode only: a lone surrogate (what invalid UTF-16 looks like in JSON: "\ud800") is refused, and so
//   is U+FFFD, which is what invalid UTF-8 in a request body decodes to.
// - NFC: "é" typed as e + U+0301 and as U+00E9 is the same name everywhere.
// - No control characters (C0, DEL, C1, U+2028/2029, noncharacters U+FFFE/FFFF); multi-line fields
//   keep newlines, with CRLF and CR turned into LF.
// - Trimmed, and lengths counted in code points (as JSON Schema's maxLength does), not UTF-16 units.
// Refusals are ordinary validation issues: 400 validation_failed with the field's path.
import { z } from "@hono/zod-openapi";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CONTROL_SINGLE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\uFFFD\uFFFE\uFFFF]/;
const CONTROL_MULTI = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029\uFFFD\uFFFE\uFFFF]/;

export interface FreeTextRule {
  max: number;
  /** 1 for a required field (an empty or all-space value is refused). */
  min?: number;
  /** Keeps newlines (notes, addresses, message bodies). */
  multiline?: boolean;
}

export type TextProblem = "lone_surrogate" | "control" | "too_short" | "too_long";

/** The normalized value, or why it is refused (pure; used by the zod helper and its tests). */
export function normalizeText(input: string, rule: FreeTextRule): { ok: true; value: string } | { ok: false; problem: TextProblem; message: string } {
  if (LONE_SURROGATE.test(input)) return { ok: false, problem: "lone_surrogate", message: "Contains an invalid character (an unpaired UTF-16 surrogate)." };
  let value = rule.multiline ? input.replace(/\r\n?/g, "\n") : input;
  value = value.normalize("NFC").trim();
  const bad = (rule.multiline ? CONTROL_MULTI : CONTROL_SINGLE).exec(value);
  if (bad) {
    const code = bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
    const what = code === "FFFD" ? "U+FFFD (invalid UTF-8 was sent)" : `a control character (U+${code})`;
    return { ok: false, problem: "control", message: `Contains ${what}${rule.multiline ? "" : "; this field is one line"}.` };
  }
  const length = [...value].length;
  const min = rule.min ?? 0;
  if (length < min) return { ok: false, problem: "too_short", message: min === 1 ? "Must not be empty." : `Must be at least ${min} characters.` };
  if (length > rule.max) return { ok: false, problem: "too_long", message: `Must be at most ${rule.max} characters (this is ${length}).` };
  return { ok: true, value };
}

/** The zod schema for a free-text field under the one rule. */
export function freeText(rule: FreeTextRule) {
  return z
    .string()
    .transform((input, ctx) => {
      const r = normalizeText(input, rule);
      if (r.ok) return r.value;
      ctx.addIssue({ code: "custom", message: r.message });
      return z.NEVER;
    })
    .openapi({ type: "string", maxLength: rule.max, ...(rule.min ? { minLength: rule.min } : {}) });
}
