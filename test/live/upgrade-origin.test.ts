import { SELF } from "cloudflare:test";
import { afterEach, describe, expect, it } from "vitest";
import { ORIGIN, signUp } from "../helpers/api";
import { closeAll, connect, isSnapshot, liveTicket, upgrade } from "./socket";

afterEach(closeAll);

describe("host socket: upgrade and Origin checks", () => {
  it("answers 426 without an Upgrade header (and leaves the ticket usable)", async () => {
    const o = await signUp();
    const t = await liveTicket(o, o.locationId);
    const res = await SELF.fetch(`${ORIGIN}${t.url}`);
    expect(res.status).toBe(426);
    expect(await res.json()).toEqual({ error: { code: "upgrade_required", message: expect.any(String), details: [] } });
    await (await connect(t.url)).next(isSnapshot);
  });

  it("refuses a foreign Origin with 403 (and leaves the ticket usable)", async () => {
    const o = await signUp();
    const t = await liveTicket(o, o.locationId);
    for (const origin of ["https://evil.example", "null", "https://seatline.test.evil.example", "http://seatline.test"]) {
      const res = await upgrade(t.url, { Origin: origin });
      expect(res.status, origin).toBe(403);
      expect(((await res.json()) as any).error.code).toBe("forbidden");
    }
    await (await connect(t.url)).next(isSnapshot);
  });

  it("accepts the app's own origin", async () => {
    const o = await signUp();
    const t = await liveTicket(o, o.locationId);
    await (await connect(t.url, { Origin: "https://seatline.test" })).next(isSnapshot);
  });

  it("accepts a client that sends no Origin (not a browser)", async () => {
    const o = await signUp();
    const t = await liveTicket(o, o.locationId);
    await (await connect(t.url)).next(isSnapshot);
  });
});
