// Model-based, weighted to closing and undoing: many seats, cancels, no-shows, guest cancels and
// restores between adds, with waits past the 15-minute window. Restored parties must come back to
// their place in line, ahead of everyone who joined after them.
import fc from "fast-check";
import { describe, it } from "vitest";
import { commands, PROPERTY_OPTIONS, runSequence } from "./line-runner";

const mix = commands({ add: 5, act: 6, restore: 6, move: 1, edit: 1, guestCancel: 3, evict: 1, wait: 1 });

describe("closing and restoring against a plain model", () => {
  it("restores only within 15 minutes, to the state and place the party left", { timeout: 180_000 }, async () => {
    await fc.assert(fc.asyncProperty(fc.array(mix, { minLength: 20, maxLength: 45 }), runSequence), { ...PROPERTY_OPTIONS, numRuns: 8 });
  });
});
