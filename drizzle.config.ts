import { defineConfig } from "drizzle-kit";

// drizzle-kit 0.31.x writes flat NNNN_name.sql files that `wrangler d1 migrations apply` reads.
export default defineConfig({
  dialect: "sqlite",
  schema: "./src/db/schema/index.ts",
  out: "./migrations",
});
