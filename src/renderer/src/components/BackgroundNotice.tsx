import { useQueryClient } from '@tanstack/react-query';
import { clearBackgroundErrors, useBackgroundErrors } from '../data/background-errors';

/** A quiet line when a background refresh failed: the page keeps what it had; Retry asks again. */
export function BackgroundNotice() {
  const errors = useBackgroundErrors();
  const client = useQueryClient();
  if (errors.length === 0) return null;
  return (
    <div className="background-notice" role="status" aria-label="Refresh problems">
      <span aria-hidden="true">⚠ </span>
      Could not refresh {errors.map((e) => e.what).join(', ')}; showing what was there before. ({errors.at(-1)!.message})
      <button
        type="button"
        className="secondary small"
        onClick={() => {
          clearBackgroundErrors();
          void client.refetchQueries({ type: 'active' });
        }}
      >
        Retry
      </button>
      <button type="button" className="secondary small" onClick={clearBackgroundErrors}>
        Dismiss
      </button>
    </div>
  );
}
