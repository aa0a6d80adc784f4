// Add a party in a few taps: size, name, optionally phone, quote and tags. The quote starts at the
// estimate for the chosen size (the host can change it), and a phone given to the host is consent
// for texts about this visit unless the host switches it off.
import { useState } from "preact/hooks";
import { bandOf } from "../../../domain/waitlist/model";
import { minutes } from "../shared/format";
import { Icon } from "../shared/icons";
import type { NewParty, WaitlistSettings } from "../shared/types";
import type { ShownWait } from "./line";
import { parseSize, tagChoices } from "./party-fields";
import { ReturningHint } from "./guest-card";

export type { NewParty } from "../shared/types";

export function AddParty({ settings, estimate, onAdd, onClose }: { settings: WaitlistSettings | null; estimate: (size: number) => ShownWait | null; onAdd: (p: NewParty) => Promise<void>; onClose: () => void }) {
  const [size, setSize] = useState(2);
  // The 11+ field keeps what was typed; the size follows it only while it is a valid size.
  const [more, setMore] = useState("");
  const [name, setName] = useState("");
  const [phone, setPhone] = useState("");
  const [consent, setConsent] = useState(true);
  const [quote, setQuote] = useState<number | null>(null);
  const [tags, setTags] = useState<string[]>([]);
  const [notes, setNotes] = useState("");
  const [busy, setBusy] = useState(false);
  const max = settings?.maxPartySize ?? 12;
  const sizeError = more ? ("error" in parseSize(more, max) ? (parseSize(more, max) as { error: string }).error : null) : null;
  // The server's figure for a party of this size added now (what its row, guest page and text will say).
  const shown = estimate(size);
  const est = shown?.minutes ?? null;
  const range = shown?.range && shown.range.highMinutes > shown.range.lowMinutes ? shown.range : null;
  const suggested = est ?? settings?.quotedWaitMinutes[bandOf(size)] ?? 0;
  const quoted = quote ?? suggested;

  function pick(n: number) {
    setMore("");
    setSize(n);
  }

  async function submit(e: Event) {
    e.preventDefault();
    if (!name.trim() || sizeError) return;
    setBusy(true);
    await onAdd({
      name: name.trim(),
      partySize: size,
      ...(phone.trim() ? { phone: phone.trim(), smsConsent: consent } : {}),
      quotedWaitMinutes: quoted,
      ...(tags.length ? { tags } : {}),
      ...(notes.trim() ? { notes: notes.trim() } : {}),
    });
    setBusy(false);
    setName("");
    setPhone("");
    setConsent(true);
    setQuote(null);
    setTags([]);
    setNotes("");
    setMore("");
    setSize(2);
    document.getElementById("add-name")?.focus();
  }

  return (
    <form class="add" onSubmit={submit} aria-labelledby="add-title">
      <div class="row">
        <h2 id="add-title">Add party</h2>
        <span class="spacer" />
        <button type="button" class="btn ghost icon close-add" aria-label="Close" onClick={onClose}><Icon name="x" /></button>
      </div>
      <div class="add-fields">
      <fieldset class="bare">
        <legend>Party size</legend>
        <div class="choices sizes" role="group" aria-label="Party size">
          {Array.from({ length: Math.min(max, 10) }, (_, i) => i + 1).map((n) => (
            <button type="button" class="choice" aria-pressed={!more && size === n} onClick={() => pick(n)} key={n}>{n}</button>
          ))}
          {max > 10 ? (
            <input
              aria-label="Larger party size"
              class="size-more"
              type="text"
              inputMode="numeric"
              placeholder="11+"
              value={more}
              aria-invalid={sizeError ? true : undefined}
              aria-describedby={sizeError ? "size-more-error" : undefined}
              onInput={(e) => {
                const v = e.currentTarget.value.replace(/[^\d]/g, "").slice(0, 3);
                setMore(v);
                const r = parseSize(v, max);
                if ("size" in r) setSize(r.size);
              }}
            />
          ) : null}
        </div>
        {sizeError ? <p class="field-error" id="size-more-error" role="alert">{sizeError}</p> : null}
      </fieldset>
      <div class="field">
        <label for="add-name">Name</label>
        <input id="add-name" type="text" value={name} onInput={(e) => setName(e.currentTarget.value)} maxLength={80} autocomplete="off" required />
      </div>
      <div class="field">
        <label for="add-phone">Mobile (optional)</label>
        <input id="add-phone" type="tel" inputMode="tel" value={phone} onInput={(e) => setPhone(e.currentTarget.value)} maxLength={32} autocomplete="off" />
        <ReturningHint phone={phone} callingCode={settings?.phoneCountryCode ?? "1"} />
        {phone.trim() ? (
          <label class="check consent">
            <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.currentTarget.checked)} />
            <span>Text this guest about this visit <span class="muted small">(they gave their number for it; untick if they'd rather not)</span></span>
          </label>
        ) : null}
      </div>
      <div class="field">
        <p class="estimate" data-testid="add-estimate" data-source={shown?.from}>
          {est === null ? "Estimate: not known yet" : `Estimate for ${size}: ${minutes(est)}`}
          {range ? <span class="muted small" data-testid="add-estimate-range"> (likely {minutes(range.lowMinutes)} to {minutes(range.highMinutes)})</span> : null}
          {shown?.from === "local" && est !== null ? <span class="muted small"> (offline guess)</span> : null}
        </p>
        <label for="add-quote">Quoted wait (minutes)</label>
        <input id="add-quote" type="number" min={0} max={600} value={quoted} onInput={(e) => { const v = e.currentTarget.valueAsNumber; setQuote(Number.isFinite(v) ? Math.max(0, Math.min(600, Math.round(v))) : null); }} />
      </div>
      <fieldset class="bare">
        <legend>Tags</legend>
        <div class="choices tags" role="group" aria-label="Tags">
          {tagChoices(settings).map((t) => (
            <button type="button" class="choice small tag-choice" aria-pressed={tags.includes(t)} onClick={() => setTags(tags.includes(t) ? tags.filter((x) => x !== t) : [...tags, t])} key={t}>{t}</button>
          ))}
        </div>
      </fieldset>
      <details class="field">
        <summary>Notes</summary>
        <textarea aria-label="Notes" value={notes} onInput={(e) => setNotes(e.currentTarget.value)} maxLength={500} />
      </details>
      </div>
      <button class="btn primary block big" type="submit" disabled={busy || !name.trim() || !!sizeError}>
        <Icon name="plus" /> Add {name.trim() || "party"} ({size})
      </button>
    </form>
  );
}
