// Insights: how the floor ran, for one location or all of an account's locations, over a range of
// local dates. Each report answers JSON or, with ?format=csv or Accept: text/csv, one of its tables.
import { createRoute, z } from "@hono/zod-openapi";
import { toCsv, type Cell } from "../../domain/csv";
import type { ReadParts } from "../../domain/insights/store";
import { addDays, daysBetween } from "../../domain/insights/local-time";
import { bookingsReport, coversReport, dropOffReport, messagesReport, quoteAccuracyReport, waitsReport } from "../../domain/insights/report";
import { requireAuth, requireRole } from "../auth/middleware";
import { db } from "../db/client";
import { now } from "../lib/clock";
import { ApiError } from "../lib/errors";
import { bearer, errors, jsonBody, jsonResponse, router } from "./openapi";
import { checkRange, loadInsights, refreshMessages, type Insights } from "../insights/service";
import { InsightsQuerySchema, LocationParams, RebuildBody, REPORTS, SCHEMAS, SUMMARIES, type ReportName } from "./insights-schemas";
import { locationDo } from "./location-scope";

/** What each report reads of the rollups. */
const PARTS: Record<ReportName, ReadParts> = {
  covers: { floor: ["days", "coversByHour"], messages: false },
  waits: { floor: ["waits", "demand"], messages: false },
  quote_accuracy: { floor: ["quoteErrors", "estimateErrors"], messages: false },
  drop_off: { floor: ["outcomes", "timeInLine", "bookings"], messages: false },
  messages: { floor: [], messages: true },
  bookings: { floor: ["bookings"], messages: false },
};

function build(name: ReportName, i: Insights) {
  switch (name) {
    case "covers":
      return coversReport(i.floor, i.from, i.to);
    case "waits":
      return waitsReport(i.floor);
    case "quote_accuracy":
      return quoteAccuracyReport(i.floor);
    case "drop_off":
      return dropOffReport(i.floor);
    case "messages":
      return messagesReport(i.messages, i.allowanceTexts);
    case "bookings":
      return bookingsReport(i.floor);
  }
}

/** The report's tables for CSV: its arrays, and its one-row summaries as one-row tables. */
function tables(report: Record<string, unknown>): Record<string, Record<string, Cell>[]> {
  return Object.fromEntries(
    Object.entries(report).flatMap(([k, v]) =>
      Array.isArray(v) ? [[k, v as Record<string, Cell>[]]] : v && typeof v === "object" ? [[k, [v as Record<string, Cell>]]] : [],
    ),
  );
}

export const insightRoutes = router();
insightRoutes.use("/insights/*", requireAuth);
// /locations/:locationId/insights/* is under the location scope (src/app.ts): signed in, the location ours.

for (const name of REPORTS) {
  insightRoutes.openapi(
    createRoute({
      method: "get",
      path: `/insights/${name}`,
      tags: ["Insights"],
      summary: SUMMARIES[name],
      description: "Dates are local to each location. See README, Insights, for each figure's definition. CSV: ?format=csv or Accept: text/csv, one table (?table=).",
      security: bearer,
      request: { query: InsightsQuerySchema },
      responses: {
        200: {
          description: "The report",
          content: { "application/json": { schema: SCHEMAS[name] }, "text/csv": { schema: z.string() } },
        },
        ...errors(400, 401, 404),
      },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const insights = await loadInsights(c.env, db(c.env.DB), c.get("auth").accountId, q, now(), PARTS[name]);
      const report = { from: insights.from, to: insights.to, locations: insights.locations, ...build(name, insights) };
      const csv = q.format === "csv" || (q.format === undefined && (c.req.header("Accept") ?? "").includes("text/csv"));
      if (!csv) return c.json(report, 200);
      const all = tables(build(name, insights) as Record<string, unknown>);
      const table = q.table ?? Object.keys(all)[0]!;
      const rows = all[table];
      if (!rows) {
        throw new ApiError(400, "validation_failed", `This report has no table "${table}".`, [{ path: "table", message: `One of: ${Object.keys(all).join(", ")}.` }]);
      }
      return new Response(toCsv(rows), {
        headers: {
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": `attachment; filename="insights-${name}-${table}-${q.from}-${q.to}.csv"`,
          "Cache-Control": "no-store",
        },
      });
    },
  );
}

insightRoutes.openapi(
  createRoute({
    method: "post",
    path: "/locations/{locationId}/insights/rebuild",
    tags: ["Insights"],
    summary: "Recompute a location's insights rollups from its history (admin or owner)",
    description: "Rollups follow every change as it reaches D1; this backfills history from before they existed. At most 400 days per call.",
    security: bearer,
    middleware: [requireRole("admin")] as const,
    request: { params: LocationParams, ...jsonBody(RebuildBody) },
    responses: { 200: jsonResponse(z.object({ from: z.string(), to: z.string(), days: z.number().int() }), "Recomputed"), ...errors(400, 401, 403, 404) },
  }),
  async (c) => {
    const { from, to } = c.req.valid("json");
    checkRange(from, to);
    const loc = c.get("location");
    const dates = Array.from({ length: daysBetween(from, to) + 1 }, (_, i) => addDays(from, i));
    const stub = locationDo(c);
    for (let i = 0; i < dates.length; i += 31) await stub.rebuildInsights(dates.slice(i, i + 31));
    await refreshMessages(c.env, loc, dates, now());
    return c.json({ from, to, days: dates.length }, 200);
  },
);
