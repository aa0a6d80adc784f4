// Form pieces for the setup pages: an input with its label, hint and the error for its field
// (aria-invalid + aria-describedby, so a screen reader reads the error with the field).
import type { ComponentChildren } from "preact";

export function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? <p class="field-error" id={`${id}-error`}>{error}</p> : null;
}

/** aria attributes for an input with a hint and/or an error. */
export function described(id: string, error?: string, hint?: boolean) {
  const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return { "aria-invalid": error ? ("true" as const) : undefined, "aria-describedby": ids || undefined };
}

export function NumberField(props: {
  id: string;
  label: string;
  value: number | null;
  min: number;
  max: number;
  error?: string;
  hint?: string;
  unit?: string;
  disabled?: boolean;
  onChange: (v: number | null) => void;
}) {
  const { id, label, value, min, max, error, hint, unit } = props;
  return (
    <div class={`field${error ? " has-error" : ""}`}>
      <label for={id}>{label}</label>
      <div class="row nowrap">
        <input
          id={id}
          type="number"
          inputMode="numeric"
          class="num"
          min={min}
          max={max}
          step={1}
          value={value ?? ""}
          disabled={props.disabled}
          onInput={(e) => props.onChange(e.currentTarget.value === "" ? null : Number(e.currentTarget.value))}
          {...described(id, error, !!hint)}
        />
        {unit ? <span class="muted">{unit}</span> : null}
      </div>
      {hint ? <p class="hint" id={`${id}-hint`}>{hint}</p> : null}
      <FieldError id={id} error={error} />
    </div>
  );
}

export function FormMessage({ message, error }: { message: string | null; error: boolean }) {
  if (!message) return null;
  return <div class={`alert ${error ? "error" : "success"}`} role={error ? "alert" : "status"}>{message}</div>;
}

export function Section({ title, children, intro }: { title: string; intro?: ComponentChildren; children: ComponentChildren }) {
  return (
    <section class="setup">
      <h2>{title}</h2>
      {intro ? <p class="muted">{intro}</p> : null}
      {children}
    </section>
  );
}
