import { useState } from 'react';
import { dismissNotice, notify, useNotice } from './notices';
import './notices.css';

/**
 * The line that confirms what a write did, with its Undo (see notices.ts). Always in the page, so
 * screen readers hear it. In a dialog, only what was said since it opened (`since`, a notice id):
 * the welcome left by the first start does not ride along into the next dialog.
 */
export function Notices({ since = 0 }: { since?: number }) {
  const said = useNotice();
  const notice = said && said.id >= since ? said : null;
  const [busy, setBusy] = useState(false);
  return (
    <div className="notices" role="status" aria-live="polite" aria-label="What just happened">
      {notice && (
        <p className="notice">
          <span>{notice.text}</span>
          {notice.action && (
            <button
              type="button"
              className="secondary small"
              disabled={busy}
              onClick={() => {
                const { action } = notice;
                setBusy(true);
                void action!
                  .run()
                  .catch((error: unknown) => notify(`${action!.label} did not work: ${error instanceof Error ? error.message : String(error)}`))
                  .finally(() => setBusy(false));
              }}
            >
              {notice.action.label}
            </button>
          )}
          <button type="button" className="icon" aria-label="Dismiss" onClick={() => dismissNotice(notice.id)}>
            ×
          </button>
        </p>
      )}
    </div>
  );
}
