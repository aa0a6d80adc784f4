// Setup › Opening hours: the services per weekday when bookings start, and special dates with their
// own services or closed. Errors land on the service or time they are about.
import { useEffect, useState } from "preact/hooks";
import { localDate } from "../../../../domain/time";
import { Icon } from "../../shared/icons";
import type { Location, Service } from "../../shared/types";
import { useBookingSettings } from "./booking-settings";
import { formFailure, type FieldErrors } from "./field-errors";
import { described, FieldError, FormMessage, Section } from "./fields";
import { hoursErrors, MAX_SERVICES, nextService, sorted, WEEK, weekdayName, type Hours, type SpecialDates } from "./hours-model";
import { useLeaveGuard } from "./leave-guard";

export function HoursPage({ location, canEdit }: { location: Location; canEdit: boolean }) {
  const { saved, error, save } = useBookingSettings(location);
  const [hours, setHours] = useState<Hours>({});
  const [special, setSpecial] = useState<SpecialDates>({});
  const [newDate, setNewDate] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [msg, setMsg] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (saved) {
      setHours(saved.hours);
      setSpecial(saved.specialDates);
    }
  }, [saved]);
  const dirty = !!saved && (JSON.stringify(norm(hours)) !== JSON.stringify(norm(saved.hours)) || JSON.stringify(byDate(special)) !== JSON.stringify(byDate(saved.specialDates)));
  useLeaveGuard(dirty, "opening hours");
  if (error) return <div class="alert error" role="alert">{error}</div>;
  if (!saved) return <span class="spinner" aria-label="Loading opening hours" />;

  const today = localDate(Date.now(), location.timezone);
  const setDay = (key: string, services: Service[], where: "hours" | "special") => (where === "hours" ? setHours({ ...hours, [key]: services }) : setSpecial({ ...special, [key]: services }));

  async function submit(e: Event) {
    e.preventDefault();
    const h = Object.fromEntries(WEEK.map((d) => [d, sorted(hours[d] ?? [])]));
    const s = Object.fromEntries(Object.keys(special).sort().map((d) => [d, sorted(special[d]!)]));
    setHours(h);
    setSpecial(s);
    const local = hoursErrors(h, s);
    setErrors(local);
    if (Object.keys(local).length) return setMsg({ text: `Check the ${Object.keys(local).length === 1 ? "highlighted time" : "highlighted times"}: nothing was saved.`, error: true });
    setBusy(true);
    try {
      // A PATCH merges special dates by date: a date taken off the list is sent as null.
      const removed = Object.keys(saved!.specialDates).filter((d) => !(d in s));
      await save({ hours: h, specialDates: { ...Object.fromEntries(removed.map((d) => [d, null])), ...s } });
      setMsg({ text: "Opening hours saved.", error: false });
    } catch (err) {
      const f = formFailure(err, (p) => p.startsWith("hours.") || p.startsWith("specialDates"));
      setErrors(f.fields);
      setMsg({ text: f.message, error: true });
    } finally {
      setBusy(false);
    }
  }

  function addDate() {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(newDate)) return setErrors({ ...errors, newDate: "Choose a date." });
    if (special[newDate]) return setErrors({ ...errors, newDate: "That date is already listed below." });
    setSpecial({ ...special, [newDate]: [] });
    setNewDate("");
    setErrors(Object.fromEntries(Object.entries(errors).filter(([k]) => k !== "newDate")));
  }

  return (
    <Section title={`Opening hours — ${location.name}`} intro={`Bookings start at a service's first time and then every slot interval, before its end. Times are ${location.timezone} local time.`}>
      <form onSubmit={submit} noValidate>
        <FormMessage message={msg?.text ?? null} error={!!msg?.error} />
        <fieldset class="bare" disabled={!canEdit}>
          <legend class="h3">Every week</legend>
          <div class="week">
            {WEEK.map((d) => (
              <Day key={d} id={`day-${d}`} label={weekdayName(d)} path={`hours.${d}`} services={hours[d] ?? []} errors={errors} onChange={(s) => setDay(d, s, "hours")} />
            ))}
          </div>
        </fieldset>
        <fieldset class="bare" disabled={!canEdit}>
          <legend class="h3">Special dates</legend>
          <p class="muted small">Holidays and events: a date here replaces that weekday's services (none = closed all day).</p>
          <div class="week">
            {Object.keys(special).sort().map((date) => (
              <Day key={date} id={`date-${date}`} label={longDate(date)} path={`specialDates.${date}`} services={special[date]!} errors={errors} past={date < today} onChange={(s) => setDay(date, s, "special")} onRemove={() => { const { [date]: _gone, ...rest } = special; setSpecial(rest); }} />
            ))}
          </div>
          <div class={`field row add-date${errors.newDate ? " has-error" : ""}`}>
            <label for="special-new" class="sr-only">Special date to add</label>
            <input id="special-new" type="date" min={today} value={newDate} onInput={(e) => setNewDate(e.currentTarget.value)} {...described("special-new", errors.newDate)} />
            <button type="button" class="btn" onClick={addDate}><Icon name="calendar" /> Add special date</button>
            <FieldError id="special-new" error={errors.newDate} />
          </div>
          <FieldError id="special-all" error={errors.specialDates} />
        </fieldset>
        {canEdit ? <div class="save-bar"><button class="btn primary" disabled={busy || !dirty}>Save opening hours</button>{dirty ? <span class="muted small">Unsaved changes</span> : null}</div> : null}
      </form>
    </Section>
  );
}

function Day({ id, label, path, services, errors, onChange, onRemove, past }: { id: string; label: string; path: string; services: Service[]; errors: FieldErrors; onChange: (s: Service[]) => void; onRemove?: () => void; past?: boolean }) {
  const set = (i: number, patch: Partial<Service>) => onChange(services.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const dayError = errors[path];
  return (
    <div class={`day${dayError ? " has-error" : ""}`} role="group" aria-labelledby={`${id}-label`} data-day={label}>
      <div class="day-head">
        <b id={`${id}-label`}>{label}</b>
        {past ? <span class="tag">past</span> : null}
        {services.length === 0 ? <span class="muted">Closed</span> : null}
      </div>
      <ul class="services">
        {services.map((s, i) => {
          const p = `${path}.${i}`;
          const rowError = errors[p];
          const sid = `${id}-${i}`;
          return (
            <li key={i} class={rowError ? "has-error" : undefined}>
              <label for={`${sid}-start`} class="sr-only">{label} service {i + 1} starts</label>
              <input id={`${sid}-start`} type="time" value={s.start} onInput={(e) => set(i, { start: e.currentTarget.value })} {...described(`${sid}-start`, errors[`${p}.start`] ?? rowError)} />
              <span aria-hidden="true">–</span>
              <label for={`${sid}-end`} class="sr-only">{label} service {i + 1} ends</label>
              <input id={`${sid}-end`} type="time" value={s.end} onInput={(e) => set(i, { end: e.currentTarget.value })} {...described(`${sid}-end`, errors[`${p}.end`] ?? rowError)} />
              <button type="button" class="btn icon ghost" aria-label={`Remove ${label} service ${i + 1}`} onClick={() => onChange(services.filter((_, j) => j !== i))}><Icon name="x" /></button>
              <FieldError id={`${sid}-start`} error={errors[`${p}.start`]} />
              <FieldError id={`${sid}-end`} error={errors[`${p}.end`] ?? rowError} />
            </li>
          );
        })}
      </ul>
      <div class="row">
        {services.length < MAX_SERVICES ? <button type="button" class="btn small" onClick={() => onChange([...services, nextService(services)])} aria-label={`Add a service on ${label}`}><Icon name="plus" /> Service</button> : null}
        {services.length > 0 && onRemove ? <button type="button" class="btn small" onClick={() => onChange([])} aria-label={`Closed all day on ${label}`}>Closed all day</button> : null}
        {onRemove ? <button type="button" class="btn small danger" onClick={onRemove} aria-label={`Remove date ${label}`}>Remove date</button> : null}
      </div>
      <FieldError id={`${id}-day`} error={dayError} />
    </div>
  );
}

function longDate(date: string) {
  const [y, m, d] = date.split("-").map(Number);
  return new Intl.DateTimeFormat(undefined, { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(Date.UTC(y!, m! - 1, d!));
}

/** A closed weekday compares equal however it is written (absent or []). */
function norm(h: Hours) {
  return Object.fromEntries(Object.entries(h).filter(([, s]) => s.length > 0).sort(([a], [b]) => a.localeCompare(b)));
}

/** A special date closed all day ([]) is a setting of its own, so it stays. */
const byDate = (d: SpecialDates) => Object.fromEntries(Object.entries(d).sort(([a], [b]) => a.localeCompare(b)));
