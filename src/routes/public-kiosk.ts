// The kiosk page's question (issue 22): is this kiosk link's token this location's current one?
// The page asks when it opens and after each reset, and shows a clear "this kiosk link no longer
// works" page instead of the form when the answer is 404 (revoked, replaced, mistyped, or another
// location's token). Check-ins carry the token themselves and are judged again (public.ts).
import { createRoute, z } from "@hono/zod-openapi";
import { errors, jsonResponse, router } from "./openapi";
import { KIOSK_CHECKINS_PER_HOUR, kioskInvalid, locationBySlug } from "./public-guests";
import { restaurant } from "../restaurant/client";

export const publicKioskRoutes = router();

const KioskParams = z.object({
  slug: z.string().max(63).openapi({ param: { name: "slug", in: "path" } }),
  token: z.string().max(128).openapi({ param: { name: "token", in: "path" } }),
});

publicKioskRoutes.openapi(
  createRoute({
    method: "get",
    path: "/locations/{slug}/kiosk/{token}",
    tags: ["Guests (public)"],
    summary: "Whether a kiosk link still works: 200 while its token is the location's current one, else 404",
    request: { params: KioskParams },
    responses: {
      200: jsonResponse(
        z
          .object({
            status: z.literal("active"),
            checkInsPerHour: z.number().int().openapi({ description: "Check-ins this kiosk may make in an hour (its own limit, in place of the per-network one)." }),
          })
          .openapi("KioskCheck"),
        "The kiosk link works",
      ),
      ...errors(404),
    },
  }),
  async (c) => {
    const { slug, token } = c.req.valid("param");
    const loc = await locationBySlug(c, slug);
    if (!(await restaurant(c.env, loc).getKioskAccepts(token))) throw kioskInvalid();
    return c.json({ status: "active" as const, checkInsPerHour: KIOSK_CHECKINS_PER_HOUR }, 200);
  },
);
