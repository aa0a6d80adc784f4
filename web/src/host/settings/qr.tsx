// Setup › QR codes: each location's self check-in and booking links as QR codes, to download as SVG
// or print as a poster (/app/poster/<location>/<join|book>).
import { useEffect, useState } from "preact/hooks";
import type { BookingSettings, Location } from "../../shared/types";
import { download } from "../qr/download";
import { guestLink, LINK_TEXT, type LinkKind } from "../qr/links";
import { qrSvgDocument } from "../qr/matrix";
import { QrCode } from "../qr/qr-code";
import { authed } from "../session";
import { Section } from "./fields";

export function QrPage({ locations }: { locations: Location[] }) {
  return (
    <Section title="QR codes" intro="Print these for the door, the tables or the window. Each opens the location's page on the guest's phone.">
      {locations.map((l) => <LocationCodes key={l.id} loc={l} />)}
    </Section>
  );
}

function LocationCodes({ loc }: { loc: Location }) {
  const [booking, setBooking] = useState<BookingSettings | null>(null);
  useEffect(() => {
    authed<BookingSettings>(`/api/locations/${loc.id}/booking-settings`).then(setBooking, () => setBooking(null));
  }, [loc.id]);
  return (
    <div class="qr-location">
      <h3>{loc.name}</h3>
      <div class="qr-grid">
        {(["join", "book"] as LinkKind[]).map((kind) => {
          const url = guestLink(loc, kind);
          const text = LINK_TEXT[kind];
          return (
            <figure class="card qr-card" key={kind} data-kind={kind}>
              <QrCode value={url} label={`QR code: ${text.title} for ${loc.name}, ${url}`} />
              <figcaption>
                <b>{text.title}</b>
                <br />
                <a href={url} target="_blank" class="small break">{url}</a>
                {kind === "book" && booking && !booking.onlineBooking ? <span class="alert warning small">Online booking is off for {loc.name}: the page tells guests so. Turn it on in Booking rules.</span> : null}
              </figcaption>
              <div class="row">
                <a class="btn small" href={`/app/poster/${loc.id}/${kind}`}>Poster to print</a>
                <button class="btn small" onClick={() => download(`${loc.slug}-${kind}-qr.svg`, "image/svg+xml", qrSvgDocument(url, `${text.title}: ${loc.name}`))}>Download SVG</button>
              </div>
            </figure>
          );
        })}
      </div>
    </div>
  );
}
