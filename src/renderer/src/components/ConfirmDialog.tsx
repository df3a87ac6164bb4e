import { useState } from 'react';
import type { ReactNode } from 'react';
import { Dialog } from './Dialog';
import './confirm-dialog.css';

/**
 * Asks before a change that removes something: the statement says in words what it affects, the
 * button names the act ("Delete Acme"). A refusal from the core shows here and changes nothing.
 */
export function ConfirmDialog({
  title,
  children,
  confirm,
  onConfirm,
  onCancel,
}: {
  title: string;
  children: ReactNode;
  /** The button's text: what it does. */
  confirm: string;
  /** Throws to show its message and keep the dialog open. */
  onConfirm: () => Promise<void>;
  onCancel: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function go() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setBusy(false);
    }
  }
  return (
    <Dialog title={title} onClose={onCancel}>
      <div className="stack confirm">
        {children}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="buttons">
          <button type="button" className="danger" onClick={() => void go()} disabled={busy}>
            {confirm}
          </button>
          <button type="button" className="secondary" onClick={onCancel} data-autofocus>
            Cancel
          </button>
        </div>
      </div>
    </Dialog>
  );
}
