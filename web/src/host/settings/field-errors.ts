// The API's validation details mapped to the form fields that caused them. Paths are zod's, dotted
// ("hours.2.0.start", "specialDates.2026-12-24.0", "timezone"); a form names its fields the same way,
// so an error lands next to the input and anything that matches no field is shown above the form.
import { ApiError } from "../../shared/api-error";

export type FieldErrors = Record<string, string>;

export interface FormFailure {
  fields: FieldErrors;
  /** The message for the top of the form (the API's message, or one that fits no field). */
  message: string;
}

export function formFailure(err: unknown, knownField: (path: string) => boolean): FormFailure {
  if (!(err instanceof ApiError)) return { fields: {}, message: "Something went wrong. Try again." };
  const fields: FieldErrors = {};
  const loose: string[] = [];
  for (const d of err.details) {
    if (d.path && knownField(d.path)) fields[d.path] ??= d.message;
    else loose.push(d.path && d.path !== "(body)" ? `${d.path}: ${d.message}` : d.message);
  }
  const placed = Object.keys(fields).length;
  const message = placed ? (loose.length ? loose.join(" ") : `Check the ${placed === 1 ? "highlighted field" : `${placed} highlighted fields`}: nothing was saved.`) : err.message;
  return { fields, message };
}

/** The first error at or under a path (a row's own error, or any of its inputs'). */
export function errorAt(errors: FieldErrors, path: string): string | undefined {
  return errors[path] ?? Object.entries(errors).find(([k]) => k.startsWith(`${path}.`))?.[1];
}

/** A whole-number check the form makes before sending, with the API's bounds. */
export function checkInt(v: number | null, min: number, max: number): string | undefined {
  if (v === null || !Number.isFinite(v)) return "Enter a number.";
  if (!Number.isInteger(v)) return "Use a whole number.";
  if (v < min || v > max) return `Use ${min}–${max}.`;
  return undefined;
}
