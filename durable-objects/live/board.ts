// The display board's sockets (issue 22): tagged "board", public, carrying only the board view
// (domain/waitlist/board.ts). After every change the board is rebuilt and sent only when it reads
// differently from the last one sent; the last frame's body is kept in meta so a DO woken from
// hibernation does not resend an unchanged board. Switching the board off closes its sockets.
// Waits also move with time alone (a seated table nears its end), so while a board is open the
// one alarm ticks every minute and the board is sent again when it reads differently.
import { boardView, type BoardView } from "../../domain/waitlist/board";
import type { WaitlistSettings } from "../../domain/waitlist/protocol";
import type { Meta } from "../storage/meta";
import type { PublicInfo } from "../waitlist/desk";
import type { Parties } from "../waitlist/parties";
import { closeQuietly } from "./close-codes";
import type { LiveHub } from "./hub";

/** Closed because the location switched its board off: not final, the page re-checks and says so. */
export const BOARD_OFF_CLOSE = 4410;
/** While a board is open, its waits are recomputed this often (they are shown in whole minutes). */
export const BOARD_TICK_MS = 60_000;

export class Board {
  constructor(
    private readonly ctx: DurableObjectState,
    private readonly hub: LiveHub,
    private readonly meta: Meta,
    private readonly parties: Parties,
    private readonly settings: () => WaitlistSettings,
    private readonly info: (at: number) => PublicInfo,
  ) {}

  sockets(): WebSocket[] {
    return this.ctx.getWebSockets("board");
  }

  view(at: number): BoardView {
    const s = this.settings();
    return boardView(this.parties.active.values(), s.boardNames, this.info(at));
  }

  /**
   * The whole board to a socket that connects or resumes (catching up is one frame). When the board
   * moved since the last frame without a change (time passing moves the waits), every board gets it.
   */
  sendTo(ws: WebSocket, at: number): void {
    const body = JSON.stringify(this.view(at));
    if (body !== this.meta.get("boardLast")) {
      this.meta.set("boardLast", body);
      this.hub.broadcast(this.sockets(), frameOf(this.hub.version, body));
    } else this.hub.send(ws, frameOf(this.hub.version, body));
  }

  /** When the alarm should next refresh the boards' waits: a minute on while one is open, else never. */
  nextTick(at: number): number | null {
    return this.settings().boardEnabled && this.sockets().length > 0 ? at + BOARD_TICK_MS : null;
  }

  /** After a change: close every board when it was switched off, else send the board if it changed. */
  changed(at: number): void {
    const sockets = this.sockets();
    if (sockets.length === 0) return;
    if (!this.settings().boardEnabled) {
      for (const ws of sockets) closeQuietly(ws, BOARD_OFF_CLOSE, "The display board is switched off.");
      this.meta.set("boardLast", "");
      return;
    }
    const body = JSON.stringify(this.view(at));
    if (body === this.meta.get("boardLast")) return;
    this.meta.set("boardLast", body);
    this.hub.broadcast(sockets, frameOf(this.hub.version, body));
  }
}

/** A board frame from the view's JSON: the view's allow-listed fields after the type and version. */
function frameOf(version: number, body: string): string {
  return `{"type":"board","version":${version},${body.slice(1)}`;
}
