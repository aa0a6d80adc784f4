// Bad input to any auth route: 400 in the one error shape, and nothing changes (DESIGN.md rule 5).
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { call, type SignedUp } from "../helpers/api";
import { accountIds, dumpDb, emailTo, freezeTime, newOwner, sessionRow } from "./support";

interface Route {
  name: string;
  method: string;
  path: () => string;
  auth?: boolean;
  valid: () => Record<string, unknown>;
  /** Required string fields and their maximum lengths. */
  fields: Record<string, { max: number; long?: () => string }>;
  /** Waits for whatever the valid request does in the background, so it cannot land during a later check. */
  settle?: () => Promise<unknown>;
}

let owner: SignedUp & { ip: string };
const IP = "192.0.2.77";

const routes: Route[] = [
  {
    name: "POST /api/auth/signup",
    method: "POST",
    path: () => "/api/auth/signup",
    valid: () => ({ accountName: "Valid Place", name: "Val", email: "val@example.com", password: "Valid-Pass-12", timezone: "UTC" }),
    settle: () => emailTo("val@example.com", /Confirm your email/),
    fields: {
      accountName: { max: 120 },
      name: { max: 120 },
      email: { max: 254, long: () => "a".repeat(250) + "@example.com" },
      password: { max: 1024 },
    },
  },
  {
    name: "POST /api/auth/signup/confirm",
    method: "POST",
    path: () => "/api/auth/signup/confirm",
    valid: () => ({ token: "x".repeat(43) }),
    fields: { token: { max: 128 } },
  },
  {
    name: "POST /api/auth/login",
    method: "POST",
    path: () => "/api/auth/login",
    valid: () => ({ email: owner.email, password: owner.password }),
    fields: { email: { max: 254, long: () => "b".repeat(250) + "@example.com" }, password: { max: 1024 } },
  },
  {
    name: "POST /api/auth/password-reset",
    method: "POST",
    path: () => "/api/auth/password-reset",
    valid: () => ({ email: owner.email }),
    fields: { email: { max: 254, long: () => "c".repeat(250) + "@example.com" } },
    settle: () => emailTo(owner.email, /Reset your Seatline password/),
  },
  {
    name: "POST /api/auth/password-reset/:token",
    method: "POST",
    path: () => `/api/auth/password-reset/${"t".repeat(43)}`,
    valid: () => ({ password: "Valid-Pass-12" }),
    fields: { password: { max: 1024 } },
  },
  {
    name: "POST /api/auth/password",
    method: "POST",
    path: () => "/api/auth/password",
    auth: true,
    valid: () => ({ currentPassword: owner.password, newPassword: "Valid-Pass-12" }),
    fields: { currentPassword: { max: 1024 }, newPassword: { max: 1024 } },
    // The valid change really happens: later bodies must quote the new password.
    settle: async () => {
      owner.password = "Valid-Pass-12";
    },
  },
];

function send(route: Route, opts: { body?: unknown; raw?: string; headers?: Record<string, string> }) {
  return call(route.method, route.path(), { ip: IP, token: route.auth ? owner.token : undefined, ...opts });
}

function expectValidationError(res: { status: number; json: any; text: string }, field?: string) {
  expect(res.status, res.text).toBe(400);
  expect(res.json).toEqual({ error: { code: "validation_failed", message: expect.any(String), details: expect.any(Array) } });
  expect(res.json.error.message.length).toBeGreaterThan(0);
  if (field) {
    expect(res.json.error.details.length).toBeGreaterThan(0);
    expect(res.json.error.details.map((d: { path: string }) => d.path)).toContain(field);
    for (const d of res.json.error.details) expect(d.message).toEqual(expect.any(String));
  }
}

/**
 * Runs `fn` and asserts that no table changed: no row of the owner's account, of a new account, or
 * of a table without accounts (other files' accounts are left out: their DOs may still be flushing).
 */
async function unchanged(fn: () => Promise<void>) {
  const others = await accountIds();
  others.delete(owner.accountId);
  const before = await dumpDb(others);
  await fn();
  expect(await dumpDb(others)).toEqual(before);
}

beforeAll(async () => {
  owner = await newOwner();
});

beforeEach(async () => {
  // Freeze the clock just after the owner's session was last seen, so authenticating does not
  // legitimately refresh last_seen_at during a test.
  freezeTime((await sessionRow(owner.token)).last_seen_at + 1000);
});

afterEach(() => {
  vi.useRealTimers();
});

describe.each(routes)("$name", (route) => {
  it("accepts the valid body used below (control)", async () => {
    // A valid body passes validation; whatever it then does, it is not a validation error.
    const res = await send(route, { body: route.valid() });
    expect(res.status).not.toBe(400);
    expect(res.json?.error?.code).not.toBe("validation_failed");
    await route.settle?.();
  });

  it("refuses each field with the wrong type", async () => {
    await unchanged(async () => {
      for (const field of Object.keys(route.fields)) {
        for (const value of [123, true, null, ["x"], { x: 1 }]) {
          expectValidationError(await send(route, { body: { ...route.valid(), [field]: value } }), field);
        }
      }
    });
  });

  it("refuses each missing field", async () => {
    await unchanged(async () => {
      for (const field of Object.keys(route.fields)) {
        const body = route.valid();
        delete body[field];
        expectValidationError(await send(route, { body }), field);
      }
    });
  });

  it("refuses each field one character over its limit, and empty strings", async () => {
    await unchanged(async () => {
      for (const [field, spec] of Object.entries(route.fields)) {
        const long = spec.long?.() ?? "Aa1!".repeat(Math.ceil((spec.max + 1) / 4)).slice(0, spec.max + 1);
        expect(long.length).toBeGreaterThan(spec.max);
        expectValidationError(await send(route, { body: { ...route.valid(), [field]: long } }), field);
        expectValidationError(await send(route, { body: { ...route.valid(), [field]: "" } }), field);
      }
    });
  });

  it("refuses a body that is not JSON", async () => {
    await unchanged(async () => {
      for (const raw of ["not json", "{", '{"email": }', "<xml/>", "email=a@b.c&password=x"]) {
        expectValidationError(await send(route, { raw, headers: { "Content-Type": "application/json" } }));
      }
    });
  });

  it("refuses JSON that is not an object", async () => {
    await unchanged(async () => {
      for (const raw of ["[]", '"text"', "null", "42", "true"]) {
        expectValidationError(await send(route, { raw, headers: { "Content-Type": "application/json" } }));
      }
    });
  });

  it("refuses an empty body, with or without a JSON content type", async () => {
    await unchanged(async () => {
      expectValidationError(await send(route, { raw: "", headers: { "Content-Type": "application/json" } }));
      expectValidationError(await send(route, {}));
      expectValidationError(await send(route, { body: {} }));
    });
  });

  it("refuses a valid body sent as another content type with 415, in the same error shape", async () => {
    await unchanged(async () => {
      for (const type of ["text/plain", "application/x-www-form-urlencoded"]) {
        const res = await send(route, { raw: JSON.stringify(route.valid()), headers: { "Content-Type": type } });
        expect(res.status, res.text).toBe(415);
        expect(res.json).toEqual({ error: { code: "unsupported_media_type", message: expect.any(String), details: expect.any(Array) } });
      }
    });
  });
});

describe("path parameters", () => {
  it("refuses a reset token longer than 128 characters", async () => {
    await unchanged(async () => {
      const res = await call("POST", `/api/auth/password-reset/${"t".repeat(129)}`, { ip: IP, body: { password: "Valid-Pass-12" } });
      expectValidationError(res, "token");
    });
  });
});

describe("signup-specific fields", () => {
  it("refuses names that are only spaces, a malformed email and an over-long time zone", async () => {
    const base = routes[0]!.valid();
    await unchanged(async () => {
      for (const [field, value] of [
        ["accountName", "   "],
        ["name", "\t \n"],
        ["email", "not-an-email"],
        ["email", "two@@example.com"],
        ["email", "spaces in@example.com"],
        ["timezone", "Z".repeat(65)],
        ["timezone", 12],
      ] as const) {
        expectValidationError(await call("POST", "/api/auth/signup", { ip: IP, body: { ...base, [field]: value } }), field);
      }
    });
  });
});
