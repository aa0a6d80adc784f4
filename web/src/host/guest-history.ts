// Guest history on the host screen (issue 22): which guests in the line have been here before, asked
// of GET /api/guests beside the line (never in the add party request itself, so adding stays as
// fast as it was). Numbers are asked in batches as rows appear, and asked again when a party is
// opened.
import { useEffect, useRef, useState } from "preact/hooks";
import type { Guest } from "../shared/types";
import { authed } from "./session";

/** The server's limit per look-up (src/guests/visits.ts MAX_PHONES). */
const BATCH = 50;

export interface GuestBook {
  /** A number's guest; null: no history yet; undefined: not known yet. */
  of: (phone: string | null) => Guest | null | undefined;
  /** Asks the server again (a party was opened). */
  refresh: (phone: string) => Promise<void>;
  /** The guest as the server answered a change. */
  put: (g: Guest) => void;
  /** The guest was erased. */
  forget: (phone: string) => void;
}

async function lookUp(phones: string[]): Promise<Map<string, Guest | null>> {
  const q = phones.map((p) => `phone=${encodeURIComponent(p)}`).join("&");
  const r = await authed<{ items: Guest[] }>(`/api/guests?${q}`);
  const out = new Map<string, Guest | null>(phones.map((p) => [p, null]));
  for (const g of r.items) out.set(g.phone, g);
  return out;
}

/**
 * The guest book for the parties on screen. Each party is asked about once, when it appears (a new
 * party with a known number asks again: the number may have visited since it was last asked).
 */
export function useGuestBook(parties: { id: string; phone: string | null }[]): GuestBook {
  const [known, setKnown] = useState<Map<string, Guest | null>>(new Map());
  const asked = useRef(new Set<string>());
  const merge = (m: Map<string, Guest | null>) => setKnown((k) => new Map([...k, ...m]));
  const withPhone = parties.filter((p): p is { id: string; phone: string } => !!p.phone);
  useEffect(() => {
    const fresh = withPhone.filter((p) => !asked.current.has(p.id));
    const phones = [...new Set(fresh.map((p) => p.phone))];
    for (const p of fresh) asked.current.add(p.id);
    for (let i = 0; i < phones.length; i += BATCH) {
      const batch = phones.slice(i, i + BATCH);
      lookUp(batch).then(merge, () => {
        // History is a nicety beside the line: a failed look-up is asked again with the next change.
        for (const p of fresh) if (batch.includes(p.phone)) asked.current.delete(p.id);
      });
    }
  }, [withPhone.map((p) => p.id).join(",")]);
  return {
    of: (phone) => (phone ? known.get(phone) : null),
    refresh: async (phone) => merge(await lookUp([phone])),
    put: (g) => merge(new Map([[g.phone, g]])),
    forget: (phone) => merge(new Map([[phone, null]])),
  };
}

/** "3 visits" */
export const visitsText = (n: number) => `${n} ${n === 1 ? "visit" : "visits"}`;

/** A local date ("2026-12-04", already in the visit's zone) as people read it. */
export function dateText(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, 12)).toLocaleDateString([], { timeZone: "UTC", year: "numeric", month: "short", day: "numeric" });
}
