// The typed client for integrators (issue 15, item 5): clients/typescript/seatline-api.d.ts is what
// openapi-typescript makes of the document the app serves today, and README's example is the code that
// `npm run typecheck` compiles against it (clients/typescript/example.ts, in tsconfig.node.json).
import { describe, expect, it } from "vitest";
import checkedIn from "../../clients/typescript/seatline-api.d.ts?raw";
import example from "../../clients/typescript/example.ts?raw";
import pkg from "../../package.json";
import readme from "../../README.md?raw";
import webTypes from "../../web/src/shared/types.ts?raw";
import { CLIENT_TYPES_FILE, clientTypes, servedDocument } from "../../scripts/client-types";

/** The first line where two texts differ, for a message a person can act on. */
function firstDifference(a: string, b: string): string | null {
  const x = a.split("\n"), y = b.split("\n");
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if (x[i] !== y[i]) return `line ${i + 1}: generated ${JSON.stringify(x[i] ?? "(end of file)")}, checked in ${JSON.stringify(y[i] ?? "(end of file)")}`;
  }
  return null;
}

describe("the typed client", () => {
  it(`${CLIENT_TYPES_FILE} is what the current /api/openapi.json generates`, async () => {
    const doc = await servedDocument();
    const generated = await clientTypes(doc);
    const difference = firstDifference(generated, checkedIn);
    expect(difference, `${CLIENT_TYPES_FILE} is stale: run \`npm run client:generate\` and commit it (${difference})`).toBeNull();
    // Every operation of the document is in it, under the operationId the document gives it.
    const operations = Object.values(doc.paths ?? {}).flatMap((item) =>
      ["get", "put", "post", "delete", "patch"].flatMap((m) => ((item as Record<string, { operationId?: string }>)[m]?.operationId ?? []) as string[]),
    );
    expect(operations.length).toBeGreaterThan(100);
    for (const id of operations) expect(generated, id).toContain(`    ${id}: {\n`);
  }, 60_000);

  it("README shows the example that the typecheck compiles, line for line", () => {
    // The file's leading comment says where it comes from; the code after it is README's.
    const code = example.slice(example.indexOf("\n\n") + 2);
    expect(code).toContain('from "openapi-fetch"');
    expect(readme.includes("```ts\n" + code + "```\n"), "README, Integrations → Typed client, differs from clients/typescript/example.ts").toBe(true);
  });

  it("openapi-fetch is a devDependency only: integrators install it, the Worker and the web app do not ship it", () => {
    const p = pkg as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    expect(p.devDependencies["openapi-fetch"]).toBeDefined();
    expect(p.devDependencies["openapi-typescript"]).toBeDefined();
    expect(p.dependencies["openapi-fetch"]).toBeUndefined();
    expect(p.dependencies["openapi-typescript"]).toBeUndefined();
  });

  it("the web app's REST types are read off the schemas, not declared again, and cost its bundle nothing", () => {
    // No shape written out by hand: every type is an alias of a server declaration or a generated schema.
    expect(webTypes).not.toMatch(/^export interface /m);
    expect(webTypes).not.toMatch(/^export type \w+(<[^>]*>)? = \{/m);
    expect(webTypes).toContain('from "../../../clients/typescript/seatline-api"');
    // Type-only imports, so nothing of the server or the client reaches the web bundle.
    const imports = webTypes.split("\n").filter((l) => /^(import|export) .* from /.test(l));
    expect(imports.length).toBeGreaterThan(5);
    for (const line of imports) expect(line).toMatch(/^(import|export) type /);
  });
});
