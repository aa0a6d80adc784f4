// A location's public pages, as guests reach them: the QR codes and posters encode these.
import type { Location } from "../../shared/types";

export type LinkKind = "join" | "book";

/**
 * The page the guest opens. The origin is the one the app is served from, which is the service's
 * APP_URL in a deployment (the API does not tell the app its APP_URL).
 */
export function guestLink(loc: Pick<Location, "slug">, kind: LinkKind, origin = location.origin): string {
  return `${origin.replace(/\/+$/, "")}/${kind}/${encodeURIComponent(loc.slug)}`;
}

export const LINK_TEXT: Record<LinkKind, { title: string; poster: string; sub: string }> = {
  join: { title: "Self check-in", poster: "Join the waitlist", sub: "Scan with your phone's camera to join the line. We'll text you when your table is ready." },
  book: { title: "Online booking", poster: "Book a table", sub: "Scan with your phone's camera to book, change or cancel a table." },
};
