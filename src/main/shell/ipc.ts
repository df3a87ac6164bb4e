/**
 * The IPC transport: one handler per named call of the contract, each refusing any sender that
 * is not the app's own page, each passing its input unchanged to the core's handler layer (which
 * validates it). Core events go to the window on one channel.
 */
import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { CALL_NAMES, IPC_EVENT_CHANNEL, IPC_PREFIX } from '../../shared/call-names';
import { originOf } from '../../shared/bridge';
import { fail } from '../../shared/result';
import type { Core } from '../core/core';
import { APP_ORIGIN } from './app-protocol';

export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const url = event.senderFrame?.url;
  if (typeof url !== 'string') return false;
  try {
    return new URL(url).origin === APP_ORIGIN || url.startsWith(APP_ORIGIN + '/');
  } catch {
    return false;
  }
}

export function registerIpc(core: Pick<Core, 'call' | 'subscribe'>, getContents: () => WebContents | undefined): () => void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(IPC_PREFIX + name, (event, input: unknown, clientId: unknown) => {
      if (!isTrustedSender(event)) return fail('forbidden', 'This call came from a page that is not Afterword.');
      return core.call(name, input, originOf('ipc', clientId));
    });
  }
  const unsubscribe = core.subscribe((coreEvent) => {
    const contents = getContents();
    if (contents && !contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, coreEvent);
  });
  return () => {
    unsubscribe();
    for (const name of CALL_NAMES) ipcMain.removeHandler(IPC_PREFIX + name);
  };
}
