// The unsaved-changes guard: a page with edits registers here, and leaving it (another section,
// another location, sign-out, Back, closing the tab) asks first, in an in-app dialog.
import { useEffect, useRef, useState } from "preact/hooks";
import { setLeaveAsker, setLeaveGuard } from "../../shared/router";

const dirty = new Map<symbol, string>();

function refresh() {
  setLeaveGuard(dirty.size ? () => [...dirty.values()][0] ?? null : null);
}

/** While `isDirty`, leaving asks "Discard the unsaved <what>?". */
export function useLeaveGuard(isDirty: boolean, what: string) {
  const key = useRef(Symbol(what)).current;
  useEffect(() => {
    if (isDirty) dirty.set(key, `You have unsaved ${what}. Leave without saving them?`);
    else dirty.delete(key);
    refresh();
  }, [isDirty, what]);
  useEffect(
    () => () => {
      dirty.delete(key);
      refresh();
    },
    [],
  );
}

/** Mounted once in the app: the dialog the guard asks with. */
export function LeaveDialog() {
  const [ask, setAsk] = useState<{ message: string; answer: (ok: boolean) => void } | null>(null);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    setLeaveAsker((message) => new Promise<boolean>((answer) => setAsk({ message, answer })));
  }, []);
  useEffect(() => {
    if (ask && ref.current && !ref.current.open) ref.current.showModal();
  }, [ask]);
  const close = (ok: boolean) => {
    ref.current?.close();
    if (ok) dirty.clear();
    refresh();
    ask?.answer(ok);
    setAsk(null);
  };
  return (
    <dialog ref={ref} class="card leave-dialog" aria-labelledby="leave-title" onCancel={(e) => { e.preventDefault(); close(false); }}>
      <h2 id="leave-title">Unsaved changes</h2>
      <p>{ask?.message}</p>
      <div class="row">
        <button class="btn primary" autoFocus onClick={() => close(false)}>Keep editing</button>
        <button class="btn danger" onClick={() => close(true)}>Discard changes</button>
      </div>
    </dialog>
  );
}
