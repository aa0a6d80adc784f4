// Model-based, the full mix: adds, moves, notifies, seats, cancels, no-shows, restores, edits, guest
// cancels, DO evictions and 16-minute waits, in random order, through the REST API (line-runner.ts).
import fc from "fast-check";
import { describe, it } from "vitest";
import { commands, PROPERTY_OPTIONS, runSequence } from "./line-runner";

const mix = commands({ add: 6, act: 6, restore: 3, move: 4, edit: 2, guestCancel: 2, evict: 2, wait: 1 });

describe("the waitlist against a plain model", () => {
  it("keeps order, positions, states and versions, survives evictions, and D1 ends equal to the DO", { timeout: 180_000 }, async () => {
    await fc.assert(fc.asyncProperty(fc.array(mix, { minLength: 20, maxLength: 45 }), runSequence), { ...PROPERTY_OPTIONS, numRuns: 10 });
  });
});
