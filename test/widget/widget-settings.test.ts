// Issue 22: the widget's settings — off with no sites by default, sites written down as origins,
// bad sites refused with 400 in the one error shape and nothing changed, admins only, and another
// account's location is 404.
import { describe, expect, it } from "vitest";
import { addMember, call, signUp } from "../helpers/api";
import { expectError } from "../helpers/errors";
import { setWidget, settingsPath } from "./support";

describe("widget settings", () => {
  it("are off with no sites by default, and keep the sites as origins", async () => {
    const o = await signUp();
    expect((await call("GET", settingsPath(o), { token: o.token })).json).toEqual({ enabled: false, allowedOrigins: [] });
    const saved = await setWidget(o, { enabled: true, allowedOrigins: ["https://Www.Trattoria.example/", "http://localhost:5173"] });
    expect(saved).toEqual({ enabled: true, allowedOrigins: ["https://www.trattoria.example", "http://localhost:5173"] });
    // A PATCH merges: the sites stay when only the switch changes.
    expect(await setWidget(o, { enabled: false })).toEqual({ enabled: false, allowedOrigins: ["https://www.trattoria.example", "http://localhost:5173"] });
    expect((await call("GET", settingsPath(o), { token: o.token })).json).toEqual({ enabled: false, allowedOrigins: ["https://www.trattoria.example", "http://localhost:5173"] });
  });

  it("refuses bad sites with 400, naming each one, and changes nothing", async () => {
    const o = await signUp();
    await setWidget(o, { enabled: true, allowedOrigins: ["https://good.example"] });
    const bad = [
      { allowedOrigins: ["https://good.example/menu"] },
      { allowedOrigins: ["good.example"] },
      { allowedOrigins: ["http://good.example"] },
      { allowedOrigins: ["https://*.good.example"] },
      { allowedOrigins: ["https://a.example;script-src *"] },
      { allowedOrigins: ["https://a.example", "https://A.example/"] },
      { allowedOrigins: "https://good.example" },
      { allowedOrigins: [42] },
      { allowedOrigins: Array.from({ length: 21 }, (_, i) => `https://s${i}.example`) },
      { enabled: "yes" },
      { sites: ["https://good.example"] },
      {},
    ];
    for (const body of bad) expectError(await call("PATCH", settingsPath(o), { token: o.token, body }), 400, "validation_failed", JSON.stringify(body));
    const res = await call("PATCH", settingsPath(o), { token: o.token, body: { allowedOrigins: ["https://ok.example", "https://ok.example/shop"] } });
    expectError(res, 400, "validation_failed");
    expect(res.json.error.details).toEqual([expect.objectContaining({ path: "allowedOrigins.1" })]);
    expect((await call("GET", settingsPath(o), { token: o.token })).json).toEqual({ enabled: true, allowedOrigins: ["https://good.example"] });
  });

  it("are changed by admins and owners only; hosts can look", async () => {
    const o = await signUp();
    const host = await addMember(o, "host");
    expectError(await call("PATCH", settingsPath(o), { token: host.token, body: { enabled: true } }), 403, "forbidden");
    expect((await call("GET", settingsPath(o), { token: host.token })).status).toBe(200);
    const admin = await addMember(o, "admin");
    expect((await call("PATCH", settingsPath(o), { token: admin.token, body: { enabled: true } })).json).toEqual({ enabled: true, allowedOrigins: [] });
  });

  it("of another account's location are 404, read or written, and stay as they were", async () => {
    const a = await signUp();
    const b = await signUp();
    await setWidget(b, { enabled: true, allowedOrigins: ["https://b.example"] });
    expectError(await call("GET", settingsPath(a, b.locationId), { token: a.token }), 404, "not_found");
    expectError(await call("PATCH", settingsPath(a, b.locationId), { token: a.token, body: { allowedOrigins: ["https://evil.example"] } }), 404, "not_found");
    expect((await call("GET", settingsPath(b), { token: b.token })).json).toEqual({ enabled: true, allowedOrigins: ["https://b.example"] });
    expectError(await call("GET", settingsPath(a), {}), 401, "unauthorized");
  });
});
