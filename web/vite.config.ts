// Builds the web app into web/dist, which the Worker serves through its assets binding.
// Four HTML entries so guests never download the host app: guest.html (/w, /join, /book),
// app.html (/app, sign-in, sign-up, invitations), board.html (/board, the display board) and
// index.html (the landing page).
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { pageWeights } from "./page-weights.ts";

const here = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: "/",
  publicDir: false,
  logLevel: "warn",
  // Preact's automatic JSX runtime through Vite 8's own transformer (no Babel preset needed).
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir: resolve(here, "dist"),
    emptyOutDir: true,
    target: "es2022",
    // The polyfill would be an inline script, which the pages' CSP forbids; every target browser has modulepreload.
    modulePreload: { polyfill: false },
    // Nothing inlined as data: URLs (fonts could not load under font-src 'self').
    assetsInlineLimit: 0,
    reportCompressedSize: false,
    rollupOptions: {
      input: {
        index: resolve(here, "index.html"),
        guest: resolve(here, "guest.html"),
        app: resolve(here, "app.html"),
        board: resolve(here, "board.html"),
      },
    },
  },
  plugins: [pageWeights({ guest: 51 * 1024, app: 200 * 1024, board: 20 * 1024 })],
});
