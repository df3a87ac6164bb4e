import { useEffect, useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import './panel.css';

/**
 * A non-modal panel in the app's layout (the card's detail beside the board, the reflection over
 * the whole content area): the page around it stays usable, so no dialog ever has to open on top
 * of another to show it. It is a named region with its title as a heading; focus moves into it
 * when it opens (to its heading, which names it), Escape closes it (unless a dialog inside it
 * has the key), and on closing the focus goes back to what opened it: `returnTo` decides when the
 * opener is gone or was inside a dialog (the command palette), never the page's body.
 */
export function Panel({
  title,
  onClose,
  closeLabel = 'Close',
  children,
  full = false,
  hidden = false,
  className,
  returnTo,
}: {
  title: string;
  onClose: () => void;
  /** The close button's name ("Close", "Back to the card"). */
  closeLabel?: string;
  children: ReactNode;
  /** Over the whole content area (the reflection), not beside it. */
  full?: boolean;
  /** Kept mounted (with what was typed) while another panel shows over it. */
  hidden?: boolean;
  className?: string;
  /** Where the focus goes on closing when the element that opened the panel cannot have it. */
  returnTo?: (opener: HTMLElement | null) => HTMLElement | null;
}) {
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // Read while rendering, before this panel's first commit moves anything: what had the focus.
  const [opener] = useState(() => {
    const active = document.activeElement;
    return active instanceof HTMLElement && active !== document.body && !active.closest('dialog') ? active : null;
  });
  const latest = useRef({ returnTo, opener });
  latest.current = { returnTo, opener };

  useEffect(() => {
    heading.current?.focus();
    return () => {
      const { returnTo: fallback, opener: from } = latest.current;
      requestAnimationFrame(() => {
        if (document.querySelector('dialog[open]')) return; // a dialog took the focus over
        // Something already has the focus again (the panel that replaced this one): leave it there.
        const active = document.activeElement;
        if (active && active !== document.body && active.isConnected && !active.matches('main')) return;
        const usable = (el: HTMLElement | null | undefined) => (el?.isConnected && !el.closest('[inert], [hidden]') ? el : null);
        (usable(from) ?? usable(fallback?.(from)) ?? document.querySelector<HTMLElement>('main'))?.focus();
      });
    };
  }, []);

  const classes = ['panel', full ? 'full' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <section
      className={classes}
      role="region"
      aria-labelledby={titleId}
      hidden={hidden}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || e.defaultPrevented) return;
        // A dialog opened from the panel closes first (it handles its own Escape).
        if (e.target instanceof Element && e.target.closest('dialog')) return;
        e.preventDefault();
        e.stopPropagation();
        onClose();
      }}
    >
      <header className="panel-header">
        <h2 id={titleId} ref={heading} tabIndex={-1}>
          {title}
        </h2>
        <div className="panel-actions">
          <button type="button" className={closeLabel === 'Close' ? 'icon' : 'secondary'} aria-label={closeLabel === 'Close' ? 'Close' : undefined} aria-keyshortcuts="Escape" onClick={onClose}>
            {closeLabel === 'Close' ? '×' : closeLabel}
          </button>
        </div>
      </header>
      <div className="panel-body">{children}</div>
    </section>
  );
}
