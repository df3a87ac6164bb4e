/**
 * The preload: the only bridge between the page and the main process. It exposes one function
 * per named call of the contract and a way to listen to core events; never `ipcRenderer` itself,
 * never a generic invoke.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CALL_NAMES, IPC_EVENT_CHANNEL, IPC_PREFIX } from '../shared/call-names';
import type { AfterwordBridge } from '../shared/bridge';
import type { Api } from '../shared/contract';
import type { CoreEvent } from '../shared/events';

const clientId = crypto.randomUUID();
const calls = Object.fromEntries(
  CALL_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(IPC_PREFIX + name, input, clientId)]),
) as unknown as Api;

const bridge = {
  calls,
  clientId,
  onEvent(listener: (event: CoreEvent) => void): () => void {
    const handler = (_event: unknown, coreEvent: CoreEvent): void => listener(coreEvent);
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
    return () => ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler);
  },
} satisfies AfterwordBridge;

contextBridge.exposeInMainWorld('afterword', bridge);
