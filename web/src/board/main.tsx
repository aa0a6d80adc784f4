// The display board (/board/<slug>, issue 22): a TV by the door shows who is called now, who is
// next, the current wait by party size and a QR code to join. It follows the public board socket
// (LiveSocket: backoff, redial when the network or a sleeping TV comes back); every frame is the
// whole board, so a reconnect catches up with the first frame. When the location switches the
// board off the socket closes, and each redial reads the page info again until it is back on.
// Everything on it is in the location's default language, one of the guest pages' languages (a TV
// has no one to pick another; `?lang=` in its address overrides): its own messages (messages.ts),
// numbers and waits through Intl as the guest pages format them.
import { render } from "preact";
import { useEffect, useMemo, useState } from "preact/hooks";
import "./board.css";
import type { BoardServerMessage, BoardView } from "../../../domain/waitlist/board";
import { api, ApiError } from "../shared/api";
import { LiveSocket, type LiveState } from "../shared/live";
import { QrCode } from "../host/qr/qr-code";
import { BOARD_PALETTE, DEFAULT_ACCENT } from "./palette";
import { Formats } from "../guest/i18n/format";
import type { Language } from "../guest/i18n/languages";
import { boardTranslator, type BoardTranslator } from "./messages";

import type { BoardPage } from "../shared/types";

type Board = Extract<BoardServerMessage, { type: "board" }>;

declare global {
  interface Window {
    /** For the browser tests: drop the socket as a network would. */
    seatlineBoard?: { drop: () => void; version: () => number | null };
  }
}

const root = document.documentElement.style;
for (const [k, v] of Object.entries(BOARD_PALETTE)) root.setProperty(k, v);
root.setProperty("--b-accent", DEFAULT_ACCENT);

const slug = decodeURIComponent(location.pathname.split("/")[2] ?? "");
const sizeLabel = (tr: BoardTranslator, n: number) => tr.t("guests", { count: n });
const asked = new URLSearchParams(location.search).get("lang");

function App() {
  const [page, setPage] = useState<BoardPage | null>(null);
  const [missing, setMissing] = useState(false);
  const [board, setBoard] = useState<Board | null>(null);
  const [state, setState] = useState<LiveState>("connecting");

  useEffect(() => {
    const socket = new LiveSocket<Board>({
      // Each dial reads the page info first: the board may have been switched off or on meanwhile.
      url: async () => {
        const info = await api<BoardPage>(`/api/public/locations/${encodeURIComponent(slug)}/board`);
        setPage(info);
        root.setProperty("--b-accent", info.accentColor ?? DEFAULT_ACCENT);
        if (!info.enabled) {
          setBoard(null);
          // Not final: retried with backoff (up to 30 s), so the TV comes back when it is switched on.
          throw new ApiError(503, "board_off", "The display board is switched off.");
        }
        return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/api/public/locations/${encodeURIComponent(slug)}/board/live`;
      },
      onMessage: (m) => {
        if (m.type === "board") setBoard(m);
      },
      onState: (s) => setState(s),
      onFatal: () => setMissing(true),
    });
    window.seatlineBoard = { drop: () => socket.drop(), version: () => boardVersion };
    return () => socket.stop();
  }, []);

  useEffect(() => {
    boardVersion = board?.version ?? null;
  }, [board]);
  const tr = useMemo(() => boardTranslator(asked ?? page?.language), [page?.language]);
  useEffect(() => {
    document.documentElement.lang = tr.locale;
    document.title = page ? tr.t("docTitle", { name: page.name }) : "Seatline";
  }, [page?.name, tr]);
  const fmt = useMemo(() => (page ? new Formats(tr.locale as Language, page.country, page.timeZone) : null), [tr, page?.country, page?.timeZone]);

  if (missing) return <Notice title={tr.t("notFoundTitle")} body={tr.t("notFoundBody")} />;
  if (!page || !fmt) return <Notice title={tr.t("loading")} body="" />;
  if (!page.enabled) return <Notice title={page.name} body={tr.t("off")} />;
  return <BoardScreen page={page} board={board} state={state} fmt={fmt} tr={tr} />;
}

let boardVersion: number | null = null;

function Notice({ title, body }: { title: string; body: string }) {
  return (
    <main class="b-notice">
      <h1>{title}</h1>
      {body && <p>{body}</p>}
    </main>
  );
}

function PartyList({ parties, empty, tr }: { parties: BoardView["called"]; empty: string; tr: BoardTranslator }) {
  if (parties.length === 0) return <p class="b-empty">{empty}</p>;
  return (
    <ol class="b-list">
      {parties.map((p, i) => (
        <li key={`${p.label}-${i}`}>
          <span class="b-label">{p.label}</span>
          <span class="b-size">{sizeLabel(tr, p.partySize)}</span>
        </li>
      ))}
    </ol>
  );
}

function BoardScreen({ page, board, state, fmt, tr }: { page: BoardPage; board: Board | null; state: LiveState; fmt: Formats; tr: BoardTranslator }) {
  const status = tr.t(state === "open" ? (board?.open === false ? "closed" : "live") : "reconnecting");
  return (
    <div class="board">
      <header class="b-head">
        {page.logoUrl && <img class="b-logo" src={page.logoUrl} alt="" data-testid="board-logo" />}
        <h1>{page.name}</h1>
        <p class="b-status" role="status" data-state={state}>{status}</p>
      </header>
      <main class="b-main">
        <section class="b-panel b-called" aria-labelledby="b-called-h">
          <h2 id="b-called-h">{tr.t("calling")}</h2>
          <PartyList parties={board?.called ?? []} empty={tr.t("noneCalled")} tr={tr} />
        </section>
        <section class="b-panel b-next" aria-labelledby="b-next-h">
          <h2 id="b-next-h">{tr.t("nextUp")}</h2>
          <PartyList parties={board?.next ?? []} empty={tr.t("noneWaiting")} tr={tr} />
        </section>
        <div class="b-side">
          <section class="b-panel b-waits" aria-labelledby="b-waits-h">
            <h2 id="b-waits-h">{tr.t("currentWait")}</h2>
            {board && board.waits.length > 0 ? (
              <table>
                <tbody>
                  {waitRows(tr, board.waits).map((w) => (
                    <tr key={w.label}>
                      <th scope="row">{w.label}</th>
                      <td>{w.minutes === 0 ? tr.t("noWait") : fmt.minutes(w.minutes)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p class="b-empty">{board?.open === false ? tr.t("closedShort") : "—"}</p>
            )}
          </section>
          {board?.open !== false && (
            <section class="b-panel b-join" aria-labelledby="b-join-h">
              <p id="b-join-h">{tr.t("scan")}</p>
              <QrCode value={page.joinUrl} label={tr.t("qrLabel", { url: page.joinUrl })} />
              <p class="b-url">{page.joinUrl.replace(/^https?:\/\//, "")}</p>
            </section>
          )}
        </div>
      </main>
    </div>
  );
}

/** The waits by size, with neighbouring sizes of the same wait joined ("1–2 guests"), at most 4 rows. */
function waitRows(tr: BoardTranslator, waits: BoardView["waits"]): { label: string; minutes: number }[] {
  const rows: { from: number; to: number; minutes: number }[] = [];
  for (const w of [...waits].sort((a, b) => a.partySize - b.partySize)) {
    const last = rows[rows.length - 1];
    if (last && last.minutes === w.estimateMinutes && last.to === w.partySize - 1) last.to = w.partySize;
    else rows.push({ from: w.partySize, to: w.partySize, minutes: w.estimateMinutes });
  }
  return rows.slice(0, 4).map((r, i, all) => ({
    label:
      i === all.length - 1 && rows.length > 4
        ? tr.t("sizeAndUp", { count: r.from })
        : r.from === r.to
          ? sizeLabel(tr, r.from)
          : tr.t("sizeRange", { from: tr.value(r.from), count: r.to }),
    minutes: r.minutes,
  }));
}

render(<App />, document.getElementById("root")!);
