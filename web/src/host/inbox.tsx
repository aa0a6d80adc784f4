// New arrivals the host has not opened yet: self check-ins, and guest replies not read yet. Opening a
// party from here (or from its row) marks it seen.
import { timeOf } from "../shared/format";
import type { Location, MessageView, PartyView } from "../shared/types";

export function Inbox({ location: loc, checkIns, replies, parties, onOpen }: { location: Location; checkIns: PartyView[]; replies: MessageView[]; parties: Map<string, PartyView>; onOpen: (id: string) => void }) {
  const go = (id: string) => {
    onOpen(id);
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`li.party[data-id="${id}"]`)?.scrollIntoView({ block: "nearest" }));
  };
  return (
    <section class="inbox" aria-labelledby="inbox-title">
      <h2 id="inbox-title">Inbox</h2>
      {checkIns.length === 0 && replies.length === 0 ? <p class="muted">Nothing new. Self check-ins and guest replies show here until you open the party.</p> : null}
      {replies.length ? (
        <>
          <h3>Unread replies</h3>
          <ul class="plain">
            {replies.map((m) => (
              <li key={m.id}>
                <button class="btn block inbox-item" onClick={() => go(m.partyId!)}>
                  <b>{parties.get(m.partyId!)?.name}</b> <span class="muted small">{timeOf(m.createdAt, loc.timezone)}</span> <span class="spacer">{m.body}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {checkIns.length ? (
        <>
          <h3>New self check-ins</h3>
          <ul class="plain">
            {checkIns.map((p) => (
              <li key={p.id}>
                <button class="btn block inbox-item" onClick={() => go(p.id)}>
                  <b>{p.name}</b> ({p.partySize}) <span class="muted small">joined {timeOf(p.createdAt, loc.timezone)}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
