// One party opened under its own row (the Add form stays where it is): details, edit, the less
// common actions, and its texts. Escape closes it and the screen puts focus back on the row.
import { useEffect, useRef, useState } from "preact/hooks";
import { minutes, phoneText, timeOf } from "../shared/format";
import { Icon } from "../shared/icons";
import type { Location, MessageView, PartyView, RestParty, WaitlistSettings } from "../shared/types";
import { Conversation } from "./conversation";
import { EditParty } from "./edit-party";
import { GuestCard } from "./guest-card";
import type { GuestBook } from "./guest-history";

export function PartyDetail(props: {
  location: Location;
  /** The party with its remaining wait, the server's (the row's figure; see line.ts activeRows). */
  party: PartyView & { estimatedWaitMinutes?: number | null; estimatedWaitRange?: { lowMinutes: number; highMinutes: number } | null };
  settings: WaitlistSettings | null;
  messages: MessageView[];
  onMessages: (m: MessageView[]) => void;
  onAct: (action: string) => void;
  onClose: () => void;
  onUpdated: (p: RestParty) => void;
  /** Opens the Floor tab with this party picked (issue 17); absent where the location has no tables. */
  onSeatAtTable?: () => void;
  /** Guest history for parties with a phone (issue 22). */
  guests?: GuestBook;
  onNews?: (text: string, error?: boolean) => void;
}) {
  const { location: loc, party: p } = props;
  const [editing, setEditing] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [p.id]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape" || document.querySelector("dialog[open]")) return;
      if (editing) setEditing(false);
      else props.onClose();
    };
    addEventListener("keydown", onKey);
    return () => removeEventListener("keydown", onKey);
  }, [editing]);
  return (
    <section class="detail" aria-labelledby={`detail-${p.id}`}>
      <div class="row">
        <h2 id={`detail-${p.id}`} tabIndex={-1} ref={heading}>{p.name} ({p.partySize})</h2>
        <span class="spacer" />
        <button class="btn ghost icon" aria-label="Close" onClick={props.onClose}><Icon name="x" /></button>
      </div>
      <p class="muted small">
        {p.status.replace("_", "-")} · <span data-testid="joined-at">joined {timeOf(p.createdAt, loc.timezone)}</span> · quoted {minutes(p.quotedWaitMinutes)}
        {p.estimatedWaitMinutes != null ? (
          <span data-testid="detail-wait">
            {" "}· about {minutes(p.estimatedWaitMinutes)} left
            {p.estimatedWaitRange && p.estimatedWaitRange.highMinutes > p.estimatedWaitRange.lowMinutes ? ` (likely ${minutes(p.estimatedWaitRange.lowMinutes)} to ${minutes(p.estimatedWaitRange.highMinutes)})` : ""}
          </span>
        ) : null}
        {p.phone ? ` · ${phoneText(p.phone)}${p.smsConsent ? "" : " (no texts)"}` : " · no phone"}
        {p.notifiedAt ? ` · notified ${timeOf(p.notifiedAt, loc.timezone)}` : ""}
        {p.onMyWayAt ? ` · on the way since ${timeOf(p.onMyWayAt, loc.timezone)}` : ""}
      </p>
      {editing ? (
        <EditParty location={loc} party={p} settings={props.settings} onCancel={() => setEditing(false)} onSaved={(r) => { props.onUpdated(r); setEditing(false); }} />
      ) : (
        <>
          {p.notes ? <p class="notes">{p.notes}</p> : null}
          <div class="row detail-acts">
            <button class="btn" aria-label={`Edit ${p.name}`} onClick={() => setEditing(true)}>Edit</button>
            {props.onSeatAtTable ? <button class="btn" aria-label={`Seat ${p.name} at a table`} onClick={props.onSeatAtTable}><Icon name="seat" /> Seat at a table</button> : null}
            <span class="spacer" />
            <button class="btn danger" onClick={() => props.onAct("cancel")}>Cancel</button>
            <button class="btn danger" onClick={() => props.onAct("no_show")}>No-show</button>
          </div>
          {p.phone && props.guests ? <GuestCard phone={p.phone} partyId={p.id} book={props.guests} onNews={props.onNews ?? (() => {})} /> : null}
          <Conversation location={loc} party={p} messages={props.messages} onMessages={props.onMessages} />
        </>
      )}
    </section>
  );
}
