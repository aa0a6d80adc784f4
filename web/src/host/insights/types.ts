// The insights reports as the API answers them (their shapes come from domain/insights/report.ts).
import type { bookingsReport, coversReport, dropOffReport, messagesReport, quoteAccuracyReport, waitsReport } from "../../../../domain/insights/report";

export interface ReportHead {
  from: string;
  to: string;
  locations: { id: string; name: string; timeZone: string }[];
}

export interface Reports {
  covers: ReportHead & ReturnType<typeof coversReport>;
  waits: ReportHead & ReturnType<typeof waitsReport>;
  quote_accuracy: ReportHead & ReturnType<typeof quoteAccuracyReport>;
  drop_off: ReportHead & ReturnType<typeof dropOffReport>;
  messages: ReportHead & ReturnType<typeof messagesReport>;
  bookings: ReportHead & ReturnType<typeof bookingsReport>;
}

export type ReportName = keyof Reports;
export const REPORT_NAMES: ReportName[] = ["covers", "waits", "quote_accuracy", "drop_off", "messages", "bookings"];
