// 404 for an unknown path and 405 for a known path called with a method it does not have, checked
// *before* routing. Hono's methodNotAllowed middleware looks after the fact, at a 404, so a
// sub-router's `use("*", requireAuth)` answered 401 first: `PUT /api/locations` never got its 405 and
// `GET /api/locations/<id>/typo` a 401 instead of 404.
import type { Context, Hono, MiddlewareHandler } from "hono";
import { matchedRoutes } from "hono/route";
import { TrieRouter } from "hono/router/trie-router";

type Methods = ReadonlySet<string>;

// Every endpoint here is declared with its method (createRoute, get, post, ...). Routes registered
// for ALL methods are middleware (`use`, e.g. requireAuth on "/:locationId/waitlist") and name no
// endpoint. Hono cannot tell `use()` from `all()`, so an `all()` endpoint would be answered 404:
// declare its methods instead.
function methodsByPath(app: Hono<any, any, any>): TrieRouter<Methods> {
  const byPath = new Map<string, Set<string>>();
  for (const route of app.routes) {
    if (route.method === "ALL") continue;
    const methods = byPath.get(route.path) ?? new Set<string>();
    methods.add(route.method);
    if (route.method === "GET") methods.add("HEAD");
    byPath.set(route.path, methods);
  }
  const router = new TrieRouter<Methods>();
  for (const [path, methods] of byPath) router.add("ALL", path, methods);
  return router;
}

export interface RouteCheckOptions {
  /** Paths answered with `notFound` when no route has them (others fall through, e.g. to assets). */
  apiPrefixes: string[];
  notFound: (c: Context) => Response | Promise<Response>;
  methodNotAllowed: (c: Context, allowed: string[]) => Response | Promise<Response>;
}

export function routeCheck(app: Hono<any, any, any>, opts: RouteCheckOptions): MiddlewareHandler {
  // Built on first use, once every route has been mounted.
  let router: TrieRouter<Methods> | undefined;
  const isApi = (path: string) => opts.apiPrefixes.some((p) => path === p || path.startsWith(`${p}/`));
  return async (c, next) => {
    // The app's own router has matched this request already: when an endpoint (not middleware) is
    // among the matches, the path has this method and there is nothing to check. Only a request that
    // found no endpoint pays for the walk below, which tells 404 from 405.
    if (matchedRoutes(c).some((r) => r.method !== "ALL")) return next();
    router ??= methodsByPath(app);
    const allowed = new Set<string>();
    for (const [methods] of router.match("ALL", c.req.path)[0]) for (const m of methods) allowed.add(m);
    if (allowed.size === 0) {
      if (isApi(c.req.path)) return opts.notFound(c);
    } else if (!allowed.has(c.req.method)) {
      return opts.methodNotAllowed(c, [...allowed]);
    }
    await next();
  };
}
