// Socket abuse limits on the real channels (issue 20, item 3; figures in durable-objects/live/guard.ts
// and README): oversize frames close 1009, junk is answered once and then dropped, a client that keeps
// sending junk or floods is closed with 1008, and repeated resumes are not replayed again and again.
import { afterEach, describe, expect, it } from "vitest";
import { GUARD_LIMITS } from "../../durable-objects/live/guard";
import { signUp } from "../helpers/api";
import { addParty, closeAll, isEvent, isSnapshot, openGuest, openHost } from "./socket";

afterEach(closeAll);

const isError = (m: any) => m?.type === "error";

describe("live sockets: abuse limits", () => {
  it("closes a host socket with 1009 on a frame over the size limit", async () => {
    const o = await signUp();
    const host = await openHost(o, o.locationId);
    await host.next(isSnapshot);
    host.send(JSON.stringify({ type: "resume", version: 0, pad: "x".repeat(GUARD_LIMITS.maxFrameBytes) }));
    expect((await host.closed()).code).toBe(1009);
  });

  it("closes a guest socket with 1009 on a binary frame over the size limit", async () => {
    const o = await signUp();
    const { guestToken } = await addParty(o, o.locationId);
    const guest = await openGuest(guestToken);
    await guest.next();
    guest.send(new Uint8Array(GUARD_LIMITS.maxFrameBytes + 1).buffer as ArrayBuffer);
    expect((await guest.closed()).code).toBe(1009);
  });

  it("answers a burst of junk with one error frame, then closes with 1008 at the strike limit", async () => {
    const o = await signUp();
    const host = await openHost(o, o.locationId);
    await host.next(isSnapshot);
    for (let i = 0; i < GUARD_LIMITS.maxStrikes - 1; i++) host.send(`junk ${i}`);
    // Below the limit the socket stays open and follows the line; the junk got a single answer.
    await addParty(o, o.locationId, { name: "Still Open" });
    expect((await host.next(isEvent)).party.name).toBe("Still Open");
    expect(host.messages.filter(isError)).toHaveLength(1);
    host.send("one junk too many");
    expect(await host.closed()).toEqual({ code: 1008, reason: "Too many invalid or excess frames." });
    expect(host.messages.filter(isError)).toHaveLength(1);
  });

  it("serves a resume once and coalesces repeats: a burst of resumes to version 0 replays the log once", async () => {
    const o = await signUp();
    for (let i = 0; i < 3; i++) await addParty(o, o.locationId, { name: `P${i}` });
    const host = await openHost(o, o.locationId);
    await host.next(isSnapshot);
    // Within the burst (a flood beyond it is closed, below), so only coalescing is at work here.
    for (let i = 0; i < GUARD_LIMITS.burst - 1; i++) host.send(JSON.stringify({ type: "resume", version: 0 }));
    // A marker after the flood: the resumes were taken in order before this change.
    await addParty(o, o.locationId, { name: "Marker" });
    await host.next((m) => m?.event === "party.created" && m.party?.name === "Marker");
    const replayedAdds = host.messages.filter((m) => m?.event === "party.created" && m.party?.name !== "Marker");
    expect(replayedAdds.map((m) => m.party.name)).toEqual(["P0", "P1", "P2"]);
    expect(host.closeEvent()).toBeNull();
  });

  it("closes a socket that floods frames beyond the rate with 1008", async () => {
    const o = await signUp();
    const { guestToken } = await addParty(o, o.locationId);
    const guest = await openGuest(guestToken);
    await guest.next();
    for (let i = 0; i < GUARD_LIMITS.burst + GUARD_LIMITS.maxStrikes; i++) guest.send(JSON.stringify({ type: "resume", version: 0 }));
    expect((await guest.closed()).code).toBe(1008);
    // Only the first resume was answered.
    expect(guest.messages.filter((m) => m?.type === "status")).toHaveLength(2);
  });
});
