// A reservation as host screens see it (times in epoch ms, like PartyView). Free of runtime types so
// the web app can import it.
import type { Reservation, ReservationSource, ReservationStatus } from "./model";

export interface ReservationView {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  partySize: number;
  notes: string;
  tags: string[];
  start: number;
  end: number;
  durationMinutes: number;
  tableIds: string[];
  status: ReservationStatus;
  source: ReservationSource;
  smsConsent: boolean;
  createdAt: number;
  updatedAt: number;
  version: number;
}

export function reservationView(r: Reservation): ReservationView {
  return {
    id: r.id,
    name: r.name,
    phone: r.phone,
    email: r.email,
    partySize: r.partySize,
    notes: r.notes,
    tags: r.tags,
    start: r.start,
    end: r.end,
    durationMinutes: Math.round((r.end - r.start) / 60_000),
    tableIds: r.tableIds,
    status: r.status,
    source: r.source,
    smsConsent: r.smsConsent,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
  };
}
