// Setup › Booking rules: online booking on/off, slot interval, dining durations by party size,
// booking window, cut-off, largest online party, walk-in share, reminders and the no-show grace.
import { useEffect, useState } from "preact/hooks";
import { Icon } from "../../shared/icons";
import type { Location } from "../../shared/types";
import { useBookingSettings } from "./booking-settings";
import { formFailure, type FieldErrors } from "./field-errors";
import { FieldError, FormMessage, NumberField, Section } from "./fields";
import { NUMBERS, ruleErrors, rulesOf, type Draft, type Rules } from "./booking-rules-model";
import { useLeaveGuard } from "./leave-guard";

export function BookingRulesPage({ location, canEdit }: { location: Location; canEdit: boolean }) {
  const { saved, error, save } = useBookingSettings(location);
  const [d, setD] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [msg, setMsg] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (saved) setD(rulesOf(saved));
  }, [saved]);
  const dirty = !!saved && !!d && JSON.stringify(d) !== JSON.stringify(rulesOf(saved));
  useLeaveGuard(dirty, "booking rules");
  if (error) return <div class="alert error" role="alert">{error}</div>;
  if (!saved || !d) return <span class="spinner" aria-label="Loading booking rules" />;

  const setDuration = (i: number, patch: Partial<Draft["durations"][number]>) => setD({ ...d, durations: d.durations.map((r, j) => (j === i ? { ...r, ...patch } : r)) });

  async function submit(e: Event) {
    e.preventDefault();
    const next = { ...d!, durations: [...d!.durations].sort((a, b) => (a.maxPartySize ?? 0) - (b.maxPartySize ?? 0)) };
    setD(next);
    const local = ruleErrors(next);
    setErrors(local);
    if (Object.keys(local).length) return setMsg({ text: "Check the highlighted fields: nothing was saved.", error: true });
    setBusy(true);
    try {
      await save(next as Rules);
      setMsg({ text: "Booking rules saved.", error: false });
    } catch (err) {
      const f = formFailure(err, (p) => p in next || p.startsWith("durations"));
      setErrors(f.fields);
      setMsg({ text: f.message, error: true });
    } finally {
      setBusy(false);
    }
  }

  const largest = Math.max(0, ...d.durations.map((r) => r.maxPartySize ?? 0));
  const longest = d.durations.find((r) => r.maxPartySize === largest);
  return (
    <Section title={`Booking rules — ${location.name}`}>
      <form onSubmit={submit} noValidate>
        <FormMessage message={msg?.text ?? null} error={!!msg?.error} />
        <fieldset class="bare" disabled={!canEdit}>
          <legend class="sr-only">Booking rules</legend>
          <label class="check big-check">
            <input type="checkbox" checked={d.onlineBooking} onChange={(e) => setD({ ...d, onlineBooking: e.currentTarget.checked })} />
            <span><b>Online booking is on</b><br /><span class="muted small">Guests book at /book/{location.slug}. Off: the page says so and only hosts book.</span></span>
          </label>
          <div class="grid2">
            {NUMBERS.map((n) => (
              <NumberField key={n.key} id={`rule-${n.key}`} label={n.label} value={d[n.key]} min={n.min} max={n.max} unit={n.unit} hint={n.hint || undefined} error={errors[n.key]} onChange={(v) => setD({ ...d, [n.key]: v })} />
            ))}
          </div>
          <table class="durations">
            <caption>How long a table is held, by party size</caption>
            <thead><tr><th scope="col">Parties up to</th><th scope="col">Minutes at the table</th><th scope="col"><span class="sr-only">Remove</span></th></tr></thead>
            <tbody>
              {d.durations.map((r, i) => {
                const sizeError = errors[`durations.${i}.maxPartySize`];
                const minError = errors[`durations.${i}.minutes`];
                return (
                  <tr key={i} class={sizeError || minError ? "has-error" : undefined}>
                    <td>
                      <input id={`dur-${i}-size`} type="number" class="num" min={1} max={100} aria-label={`Rule ${i + 1}: parties up to`} value={r.maxPartySize ?? ""} onInput={(e) => setDuration(i, { maxPartySize: e.currentTarget.value === "" ? null : Number(e.currentTarget.value) })} aria-invalid={sizeError ? "true" : undefined} aria-describedby={sizeError ? `dur-${i}-size-error` : undefined} />
                      <FieldError id={`dur-${i}-size`} error={sizeError} />
                    </td>
                    <td>
                      <input id={`dur-${i}-min`} type="number" class="num" min={15} max={720} aria-label={`Rule ${i + 1}: minutes`} value={r.minutes ?? ""} onInput={(e) => setDuration(i, { minutes: e.currentTarget.value === "" ? null : Number(e.currentTarget.value) })} aria-invalid={minError ? "true" : undefined} aria-describedby={minError ? `dur-${i}-min-error` : undefined} />
                      <FieldError id={`dur-${i}-min`} error={minError} />
                    </td>
                    <td><button type="button" class="btn icon ghost" disabled={d.durations.length === 1} aria-label={`Remove rule ${i + 1}`} onClick={() => setD({ ...d, durations: d.durations.filter((_, j) => j !== i) })}><Icon name="x" /></button></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {largest && longest?.minutes ? <p class="hint">Parties larger than {largest} are given {longest.minutes} minutes too.</p> : null}
          <FieldError id="durations" error={errors.durations} />
          {d.durations.length < 20 ? <button type="button" class="btn small" onClick={() => setD({ ...d, durations: [...d.durations, { maxPartySize: (largest || 0) + 2, minutes: 120 }] })}><Icon name="plus" /> Add a size rule</button> : null}
        </fieldset>
        {canEdit ? <div class="save-bar"><button class="btn primary" disabled={busy || !dirty}>Save booking rules</button>{dirty ? <span class="muted small">Unsaved changes</span> : null}</div> : null}
      </form>
    </Section>
  );
}
