import { drizzle, type DrizzleD1Database } from "drizzle-orm/d1";
import * as schema from "./schema";

// With its binding: a hot path may use one prepared statement on it directly (auth/sessions.ts).
export type Db = DrizzleD1Database<typeof schema> & { $client: D1Database };

// Building a drizzle instance walks the whole schema; the bench profile showed it on every request.
// The binding object lives as long as the isolate, so one instance per binding serves them all.
const cache = new WeakMap<D1Database, Db>();

export function db(d1: D1Database): Db {
  let instance = cache.get(d1);
  if (!instance) {
    instance = drizzle(d1, { schema });
    cache.set(d1, instance);
  }
  return instance;
}
