// The account's own data: retention settings, export (JSON or CSV), and deleting the account.
import { freeText } from "../lib/text";
import { createRoute, z } from "@hono/zod-openapi";
import { and, asc, eq, gt } from "drizzle-orm";
import { requireAuth, requireRole } from "../auth/middleware";
import { cancelBeforeDeletion } from "../billing/service";
import { PASSWORD_MAX_BYTES, verifyPassword } from "../auth/passwords";
import { db, type Db } from "../db/client";
import { accounts, auditLog, guests, locations, parties, reservations, users } from "../db/schema";
import { audit } from "../lib/audit";
import { isoOrNull, now } from "../lib/clock";
import { ApiError, validationFailed } from "../lib/errors";
import { bearer, errors, jsonBody, jsonResponse, password, router } from "./openapi";
import { clientIp } from "../lib/request";
import { DEFAULT_RETENTION_MONTHS, MAX_RETENTION_DAYS, MIN_RETENTION_DAYS } from "../lifecycle/retention";
import { restaurantObject } from "../restaurant/client";
import { csvLine } from "../../domain/csv";
import { PARTY_EXPORT_COLUMNS, partyExport } from "../../domain/waitlist/party";
import { reservationExport } from "../../domain/reservations/reservation";

const RetentionSchema = z
  .object({
    policy: z.enum(["default", "days"]).openapi({
      description: `default: customer data is deleted ${DEFAULT_RETENTION_MONTHS} months after the account's last sign-in. days: deleted \`days\` days after it was created.`,
    }),
    days: z.number().int().min(MIN_RETENTION_DAYS).max(MAX_RETENTION_DAYS).nullable(),
  })
  .openapi("Retention");

const RetentionInput = z.discriminatedUnion("policy", [
  z.object({ policy: z.literal("default") }).strict(),
  z.object({ policy: z.literal("days"), days: z.number().int().min(MIN_RETENTION_DAYS).max(MAX_RETENTION_DAYS) }).strict(),
]);

export const accountRoutes = router();
accountRoutes.use("/settings/*", requireAuth);
accountRoutes.use("/account", requireAuth);
accountRoutes.use("/account/*", requireAuth);

accountRoutes.openapi(
  createRoute({
    method: "get",
    path: "/settings/retention",
    tags: ["Account"],
    summary: "The account's data retention policy (owner/admin)",
    security: bearer,
    middleware: [requireRole("admin")] as const,
    responses: { 200: jsonResponse(RetentionSchema, "Policy"), ...errors(401, 403) },
  }),
  async (c) => {
    const account = await db(c.env.DB).query.accounts.findFirst({ where: eq(accounts.id, c.get("auth").accountId) });
    const days = account?.retentionDays ?? null;
    return c.json({ policy: days === null ? ("default" as const) : ("days" as const), days }, 200);
  },
);

accountRoutes.openapi(
  createRoute({
    method: "put",
    path: "/settings/retention",
    tags: ["Account"],
    summary: "Set the data retention policy (owner/admin); applied at the next hourly sweep",
    security: bearer,
    middleware: [requireRole("admin")] as const,
    request: jsonBody(RetentionInput),
    responses: { 200: jsonResponse(RetentionSchema, "Policy"), ...errors(400, 401, 403) },
  }),
  async (c) => {
    const auth = c.get("auth");
    const input = c.req.valid("json");
    const days = input.policy === "days" ? input.days : null;
    const d = db(c.env.DB);
    await d.update(accounts).set({ retentionDays: days }).where(eq(accounts.id, auth.accountId));
    await audit(d, { accountId: auth.accountId, userId: auth.userId, action: "account.retention_changed", ip: clientIp(c), detail: { days }, at: now() });
    return c.json({ policy: input.policy, days }, 200);
  },
);

// ---- export ---------------------------------------------------------------------------------------
// The records are read off the entities' declarations (domain/waitlist/party.ts, domain/reservations/reservation.ts).

const PAGE = 500;

/** Every row `load` pages through by id (after the id given), without holding them all in memory. */
async function* byId<R extends { id: string }>(load: (after: string) => Promise<R[]>) {
  let cursor = "";
  for (;;) {
    const page = await load(cursor);
    yield* page;
    if (page.length < PAGE) return;
    cursor = page.at(-1)!.id;
  }
}

async function* accountParties(d: Db, accountId: string) {
  const rows = byId((after) => d.select().from(parties).where(and(eq(parties.accountId, accountId), gt(parties.id, after))).orderBy(asc(parties.id)).limit(PAGE));
  for await (const p of rows) yield partyExport(p);
}

async function* accountReservations(d: Db, accountId: string) {
  const rows = byId((after) => d.select().from(reservations).where(and(eq(reservations.accountId, accountId), gt(reservations.id, after))).orderBy(asc(reservations.id)).limit(PAGE));
  for await (const r of rows) yield reservationExport(r);
}

async function* accountGuests(d: Db, accountId: string) {
  const rows = byId((after) => d.select().from(guests).where(and(eq(guests.accountId, accountId), gt(guests.id, after))).orderBy(asc(guests.id)).limit(PAGE));
  for await (const g of rows) yield { id: g.id, phone: g.phone, tags: g.tags, notes: g.notes, createdAt: isoOrNull(g.createdAt), updatedAt: isoOrNull(g.updatedAt) };
}

accountRoutes.openapi(
  createRoute({
    method: "get",
    path: "/account/export",
    tags: ["Account"],
    summary: "Export the account's data (owner): JSON (everything) or CSV (parties)",
    security: bearer,
    middleware: [requireRole("owner")] as const,
    request: { query: z.object({ format: z.enum(["json", "csv"]).default("json") }) },
    responses: { 200: { description: "A download" }, ...errors(400, 401, 403) },
  }),
  async (c) => {
    const auth = c.get("auth");
    const { format } = c.req.valid("query");
    const d = db(c.env.DB);
    await audit(d, { accountId: auth.accountId, userId: auth.userId, action: "account.exported", ip: clientIp(c), detail: { format }, at: now() });
    const stamp = new Date(now()).toISOString().slice(0, 10);
    const encoder = new TextEncoder();
    const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
    const writer = writable.getWriter();
    const write = (s: string) => writer.write(encoder.encode(s));
    const produce = async () => {
      if (format === "csv") {
        await write(csvLine([...PARTY_EXPORT_COLUMNS]));
        for await (const p of accountParties(d, auth.accountId)) await write(csvLine(PARTY_EXPORT_COLUMNS.map((col) => p[col])));
      } else {
        const account = await d.query.accounts.findFirst({ where: eq(accounts.id, auth.accountId) });
        const members = await d.select().from(users).where(eq(users.accountId, auth.accountId));
        const locs = await d.select().from(locations).where(eq(locations.accountId, auth.accountId));
        const log = await d.select().from(auditLog).where(eq(auditLog.accountId, auth.accountId)).orderBy(asc(auditLog.createdAt));
        const head = {
          format: "seatline-export/1",
          exportedAt: new Date(now()).toISOString(),
          account: { id: account?.id, name: account?.name, createdAt: isoOrNull(account?.createdAt ?? null), retentionDays: account?.retentionDays ?? null },
          // Password hashes stay behind.
          users: members.map((u) => ({ id: u.id, email: u.email, name: u.name, role: u.role, createdAt: isoOrNull(u.createdAt), lastLoginAt: isoOrNull(u.lastLoginAt) })),
          locations: locs.map((l) => ({ id: l.id, name: l.name, slug: l.slug, timezone: l.timezone, phone: l.phone, address: l.address, createdAt: isoOrNull(l.createdAt) })),
          auditLog: log.map((e) => ({ action: e.action, userId: e.userId, targetType: e.targetType, targetId: e.targetId, ip: e.ip, detail: e.detail, at: isoOrNull(e.createdAt) })),
        };
        await write(JSON.stringify(head).slice(0, -1) + ',"parties":[');
        let first = true;
        for await (const p of accountParties(d, auth.accountId)) {
          await write((first ? "" : ",") + JSON.stringify(p));
          first = false;
        }
        await write('],"reservations":[');
        first = true;
        for await (const r of accountReservations(d, auth.accountId)) {
          await write((first ? "" : ",") + JSON.stringify(r));
          first = false;
        }
        // Guest history (issue 22): the staff's tags and notes about each guest; visits are the rows above.
        await write('],"guests":[');
        first = true;
        for await (const g of accountGuests(d, auth.accountId)) {
          await write((first ? "" : ",") + JSON.stringify(g));
          first = false;
        }
        await write("]}");
      }
    };
    c.executionCtx.waitUntil(produce().then(() => writer.close(), (err) => writer.abort(err)));
    return new Response(readable, {
      headers: {
        "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="seatline-export-${stamp}.${format}"`,
        "Cache-Control": "no-store",
      },
    });
  },
);

// ---- delete -----------------------------------------------------------------------------------------

accountRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/account",
    tags: ["Account"],
    summary: "Delete the account and all its data (owner; confirm with the account's name and your password)",
    security: bearer,
    middleware: [requireRole("owner")] as const,
    request: jsonBody(z.object({ confirmAccountName: freeText({ max: 200 }), password }).strict()),
    responses: { 204: { description: "Deleted" }, ...errors(400, 401, 403) },
  }),
  async (c) => {
    const auth = c.get("auth");
    const body = c.req.valid("json");
    const d = db(c.env.DB);
    const account = await d.query.accounts.findFirst({ where: eq(accounts.id, auth.accountId) });
    const user = await d.query.users.findFirst({ where: eq(users.id, auth.userId) });
    if (!account || !user) throw new ApiError(401, "unauthorized", "Sign in again.");
    if (body.confirmAccountName !== account.name) {
      throw validationFailed("Type the account's name exactly to confirm.", [{ path: "confirmAccountName", message: "Does not match the account's name." }]);
    }
    const passwordOk = new TextEncoder().encode(body.password).length <= PASSWORD_MAX_BYTES && (await verifyPassword(body.password, user.passwordHash));
    if (!passwordOk) throw validationFailed("The password is incorrect.", [{ path: "password", message: "The password is incorrect." }]);
    await cancelBeforeDeletion(c.env, auth.accountId);
    const locs = await d.select().from(locations).where(eq(locations.accountId, auth.accountId));
    for (const loc of locs) await restaurantObject(c.env, loc.id).destroy("This account was deleted.");
    // Every account-owned table cascades from accounts (sessions, users, invites, locations, parties, audit).
    await d.delete(accounts).where(eq(accounts.id, auth.accountId));
    return c.body(null, 204);
  },
);
