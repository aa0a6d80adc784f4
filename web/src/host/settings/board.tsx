// The display board's settings (issue 22), inside the waitlist rules form: on or off, how parties
// are named, and the board's address to open on the TV (with a copy button).
import { useState } from "preact/hooks";
import type { Location, WaitlistSettings } from "../../shared/types";

export function BoardFields({ s, setS, location }: { s: WaitlistSettings; setS: (next: WaitlistSettings) => void; location: Location }) {
  const [copied, setCopied] = useState(false);
  const url = `${window.location.origin}/board/${location.slug}`;
  return (
    <fieldset class="card board-settings">
      <legend>Display board</legend>
      <label class="check">
        <input type="checkbox" checked={s.boardEnabled} onChange={(e) => setS({ ...s, boardEnabled: e.currentTarget.checked })} />
        <span>Show the display board (a public page for a TV by the door: who is called, who is next, the wait, a QR code to join)</span>
      </label>
      <fieldset class="field">
        <legend>On the board, parties are shown as</legend>
        <label class="check">
          <input type="radio" name="board-names" value="name" checked={s.boardNames === "name"} onChange={() => setS({ ...s, boardNames: "name" })} />
          <span>First name and initial ("Ana G."; a one-word name shows only its initial)</span>
        </label>
        <label class="check">
          <input type="radio" name="board-names" value="number" checked={s.boardNames === "number"} onChange={() => setS({ ...s, boardNames: "number" })} />
          <span>A number (#417)</span>
        </label>
      </fieldset>
      <div class="field">
        <label for="board-url">Board address (open it on the TV)</label>
        <div class="row nowrap">
          <input id="board-url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
          <button type="button" class="btn" onClick={async () => { await navigator.clipboard?.writeText(url).catch(() => {}); setCopied(true); }}>
            {copied ? "Copied" : "Copy board address"}
          </button>
        </div>
        <p class="hint">No phone numbers, notes, tags or full names ever reach the board. Save the rules to apply a change.</p>
      </div>
    </fieldset>
  );
}
