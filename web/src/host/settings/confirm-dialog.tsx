// An in-app confirmation (a modal <dialog>: focus moves into it, Escape answers no).
import { useRef, useState } from "preact/hooks";

interface Ask {
  title: string;
  message: string;
  yes: string;
  danger: boolean;
  answer: (ok: boolean) => void;
}

export function useConfirm() {
  const [ask, setAsk] = useState<Ask | null>(null);
  const ref = useRef<HTMLDialogElement>(null);
  const confirmIt = (title: string, message: string, yes: string, danger = true) =>
    new Promise<boolean>((answer) => {
      setAsk({ title, message, yes, danger, answer });
      // After Preact has rendered the dialog's text.
      requestAnimationFrame(() => ref.current && !ref.current.open && ref.current.showModal());
    });
  const close = (ok: boolean) => {
    ref.current?.close();
    ask?.answer(ok);
    setAsk(null);
  };
  const dialog = (
    <dialog ref={ref} class="card confirm-dialog" aria-labelledby="confirm-title" onCancel={(e) => { e.preventDefault(); close(false); }}>
      <h2 id="confirm-title">{ask?.title}</h2>
      <p>{ask?.message}</p>
      <div class="row">
        <button class="btn" autoFocus onClick={() => close(false)}>Keep it</button>
        <button class={`btn ${ask?.danger ? "danger" : "primary"}`} onClick={() => close(true)}>{ask?.yes}</button>
      </div>
    </dialog>
  );
  return [confirmIt, dialog] as const;
}
