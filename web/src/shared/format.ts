export function minutes(n: number | null | undefined): string {
  if (n === null || n === undefined) return "–";
  if (n < 60) return `${n} min`;
  const h = Math.floor(n / 60);
  const m = n % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}

export function plural(n: number, one: string, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

export function timeOf(iso: string | number, timeZone?: string) {
  return new Date(iso).toLocaleTimeString([], { hour: "numeric", minute: "2-digit", timeZone });
}

export function useTitle(title: string) {
  document.title = title ? `${title} · Seatline` : "Seatline";
}
