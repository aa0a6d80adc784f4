// A searchable time-zone field (ARIA 1.2 combobox with a list box): type part of a city or region,
// pick with the arrows and Enter, or by tap. Each choice shows its UTC offset now.
import { useMemo, useState } from "preact/hooks";
import { described, FieldError } from "./fields";
import { offsetLabel, searchZones, timeZones } from "./time-zones";

export function TimeZonePicker({ id, value, error, onChange, disabled }: { id: string; value: string; error?: string; onChange: (v: string) => void; disabled?: boolean }) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const zones = timeZones();
  const options = useMemo(() => (open ? searchZones(zones, zones.includes(value) ? "" : value) : []), [open, value]);
  const now = Date.now();
  const listId = `${id}-list`;
  const pick = (z: string) => {
    onChange(z);
    setOpen(false);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!open) return setOpen(true);
      const n = options.length;
      if (n) setActive((a) => (a + (e.key === "ArrowDown" ? 1 : n - 1)) % n);
    } else if (e.key === "Enter" && open && options[active]) {
      e.preventDefault();
      pick(options[active]!);
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      setOpen(false);
    }
  };
  return (
    <div class={`field tz-field${error ? " has-error" : ""}`}>
      <label for={id}>Time zone</label>
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        spellcheck={false}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && options[active] ? `${id}-opt-${active}` : undefined}
        value={value}
        maxLength={64}
        disabled={disabled}
        onInput={(e) => {
          onChange(e.currentTarget.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKey}
        {...described(id, error, true)}
      />
      <p class="hint" id={`${id}-hint`}>Type a city or region, e.g. "london" or "new york". {zones.includes(value) ? `Now ${offsetLabel(value, now)}.` : ""}</p>
      <ul id={listId} role="listbox" aria-label="Time zones" class="tz-list" hidden={!open || options.length === 0}>
        {options.map((z, i) => (
          <li
            key={z}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            class={i === active ? "active" : undefined}
            onMouseDown={(e) => {
              e.preventDefault();
              pick(z);
            }}
          >
            <span>{z.replace(/_/g, " ")}</span> <span class="muted small">{offsetLabel(z, now)}</span>
          </li>
        ))}
      </ul>
      <FieldError id={id} error={error} />
    </div>
  );
}
