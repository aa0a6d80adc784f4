// The display board (issue 22): what a TV by the door shows of the line, as a pure function of the
// parties. It is public — anyone in the room, and anyone who knows the slug, can open it — so it is
// built from an allow-list: a masked label, the party size and nothing else of a party. Phones,
// notes, tags, full names and ids never reach it (test/live/board-privacy.test.ts searches every
// frame for them).

/** How the board names a party: "Ana G." (first word and the last word's initial) or a number. */
export const BOARD_NAMES = ["name", "number"] as const;
export type BoardNames = (typeof BOARD_NAMES)[number];

/** Parties shown as called (the most recently notified first) and as next in line. */
export const BOARD_CALLED_MAX = 6;
export const BOARD_NEXT_MAX = 5;

export interface BoardParty {
  label: string;
  partySize: number;
}

/** One frame of the board socket: the whole board (it is small), sent on connect, on resume and on each change. */
export interface BoardView {
  open: boolean;
  called: BoardParty[];
  next: BoardParty[];
  /** The wait a party joining now would get, by size (the self check-in page's figures). */
  waits: { partySize: number; estimatedWaitMinutes: number }[];
}

export type BoardServerMessage = ({ type: "board"; version: number } & BoardView) | { type: "error"; code: string; message: string };

/** What the board needs of a party (the DO passes its parties; only these fields are read). */
export interface BoardInput {
  id: string;
  name: string;
  partySize: number;
  status: string;
  rank: number;
  notifiedAt: number | null;
}

/**
 * "Ana Garcia Lopez" → "Ana G."; a name of one word ("Garcia", often a family name) → "G.": a board
 * must never show a whole family name. The first word is cut to 12 characters.
 */
export function maskedName(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const initial = (w: string) => `${(Array.from(w)[0] ?? "?").toLocaleUpperCase()}.`;
  if (words.length === 0) return "?";
  if (words.length === 1) return initial(words[0]!);
  const first = Array.from(words[0]!).slice(0, 12).join("");
  return `${first} ${initial(words[words.length - 1]!)}`;
}

/**
 * A party's board number: three digits read off its id (random), the same on every board and
 * reconnect. Derived, not stored, so it carries nothing about the guest.
 */
export function boardNumber(id: string): string {
  const hex = id.replace(/[^0-9a-f]/gi, "").slice(-6) || "0";
  return String((parseInt(hex, 16) % 900) + 100);
}

export function boardLabel(p: Pick<BoardInput, "id" | "name">, names: BoardNames): string {
  return names === "number" ? `#${boardNumber(p.id)}` : maskedName(p.name);
}

export function boardView(
  parties: Iterable<BoardInput>,
  names: BoardNames,
  info: { open: boolean; estimates: { partySize: number; estimatedWaitMinutes: number }[] },
): BoardView {
  const notified: BoardInput[] = [];
  const waiting: BoardInput[] = [];
  for (const p of parties) {
    if (p.status === "notified") notified.push(p);
    else if (p.status === "waiting") waiting.push(p);
  }
  notified.sort((a, b) => (b.notifiedAt ?? 0) - (a.notifiedAt ?? 0) || a.rank - b.rank);
  waiting.sort((a, b) => a.rank - b.rank);
  const entry = (p: BoardInput): BoardParty => ({ label: boardLabel(p, names), partySize: p.partySize });
  return {
    open: info.open,
    called: notified.slice(0, BOARD_CALLED_MAX).map(entry),
    next: waiting.slice(0, BOARD_NEXT_MAX).map(entry),
    waits: info.estimates.map((e) => ({ partySize: e.partySize, estimatedWaitMinutes: e.estimatedWaitMinutes })),
  };
}
