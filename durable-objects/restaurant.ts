// The Restaurant Durable Object: one per location (env.RESTAURANT.idFromName(locationId)).
// The live waitlist and reservation book arrive with their issues; the class and its SQLite
// storage are declared now so the binding and migration exist from the first deploy.
import { DurableObject } from "cloudflare:workers";
import type { Env } from "../src/env";

export class Restaurant extends DurableObject<Env> {
  override async fetch(): Promise<Response> {
    return Response.json(
      { error: { code: "not_found", message: "The live waitlist is not available yet.", details: [] } },
      { status: 404 },
    );
  }
}
