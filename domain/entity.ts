// One declaration per entity (issue 14): a party or a reservation is a list of fields, each with its
// zod type and the places it travels to. The DO's row, the D1 mirror, the host view, the REST answer
// and the account export are all read off that list, so a field is added in one place and a place
// that forgets it fails test/entities (the columns of both databases are checked against it).
import { z } from "zod";

/**
 * Where a field travels. row: the DO's SQLite row (the source of truth); mirror: the D1 copy the
 * outbox writes; view: what host screens get over the socket (epoch ms); rest: the REST answer (ISO
 * 8601 times); export: the account export (ISO 8601 times).
 */
export const PLACES = ["row", "mirror", "view", "rest", "export"] as const;
export type Place = (typeof PLACES)[number];

export interface Field<S extends z.ZodType = z.ZodType, P extends Place = Place, T extends boolean = boolean> {
  readonly schema: S;
  readonly places: readonly P[];
  /** An epoch-ms time: ISO 8601 in REST answers and exports. */
  readonly time: T;
  /** Its column in the DO row and the D1 mirror; the snake_case of its name unless given. */
  readonly column?: string;
  /** The REST answer's schema for a time (an ISO string, with the field's description). */
  readonly rest?: z.ZodType;
}

export type Fields = Record<string, Field>;

/** A field that goes everywhere unless `places` says otherwise. */
export function field<S extends z.ZodType, P extends Place = Place>(schema: S, places?: readonly P[], column?: string): Field<S, P, false> {
  return { schema, places: places ?? (PLACES as readonly Place[] as readonly P[]), time: false, column };
}

/** An epoch-ms time (an ISO string in REST answers and exports). */
export function time<N extends boolean = false, P extends Place = Place>(
  opts: { nullable?: N; places?: readonly P[]; description?: string; example?: string; column?: string } = {},
): Field<N extends true ? z.ZodNullable<z.ZodNumber> : z.ZodNumber, P, true> {
  const ms = z.number().int();
  const iso = z.string();
  const schema = opts.nullable ? ms.nullable() : ms;
  const rest = opts.nullable ? iso.nullable() : iso;
  return {
    schema: (opts.description ? schema.meta({ description: opts.description }) : schema) as never,
    places: opts.places ?? (PLACES as readonly Place[] as readonly P[]),
    time: true,
    column: opts.column,
    rest: opts.description || opts.example ? rest.meta({ description: opts.description, example: opts.example }) : rest,
  };
}

// ---- types read off a field list -------------------------------------------------------------------

/** The fields of `F` that travel to `P`. */
export type In<F extends Fields, P extends Place> = { [K in keyof F as P extends F[K]["places"][number] ? K : never]: F[K] };
export type Shape<F extends Fields> = { [K in keyof F]: F[K]["schema"] };
/** The entity as the DO holds it, or (with In<>) as one place has it: z.infer of its zod object. Times are epoch ms. */
export type ValueOf<F extends Fields> = z.infer<z.ZodObject<Shape<F>>>;
type RestSchemaOf<F extends Field> = F["time"] extends true ? (null extends z.output<F["schema"]> ? z.ZodNullable<z.ZodString> : z.ZodString) : F["schema"];
export type RestShape<F extends Fields> = { [K in keyof F]: RestSchemaOf<F[K]> };
/** The entity as REST answers and exports carry it: times as ISO 8601. */
export type IsoOf<F extends Fields> = { [K in keyof F]: z.output<RestSchemaOf<F[K]>> };

// ---- schemas and mappings ------------------------------------------------------------------------------

export function keysIn<F extends Fields, P extends Place>(fields: F, place: P): (keyof In<F, P> & string)[] {
  return Object.keys(fields).filter((k) => (fields[k]!.places as readonly Place[]).includes(place)) as (keyof In<F, P> & string)[];
}

export function only<F extends Fields, P extends Place>(fields: F, place: P): In<F, P> {
  return Object.fromEntries(keysIn(fields, place).map((k) => [k, fields[k]])) as unknown as In<F, P>;
}

/** The zod object of the fields as REST carries them (ISO times). */
export function restSchemaOf<F extends Fields>(fields: F): z.ZodObject<RestShape<F>> {
  return z.object(Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.rest ?? f.schema]))) as unknown as z.ZodObject<RestShape<F>>;
}

/** Picks the fields of `fields` from `value` (anything that has them), times as they are. */
export function pick<F extends Fields>(fields: F, value: { [K in keyof F]: unknown }): ValueOf<F> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(fields)) out[k] = value[k] ?? null;
  return out as ValueOf<F>;
}

const iso = (ms: unknown) => (typeof ms === "number" ? new Date(ms).toISOString() : null);

/** Picks the fields of `fields` from `value`, times turned into ISO 8601. */
export function isoPick<F extends Fields>(fields: F, value: { [K in keyof F]: unknown }): IsoOf<F> {
  const out: Record<string, unknown> = {};
  for (const [k, f] of Object.entries(fields)) out[k] = f.time ? iso(value[k]) : (value[k] ?? null);
  return out as IsoOf<F>;
}

// ---- columns ---------------------------------------------------------------------------------------------

export type Cell = string | number | null;
/** How a value is stored: as it is, 0/1, or JSON text. */
export type Codec = "plain" | "bool" | "json";

export interface Column {
  key: string;
  name: string;
  codec: Codec;
}

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function codecOf(schema: z.ZodType): Codec {
  let s = schema as z.ZodType & { def: { type: string; innerType?: z.ZodType } };
  while ((s.def.type === "nullable" || s.def.type === "optional") && s.def.innerType) s = s.def.innerType as typeof s;
  if (s.def.type === "boolean") return "bool";
  if (s.def.type === "array" || s.def.type === "object" || s.def.type === "record") return "json";
  return "plain";
}

/** The columns of the fields that travel to `place`, in declaration order. */
export function columnsIn(fields: Fields, place: Place): Column[] {
  return keysIn(fields, place).map((key) => {
    const f = fields[key]!;
    return { key, name: f.column ?? snake(key), codec: codecOf(f.schema) };
  });
}

export function toCells(columns: Column[], value: Record<string, unknown>): Cell[] {
  return columns.map(({ key, codec }) => {
    const v = value[key] ?? null;
    if (v === null) return null;
    if (codec === "bool") return v ? 1 : 0;
    if (codec === "json") return JSON.stringify(v);
    return v as Cell;
  });
}

export function fromCells<T>(columns: Column[], row: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const { key, name, codec } of columns) {
    const v = row[name] ?? null;
    out[key] = v === null ? null : codec === "bool" ? v === 1 || v === true : codec === "json" ? JSON.parse(v as string) : v;
  }
  return out as T;
}
