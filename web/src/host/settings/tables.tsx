// Setup › Tables: tables by area and the combinations that seat big parties. Create, edit,
// deactivate (kept, but never offered) and delete with the API's rules: a table with upcoming
// bookings cannot be deleted (409; deactivate it instead), and deleting a table removes the
// combinations it belongs to (the page says so before).
import { useEffect, useState } from "preact/hooks";
import { ApiError, errorText } from "../../shared/api";
import { Icon } from "../../shared/icons";
import type { Combination, Location, Table, Tables } from "../../shared/types";
import { authed } from "../session";
import { useConfirm } from "./confirm-dialog";
import { formFailure, type FieldErrors } from "./field-errors";
import { described, FieldError, FormMessage, NumberField, Section } from "./fields";
import { useLeaveGuard } from "./leave-guard";
import {
  byArea,
  combinationBody,
  combinationErrors,
  combinationsWith,
  combinationUnavailable,
  suggestedSeats,
  tableBody,
  tableErrors,
  type CombinationDraft,
  type TableDraft,
} from "./tables-model";

type Editing = { kind: "table"; id: string | null } | { kind: "combination"; id: string | null } | null;
const seatsText = (x: { minSeats: number; maxSeats: number }) => (x.minSeats === x.maxSeats ? `${x.maxSeats} seats` : `${x.minSeats}–${x.maxSeats} seats`);

export function TablesPage({ location, canEdit }: { location: Location; canEdit: boolean }) {
  const [data, setData] = useState<Tables | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [note, setNote] = useState<{ text: string; error: boolean; tableId?: string } | null>(null);
  const [confirmIt, confirmDialog] = useConfirm();
  const base = `/api/locations/${location.id}/tables`;

  useEffect(() => {
    setData(null);
    authed<Tables>(base).then(setData, (e) => setLoadError(errorText(e)));
  }, [location.id]);

  if (loadError) return <div class="alert error" role="alert">{loadError}</div>;
  if (!data) return <span class="spinner" aria-label="Loading tables" />;
  const { tables, combinations } = data;
  const done = (next: Tables, text: string) => {
    setData({ tables: next.tables, combinations: next.combinations });
    setEditing(null);
    setNote({ text, error: false });
  };

  async function setActive(t: Table, active: boolean) {
    try {
      done(await authed<Tables>(`${base}/${t.id}`, { method: "PATCH", body: { active } }), active ? `${t.name} is offered again.` : `${t.name} is inactive: kept, but never offered for bookings.`);
    } catch (e) {
      setNote({ text: errorText(e), error: true, tableId: t.id });
    }
  }

  async function remove(item: Table | Combination, kind: "table" | "combination") {
    const also = kind === "table" ? combinationsWith(item.id, combinations) : [];
    const message =
      kind === "table"
        ? `${item.name} is deleted for good.${also.length ? ` The ${also.length === 1 ? "combination" : "combinations"} ${also.map((c) => c.name).join(", ")} ${also.length === 1 ? "goes" : "go"} with it.` : ""} To keep it for later, set it inactive instead.`
        : `The combination ${item.name} is deleted; its tables stay.`;
    if (!(await confirmIt(`Delete ${item.name}?`, message, `Delete ${item.name}`))) return;
    try {
      done(await authed<Tables>(`${base}/${item.id}`, { method: "DELETE" }), `${item.name} deleted.`);
    } catch (e) {
      // 409: upcoming bookings hold the table.
      setNote({ text: errorText(e), error: true, tableId: e instanceof ApiError && e.status === 409 ? item.id : undefined });
    }
  }

  const blocked = note?.error && note.tableId ? tables.find((t) => t.id === note.tableId) : undefined;
  return (
    <Section title={`Tables — ${location.name}`} intro="Bookings are given the smallest free table that seats the party; combinations join tables for bigger parties.">
      {confirmDialog}
      <FormMessage message={note?.text ?? null} error={!!note?.error} />
      {blocked?.active ? (
        <p><button class="btn" onClick={() => setActive(blocked, false)}>Set {blocked.name} inactive instead</button></p>
      ) : null}
      {tables.length === 0 ? <p class="empty-note">No tables yet. Add the first one below; guests can book once there is a table that fits them.</p> : null}
      {byArea(tables).map(([area, list]) => (
        <table class="list setup-table" key={area || "-"}>
          <caption>{area || "No area"}</caption>
          <thead><tr><th scope="col">Table</th><th scope="col">Seats</th><th scope="col">Status</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            {list.map((t) =>
              editing?.kind === "table" && editing.id === t.id ? (
                <tr key={t.id}><td colSpan={4}><TableForm base={base} table={t} tables={tables} onDone={done} onCancel={() => setEditing(null)} /></td></tr>
              ) : (
                <tr key={t.id} data-table={t.name}>
                  <th scope="row">{t.name}</th>
                  <td>{seatsText(t)}</td>
                  <td>{t.active ? <span class="tag ok">Offered</span> : <span class="tag">Inactive</span>}</td>
                  <td class="acts">
                    {canEdit ? (
                      <>
                        <button class="btn small" onClick={() => setEditing({ kind: "table", id: t.id })} aria-label={`Edit ${t.name}`}>Edit</button>
                        <button class="btn small" onClick={() => setActive(t, !t.active)} aria-label={`${t.active ? "Deactivate" : "Activate"} ${t.name}`}>{t.active ? "Deactivate" : "Activate"}</button>
                        <button class="btn small danger" onClick={() => remove(t, "table")} aria-label={`Delete ${t.name}`}>Delete</button>
                      </>
                    ) : null}
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      ))}
      {canEdit ? (
        editing?.kind === "table" && editing.id === null ? (
          <TableForm base={base} tables={tables} onDone={done} onCancel={() => setEditing(null)} />
        ) : (
          <button class="btn" onClick={() => setEditing({ kind: "table", id: null })}><Icon name="plus" /> Add a table</button>
        )
      ) : null}

      <h3>Combinations</h3>
      {combinations.length === 0 ? <p class="muted">None. Join two or more tables to seat a party none of them seats alone.</p> : null}
      <ul class="cards">
        {combinations.map((c) =>
          editing?.kind === "combination" && editing.id === c.id ? (
            <li key={c.id}><CombinationForm base={base} combination={c} tables={tables} onDone={done} onCancel={() => setEditing(null)} /></li>
          ) : (
            <li class="card row" key={c.id} data-combination={c.name}>
              <b>{c.name}</b>
              <span>{c.tableIds.map((id) => tables.find((t) => t.id === id)?.name ?? "?").join(" + ")}</span>
              <span class="muted">{seatsText(c)}</span>
              {combinationUnavailable(c, tables) ? <span class="tag warn">{combinationUnavailable(c, tables)}</span> : null}
              <span class="spacer" />
              {canEdit ? (
                <>
                  <button class="btn small" onClick={() => setEditing({ kind: "combination", id: c.id })} aria-label={`Edit ${c.name}`}>Edit</button>
                  <button class="btn small danger" onClick={() => remove(c, "combination")} aria-label={`Delete ${c.name}`}>Delete</button>
                </>
              ) : null}
            </li>
          ),
        )}
      </ul>
      {canEdit ? (
        editing?.kind === "combination" && editing.id === null ? (
          <CombinationForm base={base} tables={tables} onDone={done} onCancel={() => setEditing(null)} />
        ) : (
          <button class="btn" disabled={tables.length < 2} onClick={() => setEditing({ kind: "combination", id: null })}><Icon name="plus" /> Add a combination</button>
        )
      ) : null}
    </Section>
  );
}

function TableForm({ base, table, tables, onDone, onCancel }: { base: string; table?: Table; tables: Table[]; onDone: (t: Tables, text: string) => void; onCancel: () => void }) {
  const start: TableDraft = table ? { ...table } : { name: "", minSeats: 1, maxSeats: 4, area: "", active: true };
  const [d, setD] = useState<TableDraft>(start);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useLeaveGuard(JSON.stringify(d) !== JSON.stringify(start), "table changes");
  const id = table ? `tbl-${table.id.slice(0, 8)}` : "tbl-new";
  const areas = [...new Set(tables.map((t) => t.area).filter(Boolean))].sort();

  async function save(e: Event) {
    e.preventDefault();
    const local = tableErrors(d, tables.filter((t) => t.id !== table?.id));
    setErrors(local);
    if (Object.keys(local).length) return setMessage("Check the highlighted fields: nothing was saved.");
    const body = tableBody(d, table);
    if (Object.keys(body).length === 0) return onCancel();
    setBusy(true);
    try {
      const next = await authed<Tables>(table ? `${base}/${table.id}` : base, { method: table ? "PATCH" : "POST", body });
      onDone(next, table ? `${d.name.trim()} saved.` : `${d.name.trim()} added.`);
    } catch (err) {
      const f = formFailure(err, (p) => ["name", "minSeats", "maxSeats", "area", "active"].includes(p));
      setErrors(f.fields);
      setMessage(f.message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form class="card setup-form" onSubmit={save} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`}>{table ? `Edit ${table.name}` : "New table"}</h3>
      <FormMessage message={message} error />
      <div class="grid2">
        <div class={`field${errors.name ? " has-error" : ""}`}>
          <label for={`${id}-name`}>Table name</label>
          <input id={`${id}-name`} type="text" maxLength={40} value={d.name} onInput={(e) => setD({ ...d, name: e.currentTarget.value })} {...described(`${id}-name`, errors.name)} />
          <FieldError id={`${id}-name`} error={errors.name} />
        </div>
        <div class={`field${errors.area ? " has-error" : ""}`}>
          <label for={`${id}-area`}>Area (optional)</label>
          <input id={`${id}-area`} type="text" maxLength={40} list={`${id}-areas`} placeholder="e.g. Patio, Bar" value={d.area} onInput={(e) => setD({ ...d, area: e.currentTarget.value })} {...described(`${id}-area`, errors.area)} />
          <datalist id={`${id}-areas`}>{areas.map((a) => <option value={a} key={a} />)}</datalist>
          <FieldError id={`${id}-area`} error={errors.area} />
        </div>
        <NumberField id={`${id}-min`} label="Smallest party" value={d.minSeats} min={1} max={100} error={errors.minSeats} onChange={(v) => setD({ ...d, minSeats: v })} />
        <NumberField id={`${id}-max`} label="Largest party" value={d.maxSeats} min={1} max={100} error={errors.maxSeats} onChange={(v) => setD({ ...d, maxSeats: v })} />
      </div>
      <label class="check"><input type="checkbox" checked={d.active} onChange={(e) => setD({ ...d, active: e.currentTarget.checked })} /><span>Offered for bookings (untick to keep it but never offer it)</span></label>
      <div class="row">
        <button class="btn primary" disabled={busy}>{table ? "Save table" : "Add table"}</button>
        <button type="button" class="btn" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}

function CombinationForm({ base, combination, tables, onDone, onCancel }: { base: string; combination?: Combination; tables: Table[]; onDone: (t: Tables, text: string) => void; onCancel: () => void }) {
  const start: CombinationDraft = combination ? { ...combination } : { name: "", tableIds: [], minSeats: null, maxSeats: null };
  const [d, setD] = useState<CombinationDraft>(start);
  const [touchedSeats, setTouchedSeats] = useState(!!combination);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useLeaveGuard(JSON.stringify(d) !== JSON.stringify(start), "combination changes");
  const id = combination ? `cmb-${combination.id.slice(0, 8)}` : "cmb-new";

  const toggle = (tableId: string, on: boolean) => {
    const tableIds = on ? [...d.tableIds, tableId] : d.tableIds.filter((x) => x !== tableId);
    setD({ ...d, tableIds, ...(touchedSeats ? {} : suggestedSeats(tableIds, tables)) });
  };
  async function save(e: Event) {
    e.preventDefault();
    const local = combinationErrors(d);
    setErrors(local);
    if (Object.keys(local).length) return setMessage("Check the highlighted fields: nothing was saved.");
    const body = combinationBody(d, combination);
    if (Object.keys(body).length === 0) return onCancel();
    setBusy(true);
    try {
      const next = await authed<Tables>(combination ? `${base}/${combination.id}` : base, { method: combination ? "PATCH" : "POST", body });
      onDone(next, combination ? `${d.name.trim()} saved.` : `${d.name.trim()} added.`);
    } catch (err) {
      const f = formFailure(err, (p) => ["name", "minSeats", "maxSeats"].includes(p) || p.startsWith("tableIds"));
      const fields = Object.fromEntries(Object.entries(f.fields).map(([k, v]) => [k.startsWith("tableIds") ? "tableIds" : k, v]));
      setErrors(fields);
      setMessage(f.message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form class="card setup-form" onSubmit={save} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`}>{combination ? `Edit ${combination.name}` : "New combination"}</h3>
      <FormMessage message={message} error />
      <fieldset class={`bare${errors.tableIds ? " has-error" : ""}`} aria-describedby={errors.tableIds ? `${id}-tables-error` : undefined}>
        <legend>Tables joined</legend>
        <div class="choices">
          {tables.map((t) => (
            <label class="check chip" key={t.id}>
              <input type="checkbox" checked={d.tableIds.includes(t.id)} onChange={(e) => toggle(t.id, e.currentTarget.checked)} />
              <span>{t.name} <span class="muted small">({t.maxSeats})</span></span>
            </label>
          ))}
        </div>
        <FieldError id={`${id}-tables`} error={errors.tableIds} />
      </fieldset>
      <div class="grid2">
        <div class={`field${errors.name ? " has-error" : ""}`}>
          <label for={`${id}-name`}>Combination name</label>
          <input id={`${id}-name`} type="text" maxLength={40} placeholder={d.tableIds.map((x) => tables.find((t) => t.id === x)?.name).join("+")} value={d.name} onInput={(e) => setD({ ...d, name: e.currentTarget.value })} {...described(`${id}-name`, errors.name)} />
          <FieldError id={`${id}-name`} error={errors.name} />
        </div>
        <span />
        <NumberField id={`${id}-min`} label="Smallest party" value={d.minSeats} min={1} max={100} error={errors.minSeats} onChange={(v) => { setTouchedSeats(true); setD({ ...d, minSeats: v }); }} />
        <NumberField id={`${id}-max`} label="Largest party" value={d.maxSeats} min={1} max={100} error={errors.maxSeats} onChange={(v) => { setTouchedSeats(true); setD({ ...d, maxSeats: v }); }} />
      </div>
      <div class="row">
        <button class="btn primary" disabled={busy}>{combination ? "Save combination" : "Add combination"}</button>
        <button type="button" class="btn" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
