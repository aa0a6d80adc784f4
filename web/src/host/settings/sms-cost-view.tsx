// Under each SMS template: what the text costs as sent (segments and encoding of the rendered text,
// with the real link length), the placeholders that mean something for it, and warnings for those
// the server refuses or would send empty.
import { unknownPlaceholders, type TemplateKind } from "../../../../domain/sms/templates";
import type { Location } from "../../shared/types";
import { offeredPlaceholders, SAMPLE_NAME, SAMPLE_NAME_UCS2, smsCost } from "./sms-cost";

const seg = (n: number) => `${n} ${n === 1 ? "segment" : "segments"}`;

export function SmsCost({ kind, body, location: loc, textareaId, onInsert }: { kind: TemplateKind; body: string; location: Location; textareaId: string; onInsert: (next: string) => void }) {
  const cost = smsCost(body, kind, { origin: window.location.origin, restaurant: loc.name, locationId: loc.id, timeZone: loc.timezone });
  const unknown = unknownPlaceholders(body, kind);
  const unit = cost.sent.encoding === "GSM-7" ? "characters" : "UCS-2 units";
  const insert = (p: string) => {
    const el = document.getElementById(textareaId) as HTMLTextAreaElement | null;
    const at = el?.selectionStart ?? body.length;
    const end = el?.selectionEnd ?? at;
    onInsert(body.slice(0, at) + p + body.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(at + p.length, at + p.length);
    });
  };
  return (
    <div class="sms-cost">
      <p class="small" aria-live="polite" data-testid={`segments-${kind}`}>
        As sent: <b>{seg(cost.sent.segments)}</b> · {cost.sent.encoding} · {cost.sent.units} {unit}
        , {cost.sent.remaining} to spare
      </p>
      <p class="hint small">
        Counted on the text as a guest gets it: name "{SAMPLE_NAME}", {loc.name}{cost.linkLength ? `, a ${cost.linkLength}-character link` : ""}.
        {cost.nonGsmName.segments !== cost.sent.segments || cost.nonGsmName.encoding !== cost.sent.encoding
          ? ` A name like "${SAMPLE_NAME_UCS2}" (outside GSM-7) makes it ${seg(cost.nonGsmName.segments)} (UCS-2).`
          : ""}
      </p>
      <details class="small">
        <summary>Preview</summary>
        <p class="bubble preview" data-testid={`preview-${kind}`}>{cost.rendered}</p>
      </details>
      <div class="row placeholders" role="group" aria-label={`Placeholders for this text`}>
        <span class="small muted">Insert:</span>
        {offeredPlaceholders(kind).map((p) => (
          <button type="button" class="btn small chip" key={p} onClick={() => insert(`{${p}}`)} aria-label={`Insert {${p}}`}>{`{${p}}`}</button>
        ))}
      </div>
      {unknown.length ? <p class="field-error small" role="alert">{unknown.join(", ")} {unknown.length === 1 ? "is not a placeholder for this text" : "are not placeholders for this text"}: the server refuses to save it.</p> : null}
      {cost.empty.length ? <p class="alert warning small">{cost.empty.join(", ")} {cost.empty.length === 1 ? "is" : "are"} not known when this text is sent, so {cost.empty.length === 1 ? "it prints" : "they print"} nothing.</p> : null}
    </div>
  );
}
