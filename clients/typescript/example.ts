// README's typed-client example ("Integrations → Typed client"), kept here so `npm run typecheck`
// compiles it against the generated types; test/clients/typescript-client.unit.test.ts checks that
// README shows this code exactly (everything after the blank line that ends this comment).

import createClient from "openapi-fetch";
import type { paths } from "./seatline-api";

const baseUrl = "https://seatline.example.com";
const locationId = "36b620a7-e61f-455a-8cd4-8f8b774667c0";
// Once, as an owner or admin (a session token from POST /api/auth/login): make a key; its secret is in this answer only.
const admin = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${process.env.SEATLINE_SESSION}` } });
const { data: key } = await admin.POST("/api/api-keys", { body: { name: "Kiosk", scopes: ["read", "waitlist_write"] } });

// From then on, the key alone.
const seatline = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${key?.secret}` } });
const { data: line } = await seatline.GET("/api/locations/{locationId}/waitlist", { params: { path: { locationId } } });
for (const p of line?.parties ?? []) console.log(p.name, p.partySize, p.status);
const { data: added, error } = await seatline.POST("/api/locations/{locationId}/waitlist", {
  params: { path: { locationId } },
  body: { name: "Garcia", partySize: 4, phone: "+12125550100", smsConsent: true },
});
if (error) console.error(error.error.code, error.error.message, error.error.details); // the one error shape, typed
else console.log(added.id, added.guestUrl); // guestUrl: the guest's status page
