// Issue 22: the display board's socket is public, so opening it is rate limited per client network:
// past the limit an upgrade answers 429 with Retry-After and no socket; another network is not affected.
import { afterEach, describe, expect, it } from "vitest";
import { BOARD_SOCKETS_PER_WINDOW } from "../../src/routes/public-board";
import { signUp } from "../helpers/api";
import { expectError } from "../helpers/errors";
import { setSettings, slugOf } from "../public/support";
import { closeAll, connect, upgrade } from "./socket";

afterEach(closeAll);

describe("display board socket rate limit", () => {
  it(`allows ${BOARD_SOCKETS_PER_WINDOW} board sockets from one network, then 429 with Retry-After; another network still connects`, async () => {
    const o = await signUp();
    await setSettings(o, { boardEnabled: true });
    const path = `/api/public/locations/${await slugOf(o)}/board/live`;
    const tv = { "CF-Connecting-IP": "198.18.90.1" };
    for (let i = 0; i < BOARD_SOCKETS_PER_WINDOW; i++) {
      const board = await connect(path, tv);
      await board.close();
    }
    const refused = await upgrade(path, tv);
    expect(refused.webSocket).toBeFalsy();
    const text = await refused.text();
    expectError({ status: refused.status, json: JSON.parse(text), text, headers: refused.headers }, 429, "rate_limited");
    const retry = Number(refused.headers.get("Retry-After"));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(600);
    const elsewhere = await connect(path, { "CF-Connecting-IP": "198.18.90.2" });
    expect(elsewhere).toBeTruthy();
  });
});
