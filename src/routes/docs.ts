// Human API docs at /api/docs, rendered in the browser from /api/openapi.json by a small script
// served beside it (no third-party CDN: pages make no external requests).
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { DOCS_HTML, DOCS_JS } from "./docs-page";

export const docsRoutes = new Hono<AppEnv>();

docsRoutes.get("/docs", (c) => c.html(DOCS_HTML));
docsRoutes.get("/docs/app.js", (c) => c.body(DOCS_JS, 200, { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "public, max-age=300" }));
