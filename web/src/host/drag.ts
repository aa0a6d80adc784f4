// Drag to reorder by the grip, with pointer events so it works the same with a finger, a pen or a
// mouse (HTML5 drag and drop does not fire for touch on most tablets). Holding the row near the top
// or bottom edge scrolls the page, so a party can be dragged past the rows out of view.
// Keyboard users have the ↑/↓ buttons.
import { useState } from "preact/hooks";

const EDGE = 40;
const STEP = 14;

export function useDrag(onDrop: (id: string, overId: string | null) => void) {
  const [dragId, setDragId] = useState<string | null>(null);
  const [dropId, setDropId] = useState<string | null>(null);

  function startDrag(e: PointerEvent, id: string) {
    e.preventDefault();
    const grip = e.currentTarget as HTMLElement;
    grip.setPointerCapture?.(e.pointerId);
    setDragId(id);
    let over: string | null = null;
    let x = e.clientX;
    let y = e.clientY;
    let frame = 0;
    const rowAt = () => (document.elementFromPoint(x, y)?.closest("li.party") as HTMLElement | null)?.dataset.id ?? null;
    const track = () => {
      over = rowAt() ?? over;
      setDropId(over);
    };
    const scroll = () => {
      const top = (document.querySelector("header.topbar")?.getBoundingClientRect().bottom ?? 0) + EDGE;
      const dy = y < top ? -STEP : y > innerHeight - EDGE ? STEP : 0;
      if (dy) {
        const before = scrollY;
        scrollBy(0, dy);
        if (scrollY !== before) track();
      }
      frame = requestAnimationFrame(scroll);
    };
    frame = requestAnimationFrame(scroll);
    const onMove = (ev: PointerEvent) => {
      x = ev.clientX;
      y = ev.clientY;
      track();
    };
    const onUp = () => {
      cancelAnimationFrame(frame);
      grip.removeEventListener("pointermove", onMove);
      grip.removeEventListener("pointerup", onUp);
      grip.removeEventListener("pointercancel", onUp);
      setDragId(null);
      setDropId(null);
      onDrop(id, over);
    };
    grip.addEventListener("pointermove", onMove);
    grip.addEventListener("pointerup", onUp);
    grip.addEventListener("pointercancel", onUp);
  }
  return { dragId, dropId, startDrag };
}
