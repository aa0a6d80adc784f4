// axe-core in a page under its own strict CSP: the library is evaluated through the DevTools
// protocol (page.evaluate), which a CSP does not apply to, so the page's policy stays as shipped.
// Shared by the flows that check their pages (tags: WCAG 2.x A/AA and axe's best practices).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const source = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/** Fails with every violation (rule, impact, the nodes' selectors) axe finds on the page as it is. */
export async function assertNoAxeViolations(page, what = page.url()) {
  const loaded = await page.evaluate(() => typeof window.axe === "object");
  if (!loaded) await page.evaluate(source);
  const violations = await page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) }));
  }, TAGS);
  if (violations.length) {
    throw new Error(`axe-core found ${violations.length} violation(s) on ${what}:\n${violations.map((v) => `  ${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.join("\n    ")}`).join("\n")}`);
  }
}
