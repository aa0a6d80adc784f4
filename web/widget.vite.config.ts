// Builds the embeddable widget (issue 22) into web/dist/widget.js: one classic script (an IIFE, so a
// plain <script src> on any site runs it), its styles inlined, under a stable name (the snippet on
// restaurants' sites names it). Runs after the web app's build, which empties web/dist. Prints the
// script's size and fails over budget, as the pages' build does.
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { widgetWeight, WIDGET_BUDGET_GZIP } from "./widget-weight.ts";

const here = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  publicDir: false,
  logLevel: "warn",
  build: {
    outDir: resolve(here, "dist"),
    emptyOutDir: false,
    target: "es2020",
    minify: true,
    reportCompressedSize: false,
    lib: { entry: resolve(here, "src/widget/embed.ts"), formats: ["iife"], name: "seatlineWidget", fileName: () => "widget.js" },
  },
  plugins: [widgetWeight(WIDGET_BUDGET_GZIP)],
});
