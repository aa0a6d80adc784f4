// Inline SVG icons (no icon font, no requests). Decorative unless given a title.
import type { JSX } from "preact";

const paths = {
  logo: "M4 20V9l8-5 8 5v11h-5v-6H9v6H4z",
  check: "M5 12.5l4.2 4.2L19 7",
  x: "M6 6l12 12M18 6L6 18",
  bell: "M6 17h12l-1.5-2V11a4.5 4.5 0 0 0-9 0v4L6 17zm4 2a2 2 0 0 0 4 0",
  seat: "M6 4v9h9l2 7M6 13l-2 7M9 13v7",
  up: "M12 19V5M6 11l6-6 6 6",
  down: "M12 5v14M6 13l6 6 6-6",
  grip: "M9 6h.01M15 6h.01M9 12h.01M15 12h.01M9 18h.01M15 18h.01",
  sms: "M4 5h16v11H9l-5 4V5z",
  smsOk: "M4 5h16v11H9l-5 4V5zm5 5l2 2 4-4",
  smsFail: "M4 5h16v11H9l-5 4V5zm8 2.5v4m0 2.5v.01",
  plus: "M12 5v14M5 12h14",
  undo: "M9 14L4 9l5-5M4 9h10a6 6 0 0 1 0 12h-3",
  gear: "M12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6zm8 3l-2-1 .5-2.2-1.8-1.8L14.5 7 13 4h-2L9.5 7l-2.2-.5-1.8 1.8L6 11l-2 1 2 1-.5 2.2 1.8 1.8 2.2-.5L11 20h2l1.5-3 2.2.5 1.8-1.8L18 13z",
  walk: "M13 4.5a1.5 1.5 0 1 0 0-.01M10 21l2-6 3 3v3M9 12l2-4 4 1 2 3M11 8l-3 2-1 3",
  clock: "M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zm0 4v5l3 2",
  wifiOff: "M3 3l18 18M8.5 16.5a5 5 0 0 1 7 0M5 12.5a10 10 0 0 1 5-2.6M19 12.5a10 10 0 0 0-2.4-1.7M2 8.8a15 15 0 0 1 4.3-2.6M22 8.8A15 15 0 0 0 11 5M12 20h.01",
  calendar: "M4 6h16v14H4zM4 10h16M8 3v4M16 3v4",
  chat: "M4 5h16v11H9l-5 4V5zM8 9h8M8 12h5",
  door: "M6 20V4h9v16M15 4l4 2v14h-4M11 12h.01",
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, title, ...rest }: { name: IconName; title?: string } & JSX.SVGAttributes<SVGSVGElement>) {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden={title ? undefined : "true"} role={title ? "img" : undefined} focusable="false" {...rest}>
      {title ? <title>{title}</title> : null}
      <path d={paths[name]} />
    </svg>
  );
}
