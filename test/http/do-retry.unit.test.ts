// DO calls that fail in transit (issue 20, item 8; src/restaurant/retry.ts): idempotent reads are tried
// once more after a retryable failure ("Network connection lost."), writes and overloads never are.
import { describe, expect, it } from "vitest";
import { isTransient, READ_METHODS, retryReads, shouldRetry, withReadRetry } from "../../src/restaurant/retry";

const lost = () => Object.assign(new Error("Network connection lost."), { retryable: true });
const overloaded = () => Object.assign(new Error("Durable Object is overloaded."), { retryable: true, overloaded: true });

describe("transient DO failures", () => {
  it("are recognised by the runtime's flags", () => {
    expect(isTransient(lost())).toBe(true);
    expect(isTransient(overloaded())).toBe(true);
    expect(isTransient(new Error("bug"))).toBe(false);
    expect(shouldRetry(lost())).toBe(true);
    expect(shouldRetry(overloaded())).toBe(false);
  });

  it("a read is tried once more after a retryable failure, and only once", async () => {
    let calls = 0;
    expect(await withReadRetry(async () => (++calls === 1 ? Promise.reject(lost()) : "ok"))).toBe("ok");
    expect(calls).toBe(2);
    calls = 0;
    await expect(withReadRetry(async () => (++calls, Promise.reject(lost())))).rejects.toThrow("Network connection lost.");
    expect(calls).toBe(2);
  });

  it("an overload or a bug is not retried", async () => {
    for (const make of [overloaded, () => new Error("bug")]) {
      let calls = 0;
      await expect(withReadRetry(async () => (++calls, Promise.reject(make())))).rejects.toThrow();
      expect(calls).toBe(1);
    }
  });
});

describe("retryReads on a stub", () => {
  function fakeStub() {
    const calls: string[] = [];
    let failNext = true;
    const flaky = (name: string) => async () => {
      calls.push(name);
      if (failNext) {
        failNext = false;
        throw lost();
      }
      return name;
    };
    return { calls, stub: { id: "the-id", list: flaky("list"), add: flaky("add"), reset: () => (failNext = true) } };
  }

  it("retries a read method", async () => {
    const { calls, stub } = fakeStub();
    expect(await retryReads(stub).list()).toBe("list");
    expect(calls).toEqual(["list", "list"]);
  });

  it("never retries a write: the first attempt may have been applied", async () => {
    const { calls, stub } = fakeStub();
    await expect(retryReads(stub).add()).rejects.toThrow("Network connection lost.");
    expect(calls).toEqual(["add"]);
  });

  it("passes other properties through", () => {
    expect(retryReads(fakeStub().stub).id).toBe("the-id");
  });

  it("lists only methods that change nothing", () => {
    for (const m of READ_METHODS) expect(m).toMatch(/^(list|get|guest(Status|Reservation)$|publicInfo|availability)/);
  });
});
