// The Worker's outermost fetch: whatever escapes the app (an error thrown outside Hono's handlers, a
// failure while building the error answer itself) still answers in the one error shape with a request
// id and no internal detail, instead of the runtime's own error page with a stack trace.
import { errorBody } from "./errors";
import { log } from "../../lib/log";

type Fetch<E> = (request: Request, env: E, ctx: ExecutionContext) => Response | Promise<Response>;

export function lastResort<E>(inner: Fetch<E>): Fetch<E> {
  return async (request, env, ctx) => {
    try {
      return await inner(request, env, ctx);
    } catch (err) {
      const id = request.headers.get("X-Request-Id")?.slice(0, 64).replace(/[^\w-]/g, "") || crypto.randomUUID();
      log("error", "error outside the app", { requestId: id, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
      return new Response(JSON.stringify(errorBody("internal_error", `Something went wrong on our side. It has been logged (request id ${id}).`)), {
        status: 500,
        headers: {
          "Content-Type": "application/json; charset=UTF-8",
          "X-Request-Id": id,
          "X-Content-Type-Options": "nosniff",
          "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
          "Cache-Control": "no-store",
        },
      });
    }
  };
}
