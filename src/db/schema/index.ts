// The D1 schema, one file per area. drizzle-kit generates migrations/ from these files (through
// this index); queries are typed from them. Times are integer milliseconds since the epoch (UTC):
// one clock, no time-zone ambiguity in storage.
export * from "./accounts";
export * from "./locations";
export * from "./parties";
export * from "./reservations";
export * from "./messages";
export * from "./billing";
export * from "./insights";
export * from "./integrations";
export * from "./platform";
export * from "./guests";
