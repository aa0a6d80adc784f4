// The socket abuse limits as pure functions (durable-objects/live/guard.ts).
import { describe, expect, it } from "vitest";
import { admit, checkSize, frameBytes, GUARD_LIMITS, newGuardState, takeToken } from "../../durable-objects/live/guard";

const resume = { kind: "resume", version: 0 } as const;
const junk = { kind: "invalid" } as const;

describe("frame size", () => {
  it("closes with 1009 above the limit and lets the limit itself through", () => {
    expect(checkSize(GUARD_LIMITS.maxFrameBytes)).toBeNull();
    expect(checkSize(GUARD_LIMITS.maxFrameBytes + 1)).toMatchObject({ action: "close", code: 1009 });
    const s = newGuardState(0);
    expect(admit(s, GUARD_LIMITS.maxFrameBytes + 1, resume, 0)).toMatchObject({ action: "close", code: 1009 });
  });

  it("counts text in UTF-8 bytes", () => {
    expect(frameBytes("a".repeat(10))).toBe(10);
    expect(frameBytes("é".repeat(3000))).toBe(6000);
    expect(frameBytes(new ArrayBuffer(5000))).toBe(5000);
  });
});

describe("rate", () => {
  it("allows the burst at once, then the steady rate", () => {
    const s = newGuardState(0);
    for (let i = 0; i < GUARD_LIMITS.burst; i++) expect(takeToken(s, 0)).toBe(true);
    expect(takeToken(s, 0)).toBe(false);
    // 2 per second: one more after half a second, two after a second.
    expect(takeToken(s, 499)).toBe(false);
    expect(takeToken(s, 500)).toBe(true);
    expect(takeToken(s, 500)).toBe(false);
    expect(takeToken(s, 1500)).toBe(true);
    expect(takeToken(s, 1500)).toBe(true);
    expect(takeToken(s, 1500)).toBe(false);
    // A long quiet spell refills to the burst, never beyond.
    let n = 0;
    while (takeToken(s, 3_600_000)) n++;
    expect(n).toBe(GUARD_LIMITS.burst);
  });

  it("drops frames over the rate without serving them and closes with 1008 after enough of them", () => {
    const s = newGuardState(0);
    const decisions = Array.from({ length: GUARD_LIMITS.burst + GUARD_LIMITS.maxStrikes }, (_, i) => admit(s, 10, { kind: "resume", version: i }, 0));
    expect(decisions[0]).toEqual({ action: "handle" });
    expect(decisions.slice(1, GUARD_LIMITS.burst).every((d) => d.action === "ignore" && d.why === "coalesced")).toBe(true);
    expect(decisions.slice(GUARD_LIMITS.burst, -1).every((d) => d.action === "ignore" && d.why === "rate")).toBe(true);
    expect(decisions.at(-1)).toMatchObject({ action: "close", code: 1008 });
  });
});

describe("junk", () => {
  it("answers the first invalid frame, then at most once per interval, and closes with 1008 at the limit", () => {
    const s = newGuardState(0);
    const out = Array.from({ length: GUARD_LIMITS.maxStrikes }, (_, i) => admit(s, 10, junk, i));
    expect(out[0]).toEqual({ action: "reply_error" });
    expect(out.slice(1, -1).every((d) => d.action === "ignore" && d.why === "junk")).toBe(true);
    expect(out.at(-1)).toMatchObject({ action: "close", code: 1008 });
  });

  it("answers junk again once the reply interval has passed", () => {
    const s = newGuardState(0);
    expect(admit(s, 10, junk, 0).action).toBe("reply_error");
    expect(admit(s, 10, junk, GUARD_LIMITS.errorReplyIntervalMs - 1).action).toBe("ignore");
    expect(admit(s, 10, junk, GUARD_LIMITS.errorReplyIntervalMs).action).toBe("reply_error");
  });

  it("valid frames are never strikes", () => {
    const s = newGuardState(0);
    for (let i = 0; i < 100; i++) expect(admit(s, 10, resume, i * GUARD_LIMITS.resumeIntervalMs).action).toBe("handle");
    expect(s.strikes).toBe(0);
  });
});

describe("resume", () => {
  it("serves one resume per interval and coalesces repeats inside it", () => {
    const s = newGuardState(0);
    expect(admit(s, 10, resume, 0)).toEqual({ action: "handle" });
    expect(admit(s, 10, resume, 1)).toEqual({ action: "ignore", why: "coalesced" });
    expect(admit(s, 10, { kind: "resume", version: 0 }, GUARD_LIMITS.resumeIntervalMs - 1)).toEqual({ action: "ignore", why: "coalesced" });
    expect(admit(s, 10, resume, GUARD_LIMITS.resumeIntervalMs)).toEqual({ action: "handle" });
  });
});
