import { describe, expect, it } from "vitest";
import { call, signUp } from "../helpers/api";
import { addParty, upgrade } from "../live/socket";

function expectNotFound(res: { status: number; json: any }) {
  expect(res.status).toBe(404);
  expect(res.json).toEqual({ error: { code: "not_found", message: expect.any(String), details: expect.any(Array) } });
}

describe("guest tokens that are not valid", () => {
  it("answers 404 for malformed tokens on every guest route", async () => {
    const o = await signUp();
    const good = (await addParty(o, o.locationId)).guestToken;
    const malformed = [
      "abc",
      good.slice(0, -1),
      `${good}x`,
      good.toUpperCase(),
      `${good.slice(0, 40)}!${good.slice(41)}`,
      "0".repeat(75),
    ];
    for (const token of malformed) {
      expectNotFound(await call("GET", `/api/public/parties/${encodeURIComponent(token)}`));
      expectNotFound(await call("POST", `/api/public/parties/${encodeURIComponent(token)}/leave`));
      const ws = await upgrade(`/api/public/parties/${encodeURIComponent(token)}/live`);
      expect(ws.status, token).toBe(404);
    }
  });

  it("answers 404 for a well-formed token nobody was given", async () => {
    const o = await signUp();
    const good = (await addParty(o, o.locationId)).guestToken;
    const unknown = good.slice(0, 32) + (good[32] === "A" ? "B" : "A") + good.slice(33);
    expectNotFound(await call("GET", `/api/public/parties/${unknown}`));
    expectNotFound(await call("POST", `/api/public/parties/${unknown}/leave`));
    expect((await upgrade(`/api/public/parties/${unknown}/live`)).status).toBe(404);
    const noSuchLocation = "f".repeat(32) + good.slice(32);
    expectNotFound(await call("GET", `/api/public/parties/${noSuchLocation}`));
  });

  it("answers 404 for location A's token rewritten with location B's prefix, and leaves the party alone", async () => {
    const a = await signUp();
    const b = await signUp();
    await addParty(b, b.locationId);
    const mine = await addParty(a, a.locationId, { name: "Mine" });
    const forged = b.locationId.replace(/-/g, "") + mine.guestToken.slice(32);
    expectNotFound(await call("GET", `/api/public/parties/${forged}`));
    expectNotFound(await call("POST", `/api/public/parties/${forged}/leave`));
    expect((await upgrade(`/api/public/parties/${forged}/live`)).status).toBe(404);
    expect((await call("GET", `/api/public/parties/${mine.guestToken}`)).json.status).toBe("waiting");
  });
});
