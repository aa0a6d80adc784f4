// The web app's pages: each path serves the HTML of its bundle from the assets binding, so guests
// (/w, /join, /book) never download the host app; /board has its own. Any other /app path is the host app too (SPA).
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { errorBody } from "../lib/errors";
import { router } from "./openapi";

export const HOST_PAGES = ["/app", "/app/*", "/login", "/signup", "/signup/confirm/:token", "/invite/:token", "/forgot-password", "/reset-password/:token"];
export const GUEST_PAGES = ["/w/:token", "/join/:slug", "/book/:x", "/feedback/:token"];

async function page(c: Context<AppEnv>, file: string) {
  const res = await c.env.ASSETS.fetch(new Request(new URL(file, c.req.url), { method: c.req.method }));
  if (!res.ok) return c.json(errorBody("not_found", "The web app is not built. Run npm run build:web."), 404);
  const out = new Response(res.body, res);
  // The HTML names hashed bundles; always revalidate it so a deploy is picked up at once.
  out.headers.set("Cache-Control", "no-cache");
  return out;
}

export const pageRoutes = router();
pageRoutes.get("/", (c) => page(c, "/index.html"));
for (const p of HOST_PAGES) pageRoutes.get(p, (c) => page(c, "/app.html"));
for (const p of GUEST_PAGES) pageRoutes.get(p, (c) => page(c, "/guest.html"));
// The display board for a TV (issue 22): its own small bundle, under the same page CSP as guest pages.
export const BOARD_PAGES = ["/board/:slug"];
for (const p of BOARD_PAGES) pageRoutes.get(p, (c) => page(c, "/board.html"));
