import { mkdirSync } from "node:fs";
import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig, type ViteUserConfig } from "vitest/config";

// Two projects (npm test runs both):
// - "node": pure logic (*.unit.test.ts) in plain Node — no workerd to boot for functions of values.
// - "workers": everything that needs the runtime, inside workerd against real local D1, Durable
//   Objects, Queues and R2. One workerd per vitest worker serves many files in turn (isolate: false):
//   booting workerd and evaluating the Worker graph per file was half of the suite's time. So files
//   share storage within a worker; every test makes its own account, location and DO names, and the
//   few global tables (provider circuit breaker, dev outbox) are reset by the tests that need them.
const PURE = ["test/**/*.unit.test.ts"];

// Files run at once. Most of a workers test's time is spent waiting (queues, alarms, fakes), not
// computing, so a 2-core machine keeps 3 busy; override with VITEST_MAX_WORKERS.
const MAX_WORKERS = Number(process.env.VITEST_MAX_WORKERS ?? 3);

export default defineConfig(async (): Promise<ViteUserConfig> => {
  // wrangler.toml's assets directory must exist for the Worker to load; `npm test` builds the web app
  // into it first, and a run of single files without a build still starts (only page tests need it).
  mkdirSync(path.join(import.meta.dirname, "web/dist"), { recursive: true });
  const migrations = await readD1Migrations(path.join(import.meta.dirname, "migrations"));
  return {
    test: {
      maxWorkers: MAX_WORKERS,
      testTimeout: 30_000,
      // Request logs are for production; keep test output to what failed.
      onConsoleLog: (log: string) => !log.startsWith('{"level":"info"'),
      // When the pool shuts workerd down after the last file, a Durable Object may still be busy with
      // work it scheduled itself (an outbox flush on its alarm, a queue hand-off); vitest reports that
      // as "EnvironmentTeardownError: Closing rpc while … was pending". It happens after every test has
      // finished and is no test's failure; any other unhandled error still fails the run.
      onUnhandledError: (error) => (error.name === "EnvironmentTeardownError" || /Closing rpc while/.test(String(error.message)) ? false : undefined),
      coverage: {
        provider: "istanbul",
        include: ["src/**", "durable-objects/**", "domain/**", "lib/**"],
        reporter: ["text-summary", "json-summary"],
      },
      projects: [
        {
          extends: true,
          test: {
            name: "node",
            environment: "node",
            include: PURE,
            isolate: false,
          },
        },
        {
          extends: true,
          plugins: [
            cloudflareTest(({ inject }) => ({
              wrangler: { configPath: "./wrangler.toml" },
              miniflare: {
                // The queues as wrangler.toml declares them, but delivered at once: production batches
                // for up to a second, which made every test that waits on an email or a text wait too.
                queueConsumers: {
                  "seatline-outbound": { maxBatchSize: 10, maxBatchTimeout: 0, maxRetries: 5, deadLetterQueue: "seatline-outbound-dlq" },
                  "seatline-outbound-dlq": { maxBatchSize: 10, maxBatchTimeout: 0 },
                },
                bindings: {
                  TEST_MIGRATIONS: migrations,
                  ENVIRONMENT: "test",
                  // bcrypt's minimum cost keeps the suite fast; production never goes below 10.
                  BCRYPT_COST: "4",
                  JWT_SECRET: "test-secret-test-secret-test-secret-0123456789",
                  APP_URL: "https://seatline.test",
                  EMAIL_PROVIDER: "dev-outbox",
                  // The fake email provider (test/fakes/server.ts), a real HTTP server on 127.0.0.1.
                  EMAIL_API_BASE_URL: inject<string>("fakesUrl") + "/resend",
                  EMAIL_API_KEY: "re_test_key",
                  // The fake SMS providers (test/fakes/sms.ts) on the same local server.
                  SMS_PRIMARY_PROVIDER: "twilio",
                  TWILIO_API_BASE_URL: inject<string>("fakesUrl") + "/twilio",
                  TWILIO_ACCOUNT_SID: "ACfake0000000000000000000000000000",
                  TWILIO_AUTH_TOKEN: "twilio-fake-auth-token",
                  // A SharedKey secret (Twilio Webhook Settings), for HMAC-SHA256 webhook signatures.
                  TWILIO_WEBHOOK_SIGNING_KEY: "twilio-fake-shared-key",
                  TWILIO_FROM: "+15005550006",
                  TELNYX_API_BASE_URL: inject<string>("fakesUrl") + "/telnyx",
                  TELNYX_API_KEY: "KEYfake-telnyx-api-key",
                  TELNYX_FROM: "+15005550007",
                  TELNYX_PUBLIC_KEY: inject<string>("telnyxPublicKey"),
                  // The fake Recurly v3 API (test/fakes/recurly.ts) on the same local server.
                  RECURLY_API_BASE_URL: inject<string>("fakesUrl") + "/recurly",
                  RECURLY_API_KEY: "recurly-fake-private-api-key",
                  RECURLY_WEBHOOK_SECRET: "recurly-fake-webhook-secret",
                  RECURLY_SUBDOMAIN: "seatline-test",
                  // Accounts with no subscription get every feature and no limits, so the rest of the suite
                  // (several locations per account, self check-in, two-way SMS) is not about billing. The
                  // billing tests put their accounts on real plans through the fake Recurly (and expiry
                  // drops them to the real free plan, whose limits test/billing/plans.test.ts checks).
                  BILLING_DEFAULT_PLAN: "unlimited",
                  // A small per-key limit so the rate-limit test reaches it in a few requests.
                  API_KEY_RATE_LIMIT: "40",
                  // Webhook retries at once twice, then parked for an hour (tests move the clock);
                  // a receiver has one second to answer.
                  WEBHOOK_RETRY_DELAYS: "0,0,3600",
                  WEBHOOK_TIMEOUT_MS: "1000",
                },
              },
            })),
          ],
          test: {
            name: "workers",
            globalSetup: ["./test/fakes/global-setup.ts"],
            setupFiles: ["./test/setup.ts"],
            include: ["test/**/*.test.ts"],
            exclude: ["test/browser/**", ...PURE],
            isolate: false,
          },
        },
      ],
    },
  };
});
