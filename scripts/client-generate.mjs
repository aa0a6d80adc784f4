#!/usr/bin/env node
// `npm run client:generate`: writes clients/typescript/seatline-api.d.ts, the typed client's
// description of the API, from the document the app serves at /api/openapi.json (scripts/client-types.ts;
// vite loads the TypeScript sources as the test suite does). Run it after changing a route; the test
// suite fails while the checked-in file differs from what the current document generates.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { runnerImport } from "vite";
import { root } from "./local.mjs";

// The app logs each request as a JSON line; only this script's own line belongs in its output.
const print = console.log;
console.log = (...args) => String(args[0]).startsWith('{"level":"info"') || print(...args);
const { module } = await runnerImport(join(root, "scripts/client-types.ts"), { root, configFile: false, logLevel: "warn" });
const text = await module.clientTypes(await module.servedDocument());
writeFileSync(join(root, module.CLIENT_TYPES_FILE), text);
print(`✓ ${module.CLIENT_TYPES_FILE} (${text.split("\n").length} lines)`);
