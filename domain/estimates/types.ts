// What the floor-aware wait estimator reads and answers. Plain values: the DO builds them from its
// SQLite state, the simulator from its simulated floor, tests by hand. Times are epoch ms.

export interface FloorTable {
  id: string;
  minSeats: number;
  maxSeats: number;
  active: boolean;
}

/** Tables pushed together for one party; usable when all of them are free. */
export interface FloorCombination {
  tableIds: string[];
  minSeats: number;
  maxSeats: number;
}

/** A party seated at a table (a walk-in or a booking). */
export interface SeatedParty {
  size: number;
  seatedAt: number;
  /** Where it sits, when the floor is known; otherwise the estimator places it by fit. */
  tableIds?: string[];
}

/** A booking that holds its tables: not yet seated (booked, confirmed, arrived). */
export interface HoldingBooking {
  partySize: number;
  start: number;
  /** When the booking is expected to give its tables back. */
  end: number;
  tableIds: string[];
}

/** A party in the line, in line order. */
export interface LineParty {
  id: string;
  size: number;
  state: "waiting" | "notified";
  /** When it was called; a notified party is on its way to a table. */
  notifiedAt?: number | null;
  source?: "host" | "guest" | "api";
}

export interface FloorState {
  tables: FloorTable[];
  combinations: FloorCombination[];
  seated: SeatedParty[];
  bookings: HoldingBooking[];
  /** Active parties in line order (the host's order). */
  line: LineParty[];
}

export interface EstimateModel {
  /** Expected (mean) minutes at the table for a party of `size` (the booking settings' durations). */
  durationMinutes: (size: number) => number;
  /** Log-normal shape of dining durations (0.35 ≈ a third either side of the median). */
  sigma: number;
  /** Minutes to clear and reset a table after a party leaves. */
  turnoverMinutes: number;
  /** Minutes from a table being ready to the called party sitting at it, by source. */
  seatDelayMinutes: (source: LineParty["source"]) => number;
  /** Share of waiting parties that never take a table (they leave the line or do not come when called). */
  dropRate: number;
  /** How many waiting parties down the line the host looks for one that fits a free table. */
  lookAhead: number;
  /**
   * true: `seated` is exactly who is at the tables now (table occupancy is tracked).
   * false: `seated` is every party seated recently and some may have left unseen; their tables are
   * counted as busy only with the probability that they are still there.
   */
  occupancyKnown: boolean;
}

/** A wait: a single figure and the range it falls in for most parties, in whole minutes from now. */
export interface WaitEstimate {
  minutes: number;
  low: number;
  high: number;
}
