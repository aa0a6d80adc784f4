// Edit a party in line: every field, through the API's PATCH. A phone added later is consent for this
// visit's texts, as at the Add form, unless the host unticks it. Errors show at their field.
import { useState } from "preact/hooks";
import { errorText, fieldErrors } from "../shared/api";
import type { Location, PartyView, RestParty, WaitlistSettings } from "../shared/types";
import { tagChoices } from "./party-fields";
import { authed } from "./session";

export function EditParty({ location: loc, party: p, settings, onSaved, onCancel }: { location: Location; party: PartyView; settings: WaitlistSettings | null; onSaved: (p: RestParty) => void; onCancel: () => void }) {
  const [name, setName] = useState(p.name);
  const [size, setSize] = useState(String(p.partySize));
  const [phone, setPhone] = useState(p.phone ?? "");
  const [consent, setConsent] = useState(p.phone ? p.smsConsent : true);
  const [quote, setQuote] = useState(String(p.quotedWaitMinutes));
  const [notes, setNotes] = useState(p.notes);
  const [tags, setTags] = useState(p.tags);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = (f: string) => `edit-${p.id}-${f}`;
  const max = settings?.maxPartySize ?? 100;

  async function save(e: Event) {
    e.preventDefault();
    const patch: Record<string, unknown> = {};
    if (name.trim() !== p.name) patch.name = name.trim();
    if (Number(size) !== p.partySize) patch.partySize = Number(size);
    if (phone.trim() !== (p.phone ?? "")) patch.phone = phone.trim() || null;
    if (consent !== p.smsConsent && phone.trim()) patch.smsConsent = consent;
    if (Number(quote) !== p.quotedWaitMinutes) patch.quotedWaitMinutes = Number(quote);
    if (notes.trim() !== p.notes) patch.notes = notes.trim();
    if (tags.join("\n") !== p.tags.join("\n")) patch.tags = tags;
    if (!Object.keys(patch).length) return onCancel();
    setBusy(true);
    setErrors({});
    setError(null);
    try {
      onSaved(await authed<RestParty>(`/api/locations/${loc.id}/waitlist/${p.id}`, { method: "PATCH", body: patch }));
    } catch (err) {
      const f = fieldErrors(err);
      setErrors(f);
      if (!Object.keys(f).length) setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  const field = (key: string, label: string, input: preact.JSX.Element) => (
    <div class="field">
      <label for={id(key)}>{label}</label>
      {input}
      {errors[key] ? <p class="field-error" id={id(`${key}-error`)} role="alert">{errors[key]}</p> : null}
    </div>
  );
  const invalid = (key: string) => (errors[key] ? { "aria-invalid": true, "aria-describedby": id(`${key}-error`) } : {});

  return (
    <form class="edit" onSubmit={save} noValidate aria-label={`Edit ${p.name}`}>
      <div class="grid2">
        {field("name", "Name", <input id={id("name")} type="text" value={name} maxLength={80} onInput={(e) => setName(e.currentTarget.value)} {...invalid("name")} />)}
        {field("partySize", "Party size", <input id={id("partySize")} type="number" min={1} max={max} value={size} onInput={(e) => setSize(e.currentTarget.value)} {...invalid("partySize")} />)}
        {field("phone", "Mobile", <input id={id("phone")} type="tel" inputMode="tel" value={phone} maxLength={32} onInput={(e) => setPhone(e.currentTarget.value)} {...invalid("phone")} />)}
        {field("quotedWaitMinutes", "Quoted wait (minutes)", <input id={id("quotedWaitMinutes")} type="number" min={0} max={600} value={quote} onInput={(e) => setQuote(e.currentTarget.value)} {...invalid("quotedWaitMinutes")} />)}
      </div>
      {phone.trim() ? (
        <label class="check consent">
          <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.currentTarget.checked)} />
          <span>Text this guest about this visit</span>
        </label>
      ) : null}
      {field("notes", "Notes", <textarea id={id("notes")} value={notes} maxLength={500} rows={2} onInput={(e) => setNotes(e.currentTarget.value)} {...invalid("notes")} />)}
      <div class="choices tags" role="group" aria-label="Tags">
        {tagChoices(settings, p.tags).map((t) => (
          <button type="button" class="choice small tag-choice" aria-pressed={tags.includes(t)} onClick={() => setTags(tags.includes(t) ? tags.filter((x) => x !== t) : [...tags, t])} key={t}>{t}</button>
        ))}
      </div>
      {error ? <div class="alert error" role="alert">{error}</div> : null}
      <div class="row acts-gap">
        <button class="btn primary" type="submit" disabled={busy}>Save</button>
        <button class="btn" type="button" onClick={onCancel}>Cancel edit</button>
      </div>
    </form>
  );
}
