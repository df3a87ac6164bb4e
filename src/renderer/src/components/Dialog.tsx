import { useEffect, useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { openedDialog, useTopDialog } from './dialog-stack';
import { Notices } from './Notices';

/**
 * A modal dialog on the native <dialog> element: focus moves in and is trapped, Escape closes,
 * focus returns where it was. `title` is its accessible name. The first field to fill in is
 * marked `data-autofocus` (the dialog opens after its content mounts, so `autoFocus` alone would
 * leave the focus on the close button).
 */
export function Dialog({ title, onClose, children, wide }: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [token] = useState(() => Symbol(title));
  const onTop = useTopDialog() === token;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal();
    const closed = openedDialog(token);
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      closed();
      previous?.focus?.();
    };
  }, [token]);
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog wide' : 'dialog'}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <header className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="icon" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="dialog-body">
        {/* The page behind is inert: what just happened (and its Undo) shows here. */}
        {onTop && <Notices />}
        {children}
      </div>
    </dialog>
  );
}
