// A guest's place in line, live: position, parties ahead, estimate, how the display board by the
// door shows them (while it is on); "on my way" once almost up (or
// notified), "leave the line", and a way back in after leaving. Unknown and expired links get pages
// of their own instead of an error.
import { useEffect, useState } from "preact/hooks";
import { api, ApiError, wsUrl } from "../shared/api";
import { mayBeOnMyWay } from "../../../domain/waitlist/on-my-way";
import { Icon } from "../shared/icons";
import { LiveSocket, type LiveState } from "../shared/live";
import type { GuestServerMessage, GuestStatusAnswer } from "../shared/types";
import { useI18n } from "./i18n/context";
import { errorMessage, GuestHeader, Loading, Notice, Rich, usePlace, useTitle } from "./shell";

type Dead = "unknown" | "expired";

export function StatusPage({ token }: { token: string }) {
  const { tr } = useI18n();
  const [status, setStatus] = useState<GuestStatusAnswer | null>(null);
  const [dead, setDead] = useState<Dead | null>(null);
  const [live, setLive] = useState<LiveState>("connecting");
  const [busy, setBusy] = useState(false);
  const [confirmLeave, setConfirmLeave] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const fmt = usePlace(status?.location);
  useTitle(status ? status.restaurant : tr.t("status.docTitle"));

  useEffect(() => {
    const path = `/api/public/parties/${encodeURIComponent(token)}`;
    const fail = (e: unknown) => setDead(e instanceof ApiError && e.status === 410 ? "expired" : "unknown");
    api<GuestStatusAnswer>(path).then(setStatus, fail);
    const socket = new LiveSocket<GuestServerMessage>({
      url: async () => wsUrl(`${path}/live`),
      onState: setLive,
      onMessage: (msg) => {
        if (msg.type !== "status") return;
        const { type: _t, version: _v, ...s } = msg;
        // A status without a range (the estimate fell back to intervals) drops the old one.
        setStatus((prev) => (prev ? { ...prev, estimateRange: undefined, ...s } : prev));
      },
      // The REST answer says best why a link is dead (410 expired, 404 unknown); the socket only fills in.
      onFatal: (code) => setDead((d) => d ?? (code === "gone" ? "expired" : "unknown")),
    });
    return () => socket.stop();
  }, [token]);

  async function act(path: "on-my-way" | "cancel") {
    setBusy(true);
    setActionError(null);
    try {
      const s = await api<Partial<GuestStatusAnswer>>(`/api/public/parties/${encodeURIComponent(token)}/${path}`, { method: "POST" });
      setStatus((prev) => (prev ? { ...prev, ...s } : prev));
      setConfirmLeave(false);
    } catch (e) {
      setActionError(errorMessage(tr, e));
    } finally {
      setBusy(false);
    }
  }

  if (dead && !status) {
    return dead === "expired" ? (
      <Notice state="expired" icon="clock" title={tr.t("status.expiredTitle")} body={tr.t("status.expiredBody")} />
    ) : (
      <Notice state="invalid" icon="x" title={tr.t("status.invalidTitle")} body={tr.t("status.invalidBody")} />
    );
  }
  if (!status) return <Loading text={tr.t("status.loading")} />;

  const s = status;
  const active = s.state === "waiting" || s.state === "notified";
  const almostUp = mayBeOnMyWay(s, s.almostUpPosition);
  const slug = s.location?.slug;
  const wait = (n: number) => (fmt ? fmt.minutes(n) : String(n));
  return (
    <main class="guest">
      <GuestHeader name={s.restaurant} logoUrl={s.location?.logoUrl}>
        {active ? <span class={`live-dot ${live === "open" ? "" : "off"}`}>{tr.t(live === "open" ? "status.live" : "status.reconnecting")}</span> : null}
      </GuestHeader>
      <p class="muted">{tr.t("status.party", { name: s.partyName, count: s.size })}</p>
      <section class={`card hero ${s.state === "notified" ? "ready" : active ? "" : "ended"}`} data-state={s.state} aria-live="polite">
        {s.state === "waiting" ? (
          <h1 class="position-line">
            <Rich k="status.position" params={{ position: s.position ?? 0 }} render={{ position: (p) => <span class="big" data-testid="position">{p}</span> }} />
          </h1>
        ) : s.state === "notified" ? (
          <>
            <Icon name="bell" class="state-icon" />
            <h1>{tr.t("status.readyTitle")}</h1>
            <p>{tr.t("status.readyBody")}</p>
          </>
        ) : s.state === "seated" ? (
          <>
            <Icon name="check" class="state-icon" />
            <h1>{tr.t("status.seatedTitle")}</h1>
            <p>{tr.t("status.seatedBody", { name: s.restaurant })}</p>
          </>
        ) : (
          <>
            <Icon name="door" class="state-icon" />
            <h1>{tr.t("status.endedTitle")}</h1>
            <p>
              {tr.t(s.state === "left" ? "status.left" : s.state === "no_show" ? "status.noShow" : "status.cancelled")} {s.state === "left" ? "" : tr.t("status.mistake")}
            </p>
            {slug && (s.state === "left" || s.state === "cancelled" || s.state === "no_show") ? (
              <a class="btn primary" href={`/join/${encodeURIComponent(slug)}`}>{tr.t("status.rejoin")}</a>
            ) : null}
          </>
        )}
      </section>
      {active && s.boardLabel ? (
        <p class="board-label" data-testid="board-label">
          <Rich k="status.boardLabel" params={{ label: s.boardLabel }} render={{ label: (l) => <b>{l}</b> }} />
        </p>
      ) : null}
      {s.state === "waiting" ? (
        <div class="facts">
          <div class="fact">
            <Rich k="status.ahead" params={{ count: s.ahead ?? 0 }} render={{ count: (n) => <b>{n}</b> }} />
          </div>
          <div class="fact">
            <Rich k="status.estimate" params={{ wait: s.estimateMinutes === null ? "–" : wait(s.estimateMinutes) }} render={{ wait: (w) => <b>{w}</b> }} />
            {s.estimateRange && s.estimateRange.highMinutes > s.estimateRange.lowMinutes ? (
              <span class="range">{tr.t("status.estimateRange", { low: wait(s.estimateRange.lowMinutes), high: wait(s.estimateRange.highMinutes) })}</span>
            ) : null}
          </div>
        </div>
      ) : null}
      {s.state === "waiting" && s.quotedWait ? <p class="muted">{tr.t("status.quoted", { wait: wait(s.quotedWait) })}</p> : null}
      {actionError ? <div class="alert error" role="alert">{actionError}</div> : null}
      {active ? (
        <div class="actions">
          {s.onMyWayAt ? (
            <div class="alert success" role="status">
              <b>{tr.t("status.onMyWayThanks")}</b>
            </div>
          ) : almostUp ? (
            <button class="btn primary" disabled={busy} onClick={() => act("on-my-way")}>
              <Icon name="walk" /> {tr.t("status.onMyWay")}
            </button>
          ) : (
            <p class="muted" data-testid="on-my-way-later">{tr.t("status.onMyWayLater")}</p>
          )}
          {confirmLeave ? (
            <div class="card stack" role="group" aria-label={tr.t("status.leaveConfirm")}>
              <p>
                <b>{tr.t("status.leaveConfirm")}</b> {tr.t("status.leaveLose")}
              </p>
              <div class="row">
                <button class="btn danger" disabled={busy} onClick={() => act("cancel")}>{tr.t("status.leaveYes")}</button>
                <button class="btn" onClick={() => setConfirmLeave(false)}>{tr.t("status.stay")}</button>
              </div>
            </div>
          ) : (
            <button class="btn" onClick={() => setConfirmLeave(true)}>{tr.t("status.leave")}</button>
          )}
        </div>
      ) : null}
    </main>
  );
}
