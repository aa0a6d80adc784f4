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

/** A clock time; host screens always pass the location's zone (one zone everywhere, the location's). */
export function timeOf(iso: string | number, timeZone?: string) {
  return new Date(iso).toLocaleTimeString([], { hour: "numeric", minute: "2-digit", timeZone });
}

/** A phone in E.164 as people read it: North American numbers nationally, others as stored. */
export function phoneText(e164: string | null): string {
  if (!e164) return "";
  const m = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return m ? `(${m[1]}) ${m[2]}-${m[3]}` : e164;
}

export function useTitle(title: string) {
  document.title = title ? `${title} · Seatline` : "Seatline";
}
