import { afterEach, describe, expect, it } from "vitest";
import { signUp } from "../helpers/api";
import { addParty, closeAll, isEvent, isSnapshot, openGuest, openHost } from "./socket";

afterEach(closeAll);

const BAD: (string | ArrayBuffer)[] = [
  "hello",
  "{",
  "null",
  "[]",
  JSON.stringify({ type: "subscribe" }),
  JSON.stringify({ type: "resume" }),
  JSON.stringify({ type: "resume", version: -1 }),
  JSON.stringify({ type: "resume", version: 1.5 }),
  JSON.stringify({ type: "resume", version: "1" }),
  JSON.stringify({ type: "resume", version: 0, padding: "x".repeat(2000) }),
  new TextEncoder().encode(JSON.stringify({ type: "resume", version: 0 })).buffer as ArrayBuffer,
];

describe("live sockets: client messages", () => {
  it("answers each bad host message with an error frame (the first of a burst only) and keeps the socket open", async () => {
    // Every kind of bad frame is refused with the error frame, each on a socket of its own; junk is
    // never answered one-for-one (test/live/socket-limits.test.ts), so one socket gets one answer.
    const o = await signUp();
    for (const msg of BAD) {
      const fresh = await openHost(o, o.locationId);
      await fresh.next(isSnapshot);
      fresh.send(msg);
      const reply = await fresh.next();
      expect(reply, typeof msg === "string" ? msg.slice(0, 60) : "binary").toEqual({ type: "error", code: "bad_message", message: expect.any(String) });
      await fresh.close();
    }
    const host = await openHost(o, o.locationId);
    await host.next(isSnapshot);
    for (const msg of BAD) host.send(msg);
    expect(await host.next()).toEqual({ type: "error", code: "bad_message", message: expect.any(String) });
    // Still open and still following the line.
    await addParty(o, o.locationId, { name: "Ames" });
    expect(await host.next(isEvent)).toMatchObject({ event: "party.created", version: 1 });
    expect(host.ws.readyState).toBe(WebSocket.OPEN);
  });

  it("answers each bad guest message with an error frame (the first of a burst only) and keeps the socket open", async () => {
    const o = await signUp();
    const { guestToken } = await addParty(o, o.locationId, { name: "Ames" });
    for (const msg of BAD) {
      const fresh = await openGuest(guestToken);
      await fresh.next();
      fresh.send(msg);
      expect(await fresh.next()).toEqual({ type: "error", code: "bad_message", message: expect.any(String) });
      await fresh.close();
    }
    const guest = await openGuest(guestToken);
    expect(await guest.next()).toMatchObject({ type: "status", position: 1 });
    for (const msg of BAD) guest.send(msg);
    expect(await guest.next()).toEqual({ type: "error", code: "bad_message", message: expect.any(String) });
    guest.send(JSON.stringify({ type: "resume", version: 0 }));
    expect(await guest.next()).toMatchObject({ type: "status", status: "waiting", position: 1 });
  });

  it('answers the text "ping" with "pong" on host and guest sockets', async () => {
    const o = await signUp();
    const { guestToken } = await addParty(o, o.locationId);
    const host = await openHost(o, o.locationId);
    const guest = await openGuest(guestToken);
    await host.next(isSnapshot);
    await guest.next();
    for (let i = 0; i < 3; i++) {
      host.send("ping");
      guest.send("ping");
      expect(await host.next()).toBe("pong");
      expect(await guest.next()).toBe("pong");
    }
    expect(host.frames.slice(1)).toEqual(["pong", "pong", "pong"]);
  });
});
