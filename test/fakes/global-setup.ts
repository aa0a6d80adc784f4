// Starts the fake providers (real HTTP on 127.0.0.1) before the workers pool, and hands their URL
// to the pool's bindings through `provide`.
import type { TestProject } from "vitest/node";
import { startFakes } from "./server";

export default async function setup(project: TestProject) {
  const fakes = await startFakes();
  project.provide("fakesUrl", fakes.url);
  project.provide("telnyxPublicKey", fakes.telnyxPublicKey);
  return async () => fakes.close();
}
