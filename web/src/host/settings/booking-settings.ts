// Loading and saving the location's booking rules (GET|PATCH …/booking-settings). A PATCH sends only
// the page's own fields, merged in the location's DO in one step (special dates by date, null removes
// one); the API validates the whole body before it writes, so a refused save changes nothing, and its
// answer is the rules as saved.
import { useEffect, useState } from "preact/hooks";
import { errorText } from "../../shared/api";
import type { BookingSettingsPatch } from "../../../../domain/reservations/model";
import type { BookingSettings, Location } from "../../shared/types";
import { authed } from "../session";

export function useBookingSettings(location: Location) {
  const [saved, setSaved] = useState<BookingSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setSaved(null);
    authed<BookingSettings>(`/api/locations/${location.id}/booking-settings`).then(setSaved, (e) => setError(errorText(e)));
  }, [location.id]);
  const save = async (patch: BookingSettingsPatch) => {
    const next = await authed<BookingSettings>(`/api/locations/${location.id}/booking-settings`, { method: "PATCH", body: patch });
    setSaved(next);
    return next;
  };
  return { saved, error, save };
}
