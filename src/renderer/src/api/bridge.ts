/**
 * The renderer's one way to the core. In the app the preload has put `window.afterword` in
 * place (Electron IPC); in browser mode we build the same bridge over HTTP.
 */
import type { AfterwordBridge } from '../../../shared/bridge';
import type { Api } from '../../../shared/contract';
import { createHttpBridge, takeToken } from './http-bridge';

declare global {
  interface Window {
    readonly afterword?: AfterwordBridge;
  }
}

export const bridge: AfterwordBridge = window.afterword ?? createHttpBridge(takeToken());
export const api: Api = bridge.calls;
