// The embeddable widget's weight (issue 22): raw and gzip -9 bytes of widget.js, printed at build and
// held to a budget (the build fails over it). bench/scenarios/bundle.mjs reports the same numbers.
import { gzipSync } from "node:zlib";
import type { Plugin } from "vite";

export const WIDGET_BUDGET_GZIP = 5 * 1024;

export function widgetWeight(budget: number): Plugin {
  return {
    name: "seatline-widget-weight",
    apply: "build",
    writeBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== "chunk" || file.fileName !== "widget.js") continue;
        const raw = Buffer.byteLength(file.code);
        const gzip = gzipSync(file.code, { level: 9 }).length;
        console.log(`\nWidget script: widget.js ${raw} bytes, ${gzip} bytes gzip (budget ${budget} bytes gzip)\n`);
        if (gzip > budget) throw new Error(`widget.js is over budget: ${gzip} > ${budget} bytes gzip`);
      }
    },
  };
}
