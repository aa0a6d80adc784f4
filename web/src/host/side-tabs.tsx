// ARIA tabs for the side panel (WAI-ARIA APG "tabs with automatic activation"): one tab in the Tab
// order, arrows/Home/End move and select, each tab controls its own tabpanel.
import type { ComponentChildren } from "preact";
import { useRef } from "preact/hooks";

export interface SideTab<K extends string> {
  key: K;
  label: ComponentChildren;
  panel: ComponentChildren;
}

export function SideTabs<K extends string>({ tabs, active, onSelect }: { tabs: SideTab<K>[]; active: K; onSelect: (k: K) => void }) {
  const list = useRef<HTMLDivElement>(null);
  function onKey(e: KeyboardEvent) {
    const i = tabs.findIndex((t) => t.key === active);
    const next = e.key === "ArrowRight" ? (i + 1) % tabs.length : e.key === "ArrowLeft" ? (i - 1 + tabs.length) % tabs.length : e.key === "Home" ? 0 : e.key === "End" ? tabs.length - 1 : -1;
    if (next < 0) return;
    e.preventDefault();
    onSelect(tabs[next]!.key);
    requestAnimationFrame(() => list.current?.querySelector<HTMLElement>(`#tab-${tabs[next]!.key}`)?.focus());
  }
  return (
    <>
      <div class="tabs" role="tablist" aria-label="Side panel" ref={list} onKeyDown={onKey}>
        {tabs.map((t) => (
          <button role="tab" id={`tab-${t.key}`} aria-controls={`panel-${t.key}`} aria-selected={t.key === active} tabIndex={t.key === active ? 0 : -1} class="tab" key={t.key} onClick={() => onSelect(t.key)}>
            {t.label}
          </button>
        ))}
      </div>
      {tabs.map((t) => (
        <div role="tabpanel" id={`panel-${t.key}`} aria-labelledby={`tab-${t.key}`} hidden={t.key !== active} key={t.key} class="tabpanel">
          {t.panel}
        </div>
      ))}
    </>
  );
}
