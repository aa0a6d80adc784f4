// Human API docs at /api/docs, rendered in the browser from /api/openapi.json by a small script and
// stylesheet served beside the page (no third-party CDN: pages make no external requests, and the
// page CSP allows scripts and styles from this origin only).
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { DOCS_CSS, DOCS_HTML, DOCS_JS } from "./docs-page";

export const docsRoutes = new Hono<AppEnv>();

const CACHE = "public, max-age=300";

docsRoutes.get("/docs", (c) => c.html(DOCS_HTML, 200, { "Cache-Control": CACHE }));
docsRoutes.get("/docs/app.js", (c) => c.body(DOCS_JS, 200, { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": CACHE }));
docsRoutes.get("/docs/app.css", (c) => c.body(DOCS_CSS, 200, { "Content-Type": "text/css; charset=utf-8", "Cache-Control": CACHE }));
