// bcryptCost: configurable for tests, never below 10 anywhere else, capped so a typo cannot stall sign-in.
import fc from "fast-check";
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { bcryptCost } from "../../src/auth/passwords";

describe("bcryptCost", () => {
  it.each([
    ["production", "10", 10],
    ["production", "12", 12],
    ["production", "4", 10],
    ["production", "0", 10],
    ["production", "-3", 10],
    ["production", "", 10],
    ["production", "not a number", 10],
    ["production", "99", 15],
    ["development", "4", 10],
    ["development", "11", 11],
    ["staging", "4", 10],
    ["TEST", "4", 10],
    ["test", "4", 4],
    ["test", "2", 4],
    ["test", "", 10],
    ["test", "13", 13],
  ])("ENVIRONMENT=%j BCRYPT_COST=%j gives %i", (ENVIRONMENT, BCRYPT_COST, expected) => {
    expect(bcryptCost({ ENVIRONMENT, BCRYPT_COST })).toBe(expected);
  });

  it("never returns less than 10 unless ENVIRONMENT is exactly \"test\"", () => {
    fc.assert(
      fc.property(
        fc.string().filter((e) => e !== "test"),
        fc.oneof(fc.string(), fc.integer({ min: -1000, max: 1000 }).map(String)),
        (ENVIRONMENT, BCRYPT_COST) => {
          const cost = bcryptCost({ ENVIRONMENT, BCRYPT_COST });
          expect(cost).toBeGreaterThanOrEqual(10);
          expect(cost).toBeLessThanOrEqual(15);
          expect(Number.isInteger(cost)).toBe(true);
        },
      ),
    );
  });

  it("never returns less than 4 even in tests (bcrypt's own minimum)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.integer({ min: -1000, max: 1000 }).map(String)), (BCRYPT_COST) => {
        expect(bcryptCost({ ENVIRONMENT: "test", BCRYPT_COST })).toBeGreaterThanOrEqual(4);
      }),
    );
  });

  it("is 4 in this suite's configuration", () => {
    expect(bcryptCost(env)).toBe(4);
  });
});
