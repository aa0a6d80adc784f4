// How the Insights page writes its figures.
export const pct = (share: number | null) => (share === null ? "–" : `${Math.round(share * 1000) / 10}%`);
export const mins = (m: number | null) => (m === null ? "–" : `${m} min`);
export const HOUR_LABEL = (h: number) => `${String(h).padStart(2, "0")}:00`;
export const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
