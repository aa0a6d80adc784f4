// The startup check: a Worker whose settings are unsafe together refuses to serve (503, the one error
// shape) and says why, instead of running a production deployment with development conveniences.
// wrangler.toml ships production settings; development ones come from .dev.vars or `--var`, which only
// local runs read (scripts/local.mjs). See README, "Security".
import type { Env } from "./env";

export const MIN_JWT_SECRET_LENGTH = 32;

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

export type Environment = "production" | "development" | "test";

/** The environment a deployment runs as; anything unknown is production (the strictest). */
export function environmentOf(env: Pick<Env, "ENVIRONMENT">): Environment {
  return env.ENVIRONMENT === "development" || env.ENVIRONMENT === "test" ? env.ENVIRONMENT : "production";
}

/** True only where development conveniences (the dev outbox page, backups routes) may exist. */
export function isDevelopment(env: Pick<Env, "ENVIRONMENT">): boolean {
  const e = environmentOf(env);
  return e === "development" || e === "test";
}

function appUrlProblem(raw: string | undefined, mustBeLoopbackIfHttp: boolean): string | null {
  if (!raw) return "APP_URL is not set: set it to the public https:// origin of this deployment.";
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "APP_URL is not a URL: set it to the public https:// origin of this deployment.";
  }
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && LOOPBACK.has(url.hostname)) return null;
  if (url.protocol === "http:" && !mustBeLoopbackIfHttp) return null;
  return `APP_URL must use https:// (http:// is allowed only for localhost); it is ${url.protocol}//${url.host}.`;
}

/** Why this configuration must not serve (empty when it is safe). Names settings, never their values. */
export function unsafeConfig(env: Partial<Env>): string[] {
  const problems: string[] = [];
  if (env.ENVIRONMENT !== undefined && !["production", "development", "test"].includes(env.ENVIRONMENT)) {
    problems.push(`ENVIRONMENT must be "production", "development" or "test".`);
  }
  if (!env.JWT_SECRET || env.JWT_SECRET.length < MIN_JWT_SECRET_LENGTH) {
    problems.push(`JWT_SECRET must be at least ${MIN_JWT_SECRET_LENGTH} characters (wrangler secret put JWT_SECRET).`);
  }
  const e = environmentOf({ ENVIRONMENT: env.ENVIRONMENT ?? "production" });
  if (e === "production") {
    if (env.EMAIL_PROVIDER === "dev-outbox") {
      problems.push('EMAIL_PROVIDER is "dev-outbox", which keeps emails (sign-up and reset links) in D1: use "resend" in production.');
    }
    if (env.EMAIL_PROVIDER === "resend" && !env.EMAIL_API_KEY) problems.push("EMAIL_API_KEY is not set (wrangler secret put EMAIL_API_KEY).");
  }
  // Development serves the dev outbox without a token: only on this machine.
  const url = appUrlProblem(env.APP_URL, true);
  if (url && e !== "test") problems.push(e === "development" ? `${url} Development settings are for this machine only.` : url);
  return problems;
}

const checkedEnvs = new WeakMap<object, string[]>();
const checkedSettings = new Map<string, string[]>();

/** Exactly what unsafeConfig reads (the secret's length and whether a key is set, never their values). */
function settingsKey(env: Partial<Env>): string {
  return [env.ENVIRONMENT ?? "", env.JWT_SECRET?.length ?? -1, env.EMAIL_PROVIDER ?? "", env.EMAIL_API_KEY ? 1 : 0, env.APP_URL ?? ""].join("\u0000");
}

/**
 * The check, once per set of settings. The runtime may hand each request a new env object, so the
 * answer is kept by the settings it depends on as well as by the object.
 */
export function configProblems(env: Env): string[] {
  let problems = checkedEnvs.get(env);
  if (problems) return problems;
  const key = settingsKey(env);
  problems = checkedSettings.get(key);
  if (!problems) {
    problems = unsafeConfig(env);
    if (checkedSettings.size >= 16) checkedSettings.clear();
    checkedSettings.set(key, problems);
  }
  checkedEnvs.set(env, problems);
  return problems;
}
