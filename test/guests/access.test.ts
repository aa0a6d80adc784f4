// Who may see and change guest history, and what bad input gets: every staff role reads and tags
// (they see phones on the host screen already), only owners and admins erase; API keys read and tag
// with their scopes but never erase; bad input is a 400 in the one error shape and changes nothing.
import { describe, expect, it } from "vitest";
import { addMember, call, signUp } from "../helpers/api";
import { createKey } from "../integrations/support";
import { flushed, guestOf, newPhone, seatedVisit } from "./support";

async function withGuest() {
  const o = await signUp();
  const phone = newPhone();
  await flushed(o.locationId, [await seatedVisit(o, o.locationId, phone)]);
  return { o, phone, g: await guestOf(o, phone) };
}

describe("roles", () => {
  it("a host reads and tags a guest but may not erase one", async () => {
    const { o, phone, g } = await withGuest();
    const host = await addMember(o, "host");
    expect((await guestOf(host, phone)).id).toBe(g.id);
    expect((await call("PATCH", `/api/guests/${g.id}`, { token: host.token, body: { tags: ["VIP"] } })).status).toBe(200);
    const del = await call("DELETE", `/api/guests/${g.id}`, { token: host.token });
    expect(del.status).toBe(403);
    expect(del.json.error.code).toBe("forbidden");
    expect(await guestOf(o, phone)).toMatchObject({ id: g.id, visitCount: 1, tags: ["VIP"] });
  });

  it("needs a session", async () => {
    const { g } = await withGuest();
    for (const path of ["/api/guests?phone=%2B12125550100", `/api/guests/${g.id}`]) expect((await call("GET", path)).status).toBe(401);
  });

  it("API keys: read and tag with their scopes, never erase; a key limited to some locations is refused", async () => {
    const { o, phone, g } = await withGuest();
    const key = async (body: { scopes: string[]; locationIds?: string[] }) => (await createKey(o, body)).secret;
    const reader = await key({ scopes: ["read"] });
    const writer = await key({ scopes: ["read", "waitlist_write"] });
    const limited = await key({ scopes: ["read"], locationIds: [o.locationId] });
    expect((await guestOf({ token: reader }, phone)).id).toBe(g.id);
    const refused = await call("PATCH", `/api/guests/${g.id}`, { token: reader, body: { tags: ["VIP"] } });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe("insufficient_scope");
    expect((await call("PATCH", `/api/guests/${g.id}`, { token: writer, body: { tags: ["VIP"] } })).status).toBe(200);
    expect((await call("DELETE", `/api/guests/${g.id}`, { token: writer })).status).toBe(403);
    expect((await call("GET", `/api/guests/${g.id}`, { token: limited })).status).toBe(403);
    expect((await guestOf(o, phone)).tags).toEqual(["VIP"]);
  });
});

describe("bad input", () => {
  it("answers 400 validation_failed with the field's path, and changes nothing", async () => {
    const { o, phone, g } = await withGuest();
    const bad: [string, string, unknown, string][] = [
      ["GET", "/api/guests?phone=2125550100", undefined, "phone.0"],
      ["GET", "/api/guests?phone=%2B1999", undefined, "phone.0"],
      ["GET", "/api/guests?phone=abc", undefined, "phone.0"],
      ["GET", `/api/guests?${Array.from({ length: 51 }, () => `phone=${encodeURIComponent(phone)}`).join("&")}`, undefined, "phone"],
      ["GET", "/api/guests?limit=0", undefined, "limit"],
      ["GET", "/api/guests?cursor=nonsense", undefined, "cursor"],
      ["GET", "/api/guests/not-a-uuid", undefined, "guestId"],
      ["PATCH", `/api/guests/${g.id}`, {}, "(body)"],
      ["PATCH", `/api/guests/${g.id}`, { tags: "VIP" }, "tags"],
      ["PATCH", `/api/guests/${g.id}`, { tags: ["VIP", "vip"] }, "tags"],
      ["PATCH", `/api/guests/${g.id}`, { tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }, "tags"],
      ["PATCH", `/api/guests/${g.id}`, { tags: [""] }, "tags.0"],
      ["PATCH", `/api/guests/${g.id}`, { notes: "x".repeat(1001) }, "notes"],
      ["PATCH", `/api/guests/${g.id}`, { notes: "bell\u0007" }, "notes"],
      ["PATCH", `/api/guests/${g.id}`, { phone: "+12125550100" }, "(body)"],
      ["POST", "/api/guests", { phone: "555" }, "phone"],
      ["POST", "/api/guests", { tags: ["VIP"] }, "phone"],
      ["DELETE", "/api/guests/123", undefined, "guestId"],
    ];
    for (const [method, path, body, where] of bad) {
      const res = await call(method, path, { token: o.token, body });
      expect(res.status, `${method} ${path} ${JSON.stringify(body)}: ${res.text}`).toBe(400);
      expect(res.json.error.code).toBe("validation_failed");
      expect(typeof res.json.error.message).toBe("string");
      expect(res.json.error.details.map((d: any) => d.path), `${method} ${path}`).toContain(where);
    }
    const raw = await call("PATCH", `/api/guests/${g.id}`, { token: o.token, raw: "{not json", headers: { "Content-Type": "application/json" } });
    expect(raw.status).toBe(400);
    expect(raw.json.error.code).toBe("validation_failed");
    expect((await call("GET", `/api/guests/${crypto.randomUUID()}`, { token: o.token })).status).toBe(404);
    expect(await guestOf(o, phone)).toEqual(g);
  });
});
