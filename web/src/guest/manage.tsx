// A guest's own booking by its manage link (/book/<token>): when, in words and in the location's
// zone; change date, time or size; cancel after a confirmation; book again once cancelled.
import { useEffect, useState } from "preact/hooks";
import { api, ApiError } from "../shared/api";
import { Icon } from "../shared/icons";
import type { Availability, GuestReservation, PublicReservation, Slot } from "../shared/types";
import { useI18n } from "./i18n/context";
import { errorMessage, GuestHeader, Loading, Notice, usePlace, useTitle } from "./shell";
import { DateAndSize, SlotPicker } from "./slots";

type ManageAnswer = GuestReservation;

export function ManageBookingPage({ token }: { token: string }) {
  const { tr } = useI18n();
  const [data, setData] = useState<ManageAnswer | null>(null);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [date, setDate] = useState("");
  const [size, setSize] = useState(2);
  const [avail, setAvail] = useState<Availability | null>(null);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const fmt = usePlace(data?.restaurant);
  const base = `/api/public/reservations/${encodeURIComponent(token)}`;
  useTitle(data ? tr.t("manage.docTitle", { name: data.restaurant.name }) : tr.t("manage.title"));

  useEffect(() => {
    api<ManageAnswer>(base).then(
      (d) => {
        setData(d);
        setDate(d.reservation.localDate);
        setSize(d.reservation.partySize);
      },
      (e) => (e instanceof ApiError && (e.status === 404 || e.status === 410) ? setMissing(true) : setError(errorMessage(tr, e))),
    );
  }, [token]);
  useEffect(() => {
    if (!editing || !data) return;
    setSlot(null);
    let current = true; // as on the booking page: only the answer for what is on screen may land
    api<Availability>(`/api/public/locations/${encodeURIComponent(data.restaurant.slug)}/availability?date=${date}&partySize=${size}`).then(
      (a) => {
        if (!current) return;
        setAvail(a);
        setError(null);
      },
      (e) => current && setError(errorMessage(tr, e)),
    );
    return () => {
      current = false;
    };
  }, [editing, date, size]);

  async function change(path: string, method: "PATCH" | "POST", body: unknown, done: "manage.changedNotice" | "manage.cancelledNotice") {
    setBusy(true);
    setError(null);
    try {
      const r = await api<{ reservation: PublicReservation }>(path, { method, body });
      setData({ ...data!, reservation: r.reservation });
      setEditing(false);
      setConfirmCancel(false);
      setNotice(tr.t(done));
    } catch (e) {
      setError(errorMessage(tr, e));
    } finally {
      setBusy(false);
    }
  }
  const save = () => {
    const body: { start?: string; partySize?: number } = {};
    if (slot) body.start = slot.start;
    if (size !== data!.reservation.partySize) body.partySize = size;
    return change(base, "PATCH", body, "manage.changedNotice");
  };

  if (missing) return <Notice state="unknown" icon="calendar" title={tr.t("manage.notFoundTitle")} body={tr.t("manage.notFoundBody")} />;
  if (!data || !fmt) return error ? <Notice state="error" icon="x" title={tr.t("manage.notFoundTitle")} body={error} /> : <Loading text={tr.t("common.loading")} />;
  const r = data.reservation;
  const cancelled = r.status === "cancelled";
  return (
    <main class="guest">
      <GuestHeader name={data.restaurant.name} icon="calendar" logoUrl={data.restaurant.logoUrl} />
      <section class={`card hero ${cancelled ? "ended" : ""}`} data-state={r.status}>
        <h1>{tr.t(cancelled ? "manage.cancelledTitle" : "manage.title")}</h1>
        <p class="big when">{fmt.time(r.start)}</p>
        <p data-testid="booking-when">{fmt.date(r.start)}</p>
        <p>
          {tr.t("common.guests", { count: r.partySize })} · {r.name}
        </p>
        {!cancelled && Date.parse(r.start) > Date.now() ? <p class="muted">{tr.t("manage.relative", { relative: fmt.relativeDays(r.start) })}</p> : null}
        {cancelled ? (
          <a class="btn primary" href={`/book/${encodeURIComponent(data.restaurant.slug)}`}>{tr.t("manage.rebook")}</a>
        ) : null}
      </section>
      {notice ? <div class="alert success" role="status">{notice}</div> : null}
      {error ? <div class="alert error" role="alert">{error}</div> : null}
      {!cancelled && data.canChange ? (
        editing ? (
          <div class="card stack">
            <DateAndSize idPrefix="m" fmt={fmt} date={date} onDate={setDate} lastDate={avail?.lastDate ?? null} size={size} onSize={setSize} maxSize={avail?.maxPartySize ?? r.partySize} />
            {avail && avail.date === date && avail.partySize === size ? <SlotPicker idPrefix="m" avail={avail} fmt={fmt} value={slot?.start ?? null} onPick={setSlot} /> : <span class="spinner" />}
            <div class="row">
              <button class="btn primary" disabled={busy || (!slot && size === r.partySize)} onClick={save}>{tr.t("manage.save")}</button>
              <button class="btn" onClick={() => setEditing(false)}>{tr.t("manage.keep")}</button>
            </div>
          </div>
        ) : confirmCancel ? (
          <div class="card stack" role="group" aria-label={tr.t("manage.cancelConfirm")}>
            <p>
              <b>{tr.t("manage.cancelConfirm")}</b>
            </p>
            <div class="row">
              <button class="btn danger" disabled={busy} onClick={() => change(`${base}/cancel`, "POST", undefined, "manage.cancelledNotice")}>{tr.t("manage.cancelYes")}</button>
              <button class="btn" onClick={() => setConfirmCancel(false)}>{tr.t("manage.cancelNo")}</button>
            </div>
          </div>
        ) : (
          <div class="actions">
            <button class="btn primary" onClick={() => setEditing(true)}>{tr.t("manage.change")}</button>
            <button class="btn danger" onClick={() => setConfirmCancel(true)}>
              <Icon name="x" /> {tr.t("manage.cancel")}
            </button>
          </div>
        )
      ) : !cancelled ? (
        <p class="muted">{tr.t("manage.tooLate")}</p>
      ) : null}
    </main>
  );
}
