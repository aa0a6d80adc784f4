// A returning guest on the host screen (issue 22): the mark on their row, and the card in the opened
// party with visits, last visit, the account's tags (VIP…) and notes about the guest — notes that
// follow the guest to every location, unlike the party's own. Owners and admins can erase the guest
// (a data-subject request). Staff only: none of it is on a guest page or the board.
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, errorText } from "../shared/api";
import type { Guest } from "../shared/types";
import { dateText, visitsText, type GuestBook } from "./guest-history";
import { authed, getSession } from "./session";
import "./guest-card.css";

const VIP = "VIP";

/** The row's small mark: "returning · 3 visits" and the guest's tags. */
export function GuestMark({ guest }: { guest: Guest | null | undefined }) {
  if (!guest) return null;
  return (
    <>
      {guest.visitCount > 0 ? <span class="tag returning" data-testid="returning">returning · {visitsText(guest.visitCount)}</span> : null}
      {guest.tags.map((t) => <span class={`tag guest-tag ${t === VIP ? "vip" : ""}`} key={`g-${t}`}>{t}</span>)}
    </>
  );
}

export function GuestCard(props: { phone: string; partyId: string; book: GuestBook; onNews: (text: string, error?: boolean) => void }) {
  const { phone, book } = props;
  const guest = book.of(phone);
  const [notes, setNotes] = useState(guest?.notes ?? "");
  const [newTag, setNewTag] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = useRef<HTMLDialogElement>(null);
  const role = getSession()?.user.role;
  const canErase = role === "owner" || role === "admin";
  const id = `guest-${props.partyId}`;

  useEffect(() => {
    book.refresh(phone).catch(() => setError("Could not load this guest's history."));
  }, [phone]);
  useEffect(() => setNotes(guest?.notes ?? ""), [guest?.id, guest?.notes]);

  async function save(change: { tags?: string[]; notes?: string }) {
    setBusy(true);
    setError(null);
    try {
      const saved = guest
        ? await authed<Guest>(`/api/guests/${guest.id}`, { method: "PATCH", body: change })
        : await authed<Guest>("/api/guests", { method: "POST", body: { phone, ...change } });
      book.put(saved);
      props.onNews("Guest saved.");
    } catch (e) {
      // Someone started this guest's history a moment ago: take theirs and try again.
      if (e instanceof ApiError && e.status === 409) await book.refresh(phone);
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  async function erase() {
    if (!guest) return;
    setBusy(true);
    try {
      await authed(`/api/guests/${guest.id}`, { method: "DELETE" });
      confirm.current?.close();
      book.forget(phone);
      props.onNews("Guest erased: their history, tags and notes at every location.");
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  const tags = guest?.tags ?? [];
  const vip = tags.includes(VIP);
  const last = guest?.lastVisit;
  return (
    <section class="guest-card" aria-labelledby={`${id}-title`} data-testid="guest-card">
      <h3 id={`${id}-title`}>Guest history</h3>
      {guest === undefined && !error ? (
        <p class="muted small">Looking up this number…</p>
      ) : (
        <p class="small" data-testid="guest-visits">
          {guest && guest.visitCount > 0 ? (
            <>
              <b>Returning · {visitsText(guest.visitCount)}</b>
              {last ? <> · last visit <span data-testid="last-visit">{dateText(last.date)}</span> at {last.location.name}</> : null}
            </>
          ) : (
            "First visit (no earlier visits kept)."
          )}
        </p>
      )}
      <div class="row guest-tags" role="group" aria-label="Guest tags">
        <button type="button" class="choice small" aria-pressed={vip} disabled={busy || guest === undefined} onClick={() => save({ tags: vip ? tags.filter((t) => t !== VIP) : [...tags, VIP] })}>VIP</button>
        {tags.filter((t) => t !== VIP).map((t) => (
          <button type="button" class="choice small" aria-pressed={true} aria-label={`Remove tag ${t}`} disabled={busy} onClick={() => save({ tags: tags.filter((x) => x !== t) })} key={t}>{t} ×</button>
        ))}
        <form class="row add-guest-tag" onSubmit={(e) => { e.preventDefault(); const t = newTag.trim(); if (t && !tags.some((x) => x.toLowerCase() === t.toLowerCase())) void save({ tags: [...tags, t] }).then(() => setNewTag("")); }}>
          <label class="sr-only" for={`${id}-tag`}>New guest tag</label>
          <input id={`${id}-tag`} type="text" placeholder="Add a tag" maxLength={32} value={newTag} onInput={(e) => setNewTag(e.currentTarget.value)} />
          <button class="btn" type="submit" disabled={busy || !newTag.trim() || guest === undefined}>Add</button>
        </form>
      </div>
      <div class="field">
        <label for={`${id}-notes`}>Guest notes <span class="muted small">(every location, every visit)</span></label>
        <textarea id={`${id}-notes`} value={notes} maxLength={1000} onInput={(e) => setNotes(e.currentTarget.value)} />
      </div>
      <div class="row detail-acts">
        <button class="btn" disabled={busy || guest === undefined || notes.trim() === (guest?.notes ?? "")} onClick={() => save({ notes: notes.trim() })}>Save guest notes</button>
        <span class="spacer" />
        {canErase && guest ? <button class="btn danger" disabled={busy} onClick={() => confirm.current?.showModal()}>Erase guest…</button> : null}
      </div>
      {error ? <p class="field-error" role="alert">{error}</p> : null}
      <dialog ref={confirm} class="card confirm-dialog" aria-labelledby={`${id}-erase`}>
        <h2 id={`${id}-erase`}>Erase this guest?</h2>
        <p>For a guest who asked to be forgotten: deletes every visit, party and booking with this number at every location (including one in line now or booked ahead), their texts, tags and notes. It cannot be undone. A guest who replied STOP stays opted out.</p>
        <div class="row acts-gap">
          <button class="btn" autoFocus onClick={() => confirm.current?.close()}>Keep</button>
          <button class="btn danger" disabled={busy} onClick={() => void erase()}>Erase guest</button>
        </div>
      </dialog>
    </section>
  );
}

/**
 * E.164 as the server will read a number typed in the add form: "+…" as typed, otherwise national in
 * the location's calling code (a leading trunk 0 dropped). Only a hint's guess: the server decides.
 */
export function typedE164(typed: string, callingCode: string): string | null {
  const digits = typed.replace(/[^\d]/g, "");
  if (typed.trim().startsWith("+")) return digits.length >= 8 ? `+${digits}` : null;
  const national = digits.replace(/^0/, "");
  if (national.length < 7) return null;
  return callingCode === "1" && national.length === 11 && national.startsWith("1") ? `+${national}` : `+${callingCode}${national}`;
}

/** Under the add form's phone field: whether the number typed is a returning guest (asked after a pause in typing). */
export function ReturningHint({ phone, callingCode }: { phone: string; callingCode: string }) {
  const [guest, setGuest] = useState<Guest | null>(null);
  const e164 = typedE164(phone, callingCode);
  useEffect(() => {
    setGuest(null);
    if (!e164) return;
    const ask = new AbortController();
    const t = setTimeout(() => {
      authed<{ items: Guest[] }>(`/api/guests?phone=${encodeURIComponent(e164)}`, { signal: ask.signal }).then((r) => setGuest(r.items[0] ?? null), () => {});
    }, 400);
    return () => {
      clearTimeout(t);
      ask.abort();
    };
  }, [e164]);
  if (!guest || (guest.visitCount === 0 && guest.tags.length === 0)) return null;
  return (
    <p class="small returning-hint" role="status" data-testid="returning-hint">
      {guest.visitCount > 0 ? <>Returning guest · {visitsText(guest.visitCount)}{guest.lastVisit ? `, last ${dateText(guest.lastVisit.date)}` : ""}</> : "Known guest"}
      {guest.tags.length ? ` · ${guest.tags.join(", ")}` : ""}
    </p>
  );
}
