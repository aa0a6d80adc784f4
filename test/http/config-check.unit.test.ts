// Secure by default (issue 20, item 2): the shipped wrangler.toml is a production configuration that
// exposes no development route, and the startup check refuses unsafe combinations with the reason.
import { describe, expect, it } from "vitest";
// vite's ?raw import (this file runs in the Node project)
import toml from "../../wrangler.toml?raw";
// @ts-expect-error a plain JS script (scripts/local.mjs) without type declarations
import { localVars } from "../../scripts/local.mjs";
import { environmentOf, isDevelopment, unsafeConfig } from "../../src/lib/config-check";

const SECRET = "x".repeat(48);

/** The [vars] of wrangler.toml, as `wrangler deploy` ships them (KEY = "value" lines). */
function shippedVars(): Record<string, string> {
  const section = (toml as string).slice(toml.indexOf("[vars]") + 6).split(/^\[/m)[0]!;
  return Object.fromEntries([...(section as string).matchAll(/^([A-Z_]+)\s*=\s*"([^"]*)"/gm)].map((m) => [m[1]!, m[2]!]));
}

describe("the shipped configuration", () => {
  it("is production: a fresh `wrangler deploy` has no development route and no dev outbox", () => {
    const vars = shippedVars();
    expect(vars.ENVIRONMENT).toBe("production");
    expect(isDevelopment(vars as never)).toBe(false);
    expect(vars.EMAIL_PROVIDER).not.toBe("dev-outbox");
    expect(vars.APP_URL ?? "").not.toMatch(/^http:/);
  });

  it("refuses to serve until APP_URL and the secrets are set, and says which", () => {
    const problems = unsafeConfig({ ...shippedVars(), JWT_SECRET: SECRET } as never);
    expect(problems.join(" ")).toMatch(/APP_URL is not set/);
    expect(problems.join(" ")).toMatch(/EMAIL_API_KEY/);
    expect(unsafeConfig({ ...shippedVars(), JWT_SECRET: SECRET, APP_URL: "https://seatline.example", EMAIL_API_KEY: "re_x" } as never)).toEqual([]);
  });
});

describe("the startup check", () => {
  const prod = { ENVIRONMENT: "production", JWT_SECRET: SECRET, APP_URL: "https://seatline.example", EMAIL_PROVIDER: "resend", EMAIL_API_KEY: "re_x" } as const;

  it("accepts a safe production configuration", () => {
    expect(unsafeConfig(prod as never)).toEqual([]);
  });

  it("refuses production with the dev outbox", () => {
    expect(unsafeConfig({ ...prod, EMAIL_PROVIDER: "dev-outbox" } as never)).toEqual([expect.stringMatching(/EMAIL_PROVIDER is "dev-outbox"/)]);
  });

  it("refuses a short or missing JWT_SECRET in every environment", () => {
    for (const ENVIRONMENT of ["production", "development", "test"]) {
      expect(unsafeConfig({ ...prod, ENVIRONMENT, JWT_SECRET: "short" } as never)).toContainEqual(expect.stringMatching(/JWT_SECRET must be at least 32/));
      expect(unsafeConfig({ ...prod, ENVIRONMENT, JWT_SECRET: undefined } as never)).toContainEqual(expect.stringMatching(/JWT_SECRET/));
    }
  });

  it("refuses APP_URL on http outside localhost, in production and development", () => {
    expect(unsafeConfig({ ...prod, APP_URL: "http://seatline.example" } as never)).toEqual([expect.stringMatching(/APP_URL must use https/)]);
    expect(unsafeConfig({ ...prod, ENVIRONMENT: "development", EMAIL_PROVIDER: "dev-outbox", APP_URL: "http://192.168.1.20:8787" } as never)).toEqual([
      expect.stringMatching(/APP_URL must use https.*this machine only/),
    ]);
    for (const local of ["http://127.0.0.1:8787", "http://localhost:8787", "http://[::1]:8787"]) {
      expect(unsafeConfig({ ...prod, ENVIRONMENT: "development", EMAIL_PROVIDER: "dev-outbox", APP_URL: local } as never)).toEqual([]);
    }
    expect(unsafeConfig({ ...prod, APP_URL: "not a url" } as never)).toEqual([expect.stringMatching(/APP_URL is not a URL/)]);
  });

  it("treats an unknown ENVIRONMENT as production and says it is unknown", () => {
    expect(environmentOf({ ENVIRONMENT: "staging" as never })).toBe("production");
    expect(isDevelopment({ ENVIRONMENT: "Development" as never })).toBe(false);
    expect(unsafeConfig({ ...prod, ENVIRONMENT: "staging", EMAIL_PROVIDER: "dev-outbox" } as never)).toEqual([
      expect.stringMatching(/ENVIRONMENT must be/),
      expect.stringMatching(/dev-outbox/),
    ]);
  });

  it("names settings, never their values", () => {
    const secret = "s3cr3t-but-short";
    expect(unsafeConfig({ ...prod, JWT_SECRET: secret } as never).join(" ")).not.toContain(secret);
  });
});

describe("local runs", () => {
  it("npm start and the backup scripts pass the development settings (scripts/local.mjs)", async () => {
    const vars = localVars("http://127.0.0.1:8831");
    expect(vars).toEqual({ ENVIRONMENT: "development", EMAIL_PROVIDER: "dev-outbox", APP_URL: "http://127.0.0.1:8831" });
    expect(unsafeConfig({ ...vars, JWT_SECRET: SECRET } as never)).toEqual([]);
  });
});
