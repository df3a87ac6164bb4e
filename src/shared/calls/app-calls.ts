/** The app itself: its version, transport, where its journal is. */
import { call, none } from './fields';

export interface AppInfo {
  readonly version: string;
  readonly transport: 'ipc' | 'http';
  readonly dataDir: string;
  readonly journalFile: string;
  readonly schemaVersion: number;
  readonly timeZone: string;
}

export const appCalls = {
  'app.info': call<AppInfo>()(none),
};
