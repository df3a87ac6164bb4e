import { useEffect, useId, useRef, useState } from 'react';
import type { ReactNode, RefObject } from 'react';
import { openedDialog, useTopDialog } from './dialog-stack';
import { Notices } from './Notices';
import { nextNoticeId } from './notices';

/**
 * A modal dialog on the native <dialog> element: focus moves in (to `initialFocus`, else the
 * element of its body marked `data-autofocus`, else its first field, never the close button) and is trapped, Escape closes, and focus goes back to
 * where it came from. When that element is gone (the card it belonged to was redrawn, or moved to
 * another column) the element carrying the same `data-focus-key` gets it; failing that, the main
 * region does, never the page's body. `title` is its accessible name.
 */
export function Dialog({
  title,
  onClose,
  children,
  wide,
  className,
  initialFocus,
  hideTitle,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
  className?: string;
  initialFocus?: RefObject<HTMLElement | null>;
  /** The title stays the dialog's name for assistive technology but is not shown. */
  hideTitle?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [token] = useState(() => Symbol(title));
  const onTop = useTopDialog() === token;
  const [noticesSince] = useState(nextNoticeId);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    const key = previous?.closest<HTMLElement>('[data-focus-key]')?.dataset.focusKey ?? null;
    if (!dialog.open) dialog.showModal();
    const closed = openedDialog(token);
    const first =
      initialFocus?.current ??
      dialog.querySelector<HTMLElement>('.dialog-body [data-autofocus]') ??
      dialog.querySelector<HTMLElement>('.dialog-body [autofocus], .dialog-body input:not([type=hidden]):not([disabled]), .dialog-body select, .dialog-body textarea, .dialog-body button:not([disabled]), .dialog-body [tabindex="0"]');
    first?.focus();
    return () => {
      closed();
      returnFocus(previous, key);
    };
    // The dialog opens once; a new `initialFocus` later does not move the focus again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const classes = ['dialog', wide ? 'wide' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <dialog
      ref={ref}
      className={classes}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <header className={hideTitle ? 'dialog-header visually-hidden' : 'dialog-header'}>
        <h2 id={titleId}>{title}</h2>
        {!hideTitle && (
          <button type="button" className="icon" aria-label="Close" onClick={onClose}>
            ×
          </button>
        )}
      </header>
      {/* The page behind is inert: what just happened (and its Undo) shows in the top dialog. */}
      {onTop && <Notices since={noticesSince} />}
      <div className="dialog-body">{children}</div>
    </dialog>
  );
}

/** Gives the focus back after a dialog closed (after React has redrawn what the dialog changed). */
export function returnFocus(previous: HTMLElement | null, key: string | null): void {
  requestAnimationFrame(() => {
    if (document.querySelector('dialog[open]')) return; // another dialog took over
    // What the dialog led to took the focus (a card's panel opened from the palette): leave it there.
    const active = document.activeElement;
    if (active instanceof HTMLElement && active !== document.body && active.isConnected && !active.matches('main') && active !== previous) return;
    if (previous?.isConnected && !previous.closest('[inert]')) {
      previous.focus();
      return;
    }
    const replacement = key ? document.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`) : null;
    const target = replacement?.matches('button, a, input, select, textarea, [tabindex]') ? replacement : replacement?.querySelector<HTMLElement>('button, a, [tabindex]');
    (target ?? document.querySelector<HTMLElement>('main'))?.focus();
  });
}
