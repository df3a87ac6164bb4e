/** The app itself: what it is and where its journal lives. */
import { version } from '../../../../package.json';
import type { appCalls } from '../../../shared/calls/app-calls';
import type { CoreContext } from '../core-context';
import type { HandlersOf } from '../handlers';

export function createAppHandlers(ctx: CoreContext): HandlersOf<typeof appCalls> {
  return {
    'app.info': () => ({
      version,
      transport: ctx.transport,
      dataDir: ctx.dataDir,
      journalFile: ctx.journal.file,
      schemaVersion: ctx.journal.schemaVersion,
      timeZone: ctx.settings.get().timeZone,
    }),
  };
}
