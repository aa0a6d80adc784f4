// One row of the line, sized for a rush: ≥11 rows at 1024×768, 44×44 px targets, 8 px between
// actions. Waited, quoted and remaining are labelled in words; so are notified, late and over quote.
import type { ComponentChildren } from "preact";
import { autoNoShowAt, holdEndsAt } from "../../../domain/waitlist/hold";
import { minutes } from "../shared/format";
import { Icon } from "../shared/icons";
import type { MessageView } from "../shared/types";
import { smsStatus, type Row } from "./line";

export function PartyRow(props: {
  p: Row;
  now: number;
  /** Minutes a notified party is held before it shows as late (the location's setting). */
  hold: number;
  /** Whether the server marks it a no-show by itself when the hold runs out (the location's setting). */
  autoNoShow?: boolean;
  count: number;
  messages: MessageView[] | undefined;
  selected: boolean;
  dragging: boolean;
  dropTarget: boolean;
  isNew: boolean;
  /** The guest's history mark (guest-card.tsx GuestMark, issue 22), when the number has one. */
  guestMark?: ComponentChildren;
  onOpen: () => void;
  onNotify: () => void;
  onSeat: () => void;
  onMove: (position: number) => void;
  onGrip: (e: PointerEvent) => void;
  children?: ComponentChildren;
}) {
  const { p, now } = props;
  const waited = Math.max(0, Math.floor((now - p.createdAt) / 60000));
  const sinceNotify = p.notifiedAt !== null ? Math.max(0, Math.floor((now - p.notifiedAt) / 60000)) : null;
  // The hold counts from the notify, or from an "on my way" after it (domain/waitlist/hold.ts), as the server's.
  const holdEnd = holdEndsAt(p, props.hold);
  const late = holdEnd !== null && now >= holdEnd;
  // What the hold does next, in words: late, or (with the location's automatic no-show) a no-show.
  const autoAt = autoNoShowAt(p, { autoNoShow: !!props.autoNoShow, holdMinutes: props.hold });
  const holdLeft = holdEnd !== null && !late ? Math.max(1, Math.ceil((holdEnd - now) / 60000)) : null;
  const overQuote = p.quotedWaitMinutes > 0 && waited > p.quotedWaitMinutes;
  const sms = smsStatus(props.messages);
  const reachable = !!p.phone && p.smsConsent;
  const range = p.estimatedWaitRange && p.estimatedWaitRange.highMinutes > p.estimatedWaitRange.lowMinutes ? p.estimatedWaitRange : null;
  return (
    <li
      class={`party ${p.status} ${props.dragging ? "dragging" : ""} ${props.dropTarget ? "drop-target" : ""} ${props.selected ? "selected" : ""} ${late ? "is-late" : ""}`}
      data-party={p.name}
      data-state={p.status}
      data-id={p.id}
    >
      <span class="grip" aria-hidden="true" onPointerDown={props.onGrip}><Icon name="grip" /></span>
      <span class="pos" aria-label={`Position ${p.position}`}>{p.position}</span>
      <button class="who linkish" onClick={props.onOpen} aria-expanded={props.selected}>
        <span class="who-line">
          <span class="name">{p.name}</span>
          <span class="size" aria-label={`party of ${p.partySize}`}>{p.partySize}</span>
          {props.isNew ? <span class="tag new">New</span> : null}
        </span>
        {/* The name keeps the first line; the state follows in words (Late first: it must never be clipped). */}
        <span class="who-meta">
          {late ? <span class="tag late"><Icon name="clock" /> Late</span> : null}
          {sinceNotify !== null && p.status === "notified" ? <span class="tag notified" data-testid="since-notified">notified {sinceNotify} min ago{p.notifyCount > 1 ? ` (×${p.notifyCount})` : ""}</span> : null}
          {p.onMyWayAt ? <span class="tag omw"><Icon name="walk" /> On the way</span> : null}
          {!reachable ? <span class="no-text">No texts</span> : null}
          {p.source === "guest" ? <span class="tag self">Self check-in</span> : null}
          {props.guestMark}
          {p.tags.map((t) => <span class="tag" key={t}>{t}</span>)}
          {p.notes ? <span class="row-notes">{p.notes}</span> : null}
        </span>
      </button>
      <span class={`wait ${overQuote ? "late" : ""}`}>
        <b data-testid="waited">waited {minutes(waited)}</b>
        <span class="small" data-testid="quoted">quoted {minutes(p.quotedWaitMinutes)}</span>
        {holdLeft !== null ? (
          <span class="small" data-testid="hold-left">{autoAt !== null ? "no-show" : "late"} in {minutes(holdLeft)}</span>
        ) : overQuote ? <span class="small over">over quote</span> : p.estimatedWaitMinutes !== null ? (
          // Remaining from now (not the total since joining), as the guest's page says it; the range
          // (the floor's) is in the title and for screen readers here, shown in full in the detail.
          <span class="small" title={`Estimated wait from now${range ? `, likely ${minutes(range.lowMinutes)} to ${minutes(range.highMinutes)}` : ""}`}>
            <span data-testid="remaining">about {minutes(p.estimatedWaitMinutes)} left</span>
            {range ? <span class="sr-only">, likely {minutes(range.lowMinutes)} to {minutes(range.highMinutes)}</span> : null}
          </span>
        ) : null}
      </span>
      <span class="sms">
        {sms ? <Icon name={sms.icon} title={sms.label} class={`sms-${sms.icon}`} /> : reachable ? <Icon name="sms" title="Texts allowed" class="sms-none" /> : null}
        {sms?.error ? <span class="sms-error" role="note">{sms.error}</span> : null}
      </span>
      <span class="acts">
        <button class="btn notify" aria-label={`${p.status === "notified" ? "Notify again" : "Notify"} ${p.name}`} onClick={props.onNotify}>
          <Icon name="bell" /> {p.status === "notified" ? "Again" : "Notify"}
        </button>
        <button class="btn primary seat" aria-label={`Seat ${p.name}`} onClick={props.onSeat}>
          <Icon name="check" /> Seat
        </button>
        <button class="btn ghost icon" aria-label={`Move ${p.name} up`} disabled={p.position === 1} onClick={() => props.onMove(p.position - 1)}><Icon name="up" /></button>
        <button class="btn ghost icon" aria-label={`Move ${p.name} down`} disabled={p.position === props.count} onClick={() => props.onMove(p.position + 1)}><Icon name="down" /></button>
      </span>
      {props.children}
    </li>
  );
}
