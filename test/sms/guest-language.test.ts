// A guest's texts follow the language chosen at check-in or booking; owners write their own text per
// language, with the built-in one as the fallback.
import { beforeAll, describe, expect, it } from "vitest";
import { call, signUp, type SignedUp } from "../helpers/api";
import { BUILT_IN_TRANSLATIONS } from "../../domain/sms/translations";
import { expectError } from "../helpers/errors";
import { flush, freshPhone, rowsTo } from "./helpers";

let o: SignedUp;
let slug: string;
let ip = 0;
beforeAll(async () => {
  o = await signUp();
  slug = (await call("GET", `/api/locations/${o.locationId}`, { token: o.token })).json.slug;
});

const checkIn = (body: Record<string, unknown>) =>
  call("POST", `/api/public/locations/${slug}/waitlist`, { body: { name: "Lucía", partySize: 2, smsConsent: true, ...body }, ip: `192.0.2.${++ip}` });
const patchSms = (body: unknown) => call("PATCH", `/api/locations/${o.locationId}/sms-settings`, { token: o.token, body });

describe("texts in the guest's language", () => {
  it("a guest who checked in in Spanish is texted in Spanish, then notified in Spanish", async () => {
    const phone = freshPhone();
    const res = await checkIn({ phone, language: "es" });
    expect(res.status, res.text).toBe(201);
    await flush(o.locationId);
    const joined = (await rowsTo(phone))[0]!;
    expect(joined.kind).toBe("joined");
    expect(joined.body).toMatch(/^Hola Lucía, ya estás en la lista de .+\. Eres el n\.º 1, unos \d+ min\. Sigue tu turno: https?:\/\/\S+\/w\/\S+ Responde STOP/);
    const party = (await call("GET", `/api/locations/${o.locationId}/waitlist`, { token: o.token })).json.parties.find((p: { phone: string }) => p.phone.endsWith(phone.slice(-4)));
    expect((await call("POST", `/api/locations/${o.locationId}/waitlist/${party.id}/notify`, { token: o.token })).status).toBe(200);
    await flush(o.locationId);
    const ready = (await rowsTo(phone)).find((r) => r.kind === "table_ready")!;
    expect(ready.body).toContain("¡tu mesa en");
  });

  it("a guest who names no language gets the location's (English here, as before)", async () => {
    const phone = freshPhone();
    expect((await checkIn({ phone })).status).toBe(201);
    await flush(o.locationId);
    expect((await rowsTo(phone))[0]!.body).toMatch(/^Hi Lucía, you're on the list/);
  });

  it("uses the owner's own text in that language when there is one, and removes it with null", async () => {
    const own = await patchSms({ translations: { fr: { joined: { body: "Bonjour {name}, à tout de suite chez {restaurant} ! {link}" } } } });
    expect(own.status, own.text).toBe(200);
    expect(own.json.translations).toEqual({ fr: { joined: { enabled: true, body: "Bonjour {name}, à tout de suite chez {restaurant} ! {link}" } } });
    const phone = freshPhone();
    expect((await checkIn({ phone, language: "fr" })).status).toBe(201);
    await flush(o.locationId);
    expect((await rowsTo(phone))[0]!.body).toMatch(/^Bonjour Lucía, à tout de suite chez .+ ! https?:\/\//);
    const removed = await patchSms({ translations: { fr: { joined: null } } });
    expect(removed.json.translations).toEqual({});
    const again = freshPhone();
    expect((await checkIn({ phone: again, language: "fr" })).status).toBe(201);
    await flush(o.locationId);
    expect((await rowsTo(again))[0]!.body.startsWith(BUILT_IN_TRANSLATIONS.fr.joined.slice(0, 8))).toBe(true);
  });

  it("refuses an unknown language or placeholder in a translation, and a check-in in a language there is none of", async () => {
    expectError(await patchSms({ translations: { xx: { joined: { body: "Hi {name}" } } } }), 400, "validation_failed");
    const bad = await patchSms({ translations: { de: { table_ready: { body: "Hallo {name}, {link}" } } } });
    expectError(bad, 400, "validation_failed");
    expect(bad.json.error.details).toEqual([expect.objectContaining({ path: "translations.de.table_ready.body", placeholder: "{link}" })]);
    expectError(await checkIn({ phone: freshPhone(), language: "klingon" }), 400, "validation_failed");
    expect((await call("GET", `/api/locations/${o.locationId}/sms-settings`, { token: o.token })).json.translations).toEqual({});
  });
});
