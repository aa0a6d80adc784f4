// README's SMS section states the sending figures; they must be the code's (and wrangler.toml's).
import { describe, expect, it } from "vitest";
import { BREAKER_COOLDOWN_MS, BREAKER_THRESHOLD } from "../../src/messaging/sms/breaker";
import { SEND_TIMEOUT_MS } from "../../src/messaging/sms/providers/provider";
import { CONFIRM_WAIT_SECONDS, retryDelaySeconds } from "../../src/messaging/sms/send";
import readme from "../../README.md?raw";
import wrangler from "../../wrangler.toml?raw";

const sms = readme.slice(readme.indexOf("\n## SMS"), readme.indexOf("\n## Billing"));
const maxRetries = Number(/\[\[queues\.consumers\]\]\s*queue = "seatline-outbound"[\s\S]*?max_retries = (\d+)/.exec(wrangler)![1]);
const oneLine = sms.replace(/\s+/g, " ");

describe("README's SMS figures are the code's", () => {
  it("circuit breaker: threshold and cool-down", () => {
    expect(oneLine).toContain(`${BREAKER_THRESHOLD} consecutive transient failures is skipped for ${BREAKER_COOLDOWN_MS / 1000} s`);
  });

  it("backoff: the delays of every retry wrangler.toml allows, as README lists them", () => {
    const delays = Array.from({ length: maxRetries }, (_, i) => retryDelaySeconds(i + 1));
    const total = delays.reduce((a, b) => a + b, 0);
    expect(oneLine).toContain(`${maxRetries} retries`);
    expect(oneLine).toContain(`${delays.map((d) => `${d}`).join(", ")} s`);
    expect(oneLine).toContain(`about ${Math.round(total / 60)} minutes in all`);
  });

  it("timeout and confirmation wait", () => {
    expect(oneLine).toContain(`${SEND_TIMEOUT_MS / 1000} s send timeout`);
    expect(oneLine).toContain(`waits ${CONFIRM_WAIT_SECONDS} s`);
  });
});
