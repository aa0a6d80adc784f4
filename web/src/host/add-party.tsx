// Add a party in a few taps: size, name, optionally phone, quote and tags.
import { useState } from "preact/hooks";
import { bandOf } from "../../../domain/waitlist/model";
import { Icon } from "../shared/icons";
import type { WaitlistSettings } from "../shared/types";

export interface NewParty {
  name: string;
  size: number;
  phone?: string;
  quotedWait?: number;
  tags?: string[];
  notes?: string;
  smsConsent?: boolean;
}

const TAGS = ["High chair", "Booth", "Patio", "Bar", "Accessible", "Birthday"];
const QUOTES = [5, 10, 15, 20, 30, 45, 60];

export function AddParty({ settings, onAdd, onClose }: { settings: WaitlistSettings | null; onAdd: (p: NewParty) => Promise<void>; onClose: () => void }) {
  const [size, setSize] = useState(2);
  const [name, setName] = useState("");
  const [phone, setPhone] = useState("");
  const [consent, setConsent] = useState(false);
  const [quote, setQuote] = useState<number | null>(null);
  const [tags, setTags] = useState<string[]>([]);
  const [notes, setNotes] = useState("");
  const [busy, setBusy] = useState(false);
  const max = settings?.maxPartySize ?? 12;
  const defaultQuote = settings?.quoteMinutes[bandOf(size)];

  async function submit(e: Event) {
    e.preventDefault();
    if (!name.trim()) return;
    setBusy(true);
    await onAdd({
      name: name.trim(),
      size,
      ...(phone.trim() ? { phone: phone.trim(), smsConsent: consent } : {}),
      ...(quote !== null ? { quotedWait: quote } : {}),
      ...(tags.length ? { tags } : {}),
      ...(notes.trim() ? { notes: notes.trim() } : {}),
    });
    setBusy(false);
    setName("");
    setPhone("");
    setConsent(false);
    setQuote(null);
    setTags([]);
    setNotes("");
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
      <fieldset class="bare">
        <legend>Party size</legend>
        <div class="choices sizes" role="group">
          {Array.from({ length: Math.min(max, 10) }, (_, i) => i + 1).map((n) => (
            <button type="button" class="choice" aria-pressed={size === n} onClick={() => setSize(n)} key={n}>{n}</button>
          ))}
          {max > 10 ? (
            <input aria-label="Larger party size" class="size-more" type="number" min={11} max={max} placeholder="11+" value={size > 10 ? size : ""} onInput={(e) => { const v = Number(e.currentTarget.value); if (v >= 1 && v <= max) setSize(v); }} />
          ) : null}
        </div>
      </fieldset>
      <div class="field">
        <label for="add-name">Name</label>
        <input id="add-name" type="text" value={name} onInput={(e) => setName(e.currentTarget.value)} maxLength={80} autocomplete="off" required />
      </div>
      <div class="field">
        <label for="add-phone">Mobile (optional)</label>
        <input id="add-phone" type="tel" inputMode="tel" value={phone} onInput={(e) => setPhone(e.currentTarget.value)} maxLength={32} autocomplete="off" />
        {phone.trim() ? (
          <label class="check consent">
            <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.currentTarget.checked)} />
            <span>Guest agreed to texts</span>
          </label>
        ) : null}
      </div>
      <fieldset class="bare">
        <legend>Quoted wait{defaultQuote !== undefined && quote === null ? ` (default ${defaultQuote} min)` : ""}</legend>
        <div class="choices quotes" role="group">
          {QUOTES.map((q) => (
            <button type="button" class="choice small" aria-pressed={quote === q} aria-label={`${q} minutes`} onClick={() => setQuote(quote === q ? null : q)} key={q}>{q}</button>
          ))}
        </div>
      </fieldset>
      <fieldset class="bare">
        <legend>Tags</legend>
        <div class="choices tags" role="group">
          {TAGS.map((t) => (
            <button type="button" class="choice small tag-choice" aria-pressed={tags.includes(t)} onClick={() => setTags(tags.includes(t) ? tags.filter((x) => x !== t) : [...tags, t])} key={t}>{t}</button>
          ))}
        </div>
      </fieldset>
      <details class="field">
        <summary>Notes</summary>
        <textarea aria-label="Notes" value={notes} onInput={(e) => setNotes(e.currentTarget.value)} maxLength={500} />
      </details>
      <button class="btn primary block big" type="submit" disabled={busy || !name.trim()}>
        <Icon name="plus" /> Add {name.trim() || "party"} ({size})
      </button>
    </form>
  );
}
