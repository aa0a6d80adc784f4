// The guest's mobile number: typed as at home in the location's country (or with + from anywhere),
// shown back in national format once it parses. libphonenumber-js's "min" metadata loads only on
// this field's first use, so the page itself stays small; the server checks again with "max" metadata,
// which also knows a landline from a mobile.
import { useEffect, useState } from "preact/hooks";
import { useI18n } from "./i18n/context";

type Lib = typeof import("./phone-parse");
let lib: Promise<Lib> | null = null;
const loadLib = () => (lib ??= import("./phone-parse"));

export function PhoneField(props: { id: string; value: string; onInput: (v: string) => void; country: string | null; example: string | null; purpose: "visit" | "booking"; error?: string }) {
  const { tr } = useI18n();
  const [shown, setShown] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  // The server's refusal stands until the guest changes the number.
  const [edited, setEdited] = useState(false);
  useEffect(() => setEdited(false), [props.error]);
  useEffect(() => {
    void loadLib();
  }, []);

  async function onBlur() {
    const text = props.value.trim();
    if (!text) return setShown(null);
    const { shownBack } = await loadLib();
    const formatted = shownBack(text, props.country);
    if (formatted) {
      setShown(formatted);
      setInvalid(false);
      if (formatted !== text) props.onInput(formatted);
    } else {
      setShown(null);
      setInvalid(text.replace(/\D/g, "").length >= 6);
    }
  }

  const hintId = `${props.id}-hint`;
  const error = (edited ? undefined : props.error) ?? (invalid ? tr.t("form.phoneInvalid") : null);
  return (
    <div class="field">
      <label for={props.id}>{tr.t("form.phone")}</label>
      <input
        id={props.id}
        type="tel"
        autocomplete="tel-national"
        inputMode="tel"
        value={props.value}
        onInput={(e) => {
          props.onInput(e.currentTarget.value);
          setEdited(true);
          setShown(null);
          setInvalid(false);
        }}
        onBlur={onBlur}
        maxLength={32}
        aria-invalid={!!error}
        aria-describedby={hintId}
      />
      <div id={hintId}>
        <p class="hint">{tr.t(props.purpose === "visit" ? "form.phoneHintVisit" : "form.phoneHintBooking")}</p>
        {error ? (
          <p class="hint error-text" role="alert">{error}</p>
        ) : shown ? (
          <p class="hint" data-testid="phone-shown">{tr.t("form.phoneWillText", { phone: shown })}</p>
        ) : props.example ? (
          <p class="hint">{tr.t("form.phoneExample", { example: props.example })}</p>
        ) : null}
      </div>
    </div>
  );
}
