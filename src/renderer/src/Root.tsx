import { useCall } from './data/hooks';
import { App } from './App';
import { RecoveryScreen } from './screens/recovery/RecoveryScreen';

/** Opens the app, or the recovery screen when the journal cannot be opened. */
export function Root() {
  const status = useCall('recovery.status', undefined);
  if (status.error) return <p role="alert">{status.error.message}</p>;
  if (!status.data) return null;
  if (status.data.problem) return <RecoveryScreen status={status.data} onRestored={() => window.location.reload()} />;
  return <App />;
}
