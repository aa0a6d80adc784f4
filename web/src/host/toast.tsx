// The host screen's one toast: news for 6 s, with Undo for 8 s, errors for 12 s. It pauses while the
// pointer or focus is on it (WCAG 2.2.1), and it sits where it covers no row (CSS: over the side panel
// on a tablet, over the top bar on a phone).
import { useEffect, useRef, useState } from "preact/hooks";
import { Icon } from "../shared/icons";

export interface ToastMessage {
  text: string;
  error?: boolean;
  link?: string;
  undo?: () => void;
  /** A second action beside Undo (e.g. "Notify next" after an automatic no-show). */
  action?: { label: string; run: () => void };
}

const LIFETIME = { info: 6_000, undo: 8_000, error: 12_000 };

export function useToast() {
  const [toast, setToast] = useState<(ToastMessage & { id: number }) | null>(null);
  const n = useRef(0);
  const show = (m: ToastMessage) => setToast({ ...m, id: ++n.current });
  return { toast, show, dismiss: () => setToast(null) };
}

export function Toast({ toast, onDismiss }: { toast: (ToastMessage & { id: number }) | null; onDismiss: () => void }) {
  const [held, setHeld] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (timer.current) clearTimeout(timer.current);
    if (!toast || held) return;
    timer.current = setTimeout(onDismiss, toast.error ? LIFETIME.error : toast.undo || toast.action ? LIFETIME.undo : LIFETIME.info);
    return () => timer.current && clearTimeout(timer.current);
  }, [toast?.id, held]);
  useEffect(() => setHeld(false), [toast?.id]);
  if (!toast) return null;
  return (
    <div
      class={`toast ${toast.error ? "error" : ""}`}
      role={toast.error ? "alert" : "status"}
      data-testid="toast"
      onPointerEnter={() => setHeld(true)}
      onPointerLeave={() => setHeld(false)}
      onFocusIn={() => setHeld(true)}
      onFocusOut={() => setHeld(false)}
    >
      <span>{toast.text}</span>
      {toast.link ? <a href={toast.link} target="_blank" rel="noopener" data-testid="guest-link">Guest page</a> : null}
      {toast.undo ? (
        <button class="btn undo" onClick={() => { toast.undo!(); onDismiss(); }}><Icon name="undo" /> Undo</button>
      ) : null}
      {toast.action ? (
        <button class="btn primary toast-action" onClick={() => { toast.action!.run(); onDismiss(); }}>{toast.action.label}</button>
      ) : null}
      <button class="btn ghost icon" aria-label="Dismiss" onClick={onDismiss}><Icon name="x" /></button>
    </div>
  );
}
