// Prints each page's gzipped JavaScript and CSS (its entry chunk plus every chunk it imports
// statically) and fails the build when a page is over its budget.
import { gzipSync } from "node:zlib";
import type { Plugin } from "vite";

interface Chunkish {
  type: "chunk" | "asset";
  fileName: string;
  code?: string;
  source?: string | Uint8Array;
  imports?: string[];
  dynamicImports?: string[];
  facadeModuleId?: string | null;
  viteMetadata?: { importedCss: Set<string> };
}

const gz = (s: string | Uint8Array) => gzipSync(typeof s === "string" ? Buffer.from(s) : s, { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export function pageWeights(budgets: Record<string, number>): Plugin {
  return {
    name: "seatline-page-weights",
    apply: "build",
    writeBundle(_options, bundle) {
      const files = bundle as unknown as Record<string, Chunkish>;
      const rows: string[] = [];
      const over: string[] = [];
      for (const html of Object.values(files).filter((f) => f.type === "asset" && f.fileName.endsWith(".html"))) {
        const page = html.fileName.replace(/\.html$/, "");
        const source = String(html.source ?? "");
        const entries = [...source.matchAll(/<script[^>]+src="\/([^"]+)"/g)].map((m) => m[1]!);
        const seen = new Set<string>();
        const walk = (name: string) => {
          if (seen.has(name)) return;
          seen.add(name);
          for (const dep of files[name]?.imports ?? []) walk(dep);
        };
        entries.forEach(walk);
        let js = 0;
        const css = new Set<string>();
        for (const name of seen) {
          const chunk = files[name];
          if (!chunk || chunk.type !== "chunk") continue;
          js += gz(chunk.code ?? "");
          for (const c of chunk.viteMetadata?.importedCss ?? []) css.add(c);
        }
        for (const m of source.matchAll(/<link[^>]+href="\/([^"]+\.css)"/g)) css.add(m[1]!);
        const cssBytes = [...css].reduce((n, c) => n + gz(files[c]?.source ?? ""), 0);
        const budget = budgets[page];
        rows.push(`  ${page.padEnd(8)} JS ${kb(js).padStart(9)} gzip   CSS ${kb(cssBytes).padStart(8)} gzip${budget ? `   (JS budget ${kb(budget)})` : ""}`);
        if (budget && js > budget) over.push(`${page}: ${kb(js)} > ${kb(budget)}`);
        // Chunks loaded on demand (Insights and its chart library, a language's catalogue, the phone parser): the page with each of them
        // must fit the same budget, since a user who opens it downloads both.
        const lazy = new Set<string>();
        for (const name of seen) for (const d of files[name]?.dynamicImports ?? []) if (!seen.has(d)) lazy.add(d);
        for (const entry of lazy) {
          const mine = new Set<string>();
          const walkLazy = (name: string) => {
            if (mine.has(name) || seen.has(name)) return;
            mine.add(name);
            for (const dep of files[name]?.imports ?? []) walkLazy(dep);
          };
          walkLazy(entry);
          let extra = 0;
          let extraCss = 0;
          for (const name of mine) {
            const chunk = files[name];
            if (!chunk || chunk.type !== "chunk") continue;
            extra += gz(chunk.code ?? "");
            for (const c of chunk.viteMetadata?.importedCss ?? []) extraCss += gz(files[c]?.source ?? "");
          }
          const label = `${page}+${entry.replace(/^assets\//, "").replace(/-[\w-]{8}\.js$/, "")}`;
          rows.push(`  ${label.padEnd(8)} JS ${kb(js + extra).padStart(9)} gzip   CSS ${kb(cssBytes + extraCss).padStart(8)} gzip   (on demand +${kb(extra)} JS)`);
          if (budget && js + extra > budget) over.push(`${label}: ${kb(js + extra)} > ${kb(budget)}`);
        }
      }
      console.log(`\nPage weights (gzip -9, entry + static imports):\n${rows.join("\n")}\n`);
      if (over.length) throw new Error(`Page weight over budget: ${over.join("; ")}`);
    },
  };
}
