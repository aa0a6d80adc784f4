// Compile-time check (tsc, not vitest) that the web app's REST types are exactly what the server's
// zod schemas produce: change a schema and `npm run typecheck` fails until the web app follows. Most of
// them are read off the generated client types (clients/typescript/seatline-api.d.ts), so this also
// checks that openapi-typescript's reading of the document says what the zod schemas say.
import type { z } from "@hono/zod-openapi";
import type { SessionSchema, UserSchema } from "../../src/auth/schemas";
import type { LocationSchema } from "../../src/routes/locations";
import type { MessageSchema, SmsSettingsSchema } from "../../src/routes/messages";
import type { GuestStatusSchema } from "../../src/routes/public";
import type { PartySchema, SettingsSchema } from "../../src/routes/waitlist";
import type { BookingSettingsSchema, CombinationSchema, PublicReservationSchema, ReservationSchema, SlotSchema, TableSchema, TablesSchema } from "../../src/routes/reservation-schemas";
import type * as Web from "../../web/src/shared/types";

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const webTypesMatchTheApi: [
  Same<Web.RestParty, z.infer<typeof PartySchema>>,
  Same<Web.WaitlistSettings, z.infer<typeof SettingsSchema>>,
  Same<Web.Location, z.infer<typeof LocationSchema>>,
  Same<Web.Session, z.infer<typeof SessionSchema>>,
  Same<Web.User, z.infer<typeof UserSchema>>,
  Same<Web.RestMessage, z.infer<typeof MessageSchema>>,
  Same<Web.GuestStatusRest, z.infer<typeof GuestStatusSchema>>,
  Same<Web.SmsSettingsView, z.infer<typeof SmsSettingsSchema>>,
  Same<Web.Reservation, z.infer<typeof ReservationSchema>>,
  Same<Web.PublicReservation, z.infer<typeof PublicReservationSchema>>,
  Same<Web.Slot, z.infer<typeof SlotSchema>>,
  Same<Web.Table, z.infer<typeof TableSchema>>,
  Same<Web.Combination, z.infer<typeof CombinationSchema>>,
  Same<Web.Tables, z.infer<typeof TablesSchema>>,
  Same<Web.BookingSettings, z.infer<typeof BookingSettingsSchema>>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true, true, true];

// The types read off an operation (not a named schema) found it: a renamed path would make them `never`.
type Found<T> = [T] extends [never] ? false : true;
export const operationTypesFound: [Found<Web.Member>, Found<Web.NewParty>] = [true, true];
