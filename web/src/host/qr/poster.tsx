// A printable poster: the restaurant, what the code does, the code and its address in text (for
// anyone whose camera will not scan). Print hides the buttons; the page fits A4 and Letter.
import { useTitle } from "../../shared/format";
import type { Location } from "../../shared/types";
import { guestLink, LINK_TEXT, type LinkKind } from "./links";
import { QrCode } from "./qr-code";

export function Poster({ loc, kind }: { loc: Location; kind: LinkKind }) {
  const url = guestLink(loc, kind);
  const text = LINK_TEXT[kind];
  useTitle(`${text.poster} · ${loc.name}`);
  return (
    <main class="poster" data-kind={kind}>
      <div class="row no-print poster-tools">
        <a class="btn" href="/app/settings/qr">Back to QR codes</a>
        <button class="btn primary" onClick={() => print()}>Print</button>
      </div>
      <p class="poster-name">{loc.name}</p>
      <h1>{text.poster}</h1>
      <QrCode value={url} label={`QR code: ${text.poster} at ${loc.name}, ${url}`} class="poster-qr" />
      <p class="poster-sub">{text.sub}</p>
      <p class="poster-url">{url.replace(/^https?:\/\//, "")}</p>
    </main>
  );
}
