import { afterEach, describe, expect, it, vi } from "vitest";
import { log, logRequest, maskPii, REQUEST_LINES_DELAY_MS, type RequestLine } from "../../lib/log";

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe("maskPii", () => {
  it.each([
    ["ana.diaz@example.com", "a***@example.com"],
    ["Write to Bob+waitlist@mail.example.co.uk today", "Write to B***@mail.example.co.uk today"],
    ["a@b.io", "a***@b.io"],
  ])("keeps the first character and the domain of an email: %s", (input, masked) => {
    expect(maskPii(input)).toBe(masked);
  });

  it.each([
    ["+44 20 7946 0000", "***00"],
    ["+1 (415) 555-0142", "***42"],
    ["call 415.555.0199 now", "call ***99 now"],
    ["+33612345678", "***78"],
  ])("keeps only the last two digits of a phone number: %s", (input, masked) => {
    expect(maskPii(input)).toBe(masked);
  });

  it.each([
    "0b0c4b58-4b0e-4c55-9a5a-1f7b3f0d2a11",
    "request 7144b2d7-c43d-4667-bddd-abeacb422177 done",
    "2026-11-29T04:11:45.123Z",
    "took 1234 ms",
    "status 429",
  ])("leaves ids, timestamps and small numbers intact: %s", (input) => {
    expect(maskPii(input)).toBe(input);
  });

  it("masks several values in one string", () => {
    expect(maskPii("ana@example.com called +1 415 555 0142 about bob@example.org")).toBe("a***@example.com called ***42 about b***@example.org");
  });
});

describe("log", () => {
  it("writes one JSON line with every string field masked, however deep", () => {
    const lines: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
    log("info", "invite sent to ana@example.com", {
      requestId: "7144b2d7-c43d-4667-bddd-abeacb422177",
      to: ["bob@example.org"],
      party: { phone: "+1 415 555 0142", partySize: 4 },
    });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toEqual({
      level: "info",
      msg: "invite sent to a***@example.com",
      requestId: "7144b2d7-c43d-4667-bddd-abeacb422177",
      to: ["b***@example.org"],
      party: { phone: "***42", partySize: 4 },
    });
  });

  it("sends errors and warnings to their own streams", () => {
    const errors: string[] = [];
    const warnings: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: string) => void errors.push(line));
    vi.spyOn(console, "warn").mockImplementation((line: string) => void warnings.push(line));
    log("error", "boom");
    log("warn", "careful");
    expect(JSON.parse(errors[0]!)).toMatchObject({ level: "error", msg: "boom" });
    expect(JSON.parse(warnings[0]!)).toMatchObject({ level: "warn", msg: "careful" });
  });
});

describe("logRequest", () => {
  const line = (over: Partial<RequestLine> = {}): RequestLine => ({
    requestId: "7144b2d7-c43d-4667-bddd-abeacb422177",
    method: "POST",
    route: "/api/locations/:locationId/waitlist/:partyId/seat",
    status: 200,
    durationMs: 12,
    accountId: "0b0c4b58-4b0e-4c55-9a5a-1f7b3f0d2a11",
    ...over,
  });

  it("writes one JSON line per request at once without batching, masking what the client chose", () => {
    const out: string[] = [];
    vi.spyOn(console, "log").mockImplementation((l: string) => void out.push(l));
    logRequest(line({ requestId: "ana@example.com", method: "+1 415 555 0142" }));
    expect(out).toHaveLength(1);
    expect(JSON.parse(out[0]!)).toEqual({
      level: "info",
      msg: "request",
      requestId: "a***@example.com",
      method: "***42",
      route: "/api/locations/:locationId/waitlist/:partyId/seat",
      status: 200,
      durationMs: 12,
      accountId: "0b0c4b58-4b0e-4c55-9a5a-1f7b3f0d2a11",
    });
  });

  it("batched, writes the lines of requests that end together in one console call, one JSON line each, kept alive by waitUntil", async () => {
    vi.useFakeTimers();
    const out: string[] = [];
    vi.spyOn(console, "log").mockImplementation((l: string) => void out.push(l));
    const waited: Promise<unknown>[] = [];
    const ctx = { waitUntil: (p: Promise<unknown>) => void waited.push(p) };
    logRequest(line({ status: 200 }), ctx);
    logRequest(line({ status: 404 }), ctx);
    expect(out).toHaveLength(0);
    expect(waited).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(REQUEST_LINES_DELAY_MS);
    await Promise.all(waited);
    expect(out).toHaveLength(1);
    expect(out[0]!.split("\n").map((l) => JSON.parse(l).status)).toEqual([200, 404]);
  });

  it("writes waiting request lines before any other line, so the output keeps its order", () => {
    vi.useFakeTimers();
    const out: string[] = [];
    vi.spyOn(console, "log").mockImplementation((l: string) => void out.push(l));
    logRequest(line(), { waitUntil: () => {} });
    log("info", "after");
    expect(out.map((l) => JSON.parse(l).msg)).toEqual(["request", "after"]);
  });
});
