// Issue 22: a guest is told how the display board will show them. While the board is on, the guest's
// status answer carries `boardLabel`, the very label the board socket shows for that party (a masked
// name or a number, as the location chose); while it is off, null.
import { afterEach, describe, expect, it } from "vitest";
import { call, signUp } from "../helpers/api";
import { checkIn, freshPhone, setSettings, slugOf } from "../public/support";
import { closeAll, connect } from "./socket";

afterEach(closeAll);

const status = async (token: string) => (await call("GET", `/api/public/parties/${token}`)).json;

describe("the guest's board label", () => {
  it("is null while the board is off, then the board's own label for the party, masked name or number", async () => {
    const o = await signUp();
    const slug = await slugOf(o);
    const joined = await checkIn(slug, { name: "Marisol Quintana Vega", phone: freshPhone(), size: 3, smsConsent: false });
    expect(joined.status, joined.text).toBe(201);
    const token = joined.json.token;
    expect(joined.json.status.boardLabel).toBeNull();
    expect((await status(token)).boardLabel).toBeNull();

    await setSettings(o, { boardEnabled: true, boardNames: "name" });
    expect((await status(token)).boardLabel).toBe("Marisol V.");
    const board = await connect(`/api/public/locations/${slug}/board/live`);
    const first = await board.next((m: any) => m?.type === "board");
    expect(first.next.map((p: any) => p.label)).toEqual(["Marisol V."]);

    await setSettings(o, { boardNames: "number" });
    const label = (await status(token)).boardLabel;
    expect(label).toMatch(/^#\d{3}$/);
    const numbered = await board.next((m: any) => m?.type === "board" && m.next[0]?.label !== "Marisol V.");
    expect(numbered.next.map((p: any) => p.label)).toEqual([label]);

    // A guest's other answers (on my way) carry it too; off again, it is null.
    await setSettings(o, { boardEnabled: false });
    expect((await status(token)).boardLabel).toBeNull();
  });
});
