// A QR code on the page: an SVG image with a text alternative naming where it leads.
import { useMemo } from "preact/hooks";
import { qrShape } from "./matrix";

export function QrCode({ value, label, class: cls }: { value: string; label: string; class?: string }) {
  const { size, d } = useMemo(() => qrShape(value), [value]);
  return (
    <svg class={`qr ${cls ?? ""}`} viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shape-rendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
