// Loading and saving the location's booking rules (GET|PUT …/booking-settings). A PUT sends only the
// page's own fields; the API validates the whole body before it writes, so a refused save changes
// nothing, and its answer is the rules as saved.
import { useEffect, useState } from "preact/hooks";
import { errorText } from "../../shared/api";
import type { BookingSettings, Location } from "../../shared/types";
import { authed } from "../session";

export function useBookingSettings(location: Location) {
  const [saved, setSaved] = useState<BookingSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setSaved(null);
    authed<BookingSettings>(`/api/locations/${location.id}/booking-settings`).then(setSaved, (e) => setError(errorText(e)));
  }, [location.id]);
  const save = async (patch: Partial<BookingSettings>) => {
    const next = await authed<BookingSettings>(`/api/locations/${location.id}/booking-settings`, { method: "PUT", body: patch });
    setSaved(next);
    return next;
  };
  return { saved, error, save };
}
