import { useEffect, useState } from 'react';
import type { RecoveryStatus } from '../../shared/contract';
import { api } from './api/bridge';
import { App } from './App';
import { RecoveryScreen } from './screens/recovery/RecoveryScreen';

/** Opens the app, or the recovery screen when the journal cannot be opened. */
export function Root() {
  const [status, setStatus] = useState<RecoveryStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api['recovery.status'](undefined).then((r) => (r.ok ? setStatus(r.value) : setError(r.error.message)));
  }, []);
  if (error) return <p role="alert">{error}</p>;
  if (!status) return null;
  if (status.problem) return <RecoveryScreen status={status} onRestored={() => window.location.reload()} />;
  return <App />;
}
