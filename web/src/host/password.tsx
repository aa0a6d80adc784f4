// A new-password field with the server's own rules checked live as the user types. The 10,000
// common passwords stay on the server (too big for the page): that rule is checked on submit.
import { useState } from "preact/hooks";
import { passwordRuleResults } from "../../../domain/password-rules";
import { Icon } from "../shared/icons";

export function passwordOk(p: string) {
  return passwordRuleResults(p).every((r) => r.ok);
}

export function NewPassword({ id, value, onInput, error, label = "Password" }: { id: string; value: string; onInput: (v: string) => void; error?: string; label?: string }) {
  const [shown, setShown] = useState(false);
  const rules = passwordRuleResults(value).filter((r) => r.rule !== "max_bytes" || !r.ok);
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <div class="row nowrap">
        <input id={id} type={shown ? "text" : "password"} autocomplete="new-password" value={value} onInput={(e) => onInput(e.currentTarget.value)} aria-describedby={`${id}-rules`} aria-invalid={!!error} class="spacer" />
        <button type="button" class="btn ghost" onClick={() => setShown(!shown)} aria-pressed={shown}>
          {shown ? "Hide" : "Show"}
        </button>
      </div>
      <ul class="rules" id={`${id}-rules`} aria-live="polite" data-testid="password-rules">
        {rules.map((r) => (
          <li class={value ? (r.ok ? "ok" : "bad") : ""} data-rule={r.rule} data-ok={String(r.ok)} key={r.rule}>
            <Icon name={r.ok ? "check" : "x"} />
            <span>
              {r.message}
              <span class="sr-only">{r.ok ? " (met)" : " (not met yet)"}</span>
            </span>
          </li>
        ))}
        <li data-rule="common">
          <Icon name="clock" />
          <span>Not one of the 10,000 most common passwords (checked when you submit).</span>
        </li>
      </ul>
      {error ? <p class="hint error-text" role="alert">{error}</p> : null}
    </div>
  );
}
