// The embeddable widget's settings for a location (issue 22): on or off, and the sites that may show
// it. GET for anyone on the team, PATCH (merge) for admins and owners; kept in the location's DO.
import { createRoute, z } from "@hono/zod-openapi";
import { checkOrigin, MAX_WIDGET_ORIGINS } from "../../domain/widget/settings";
import { requireAuth, requireRole } from "../auth/middleware";
import { restaurant } from "../restaurant/client";
import { bearer, errors, jsonBody, jsonResponse, router, uuidParam } from "./openapi";

const ORIGIN_EXAMPLE = "https://www.example.com";

/** One site as the owner types it; stored as its origin ("https://Example.com/" → "https://example.com"). */
const OriginInput = z
  .string()
  .max(200)
  .superRefine((value, ctx) => {
    const checked = checkOrigin(value);
    if (!checked.ok) ctx.addIssue({ code: "custom", message: checked.message });
  })
  .transform((value) => {
    const checked = checkOrigin(value);
    return checked.ok ? checked.origin : value;
  })
  .openapi({ type: "string", example: ORIGIN_EXAMPLE });

export const WidgetSettingsSchema = z
  .object({
    enabled: z.boolean().openapi({ description: "Whether the widget (its script's data and its frame) is served. Off by default.", example: true }),
    allowedOrigins: z
      .array(z.string())
      .openapi({
        description:
          "The sites that may show the widget, as origins. Only these get the data (CORS) and the frame (`Content-Security-Policy: frame-ancestors` lists exactly them); with none, the widget is refused everywhere.",
        example: [ORIGIN_EXAMPLE],
      }),
  })
  .openapi("WidgetSettings");

const WidgetSettingsPatch = z
  .object({
    enabled: z.boolean().optional(),
    allowedOrigins: z
      .array(OriginInput)
      .max(MAX_WIDGET_ORIGINS)
      .refine((list) => new Set(list).size === list.length, { message: "List each site once." })
      .optional()
      .openapi({ description: `The whole list (a PATCH replaces it), at most ${MAX_WIDGET_ORIGINS}: https:// sites (http:// only for localhost), scheme, host and port only.` }),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: "Send at least one setting to change." });

const LocationParams = z.object({ locationId: uuidParam("locationId") });

export const widgetSettingsRoutes = router();
widgetSettingsRoutes.use("/:locationId/widget-settings", requireAuth);
const tags = ["Embeddable widget"];

widgetSettingsRoutes.openapi(
  createRoute({
    method: "get",
    path: "/{locationId}/widget-settings",
    tags,
    summary: "The embeddable widget's settings: on or off, and the sites allowed to show it",
    security: bearer,
    request: { params: LocationParams },
    responses: { 200: jsonResponse(WidgetSettingsSchema, "Settings"), ...errors(400, 401, 404) },
  }),
  async (c) => c.json(await restaurant(c.env, c.get("location")).getWidgetSettings(), 200),
);

widgetSettingsRoutes.openapi(
  createRoute({
    method: "patch",
    path: "/{locationId}/widget-settings",
    tags,
    summary: "Change the embeddable widget's settings (admin or owner); fields not sent keep their value",
    security: bearer,
    middleware: [requireRole("admin")] as const,
    request: { params: LocationParams, ...jsonBody(WidgetSettingsPatch) },
    responses: { 200: jsonResponse(WidgetSettingsSchema, "Settings"), ...errors(400, 401, 403, 404, 413) },
  }),
  async (c) => c.json(await restaurant(c.env, c.get("location")).updateWidgetSettings(c.req.valid("json")), 200),
);
