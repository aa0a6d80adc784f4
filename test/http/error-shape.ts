// The one error shape, as every test asserts it (test/helpers/errors.ts).
export { expectError } from "../helpers/errors";
