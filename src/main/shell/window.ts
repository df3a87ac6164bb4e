/**
 * The main window. Security settings follow Electron's checklist: an isolated, sandboxed
 * renderer without Node, served from the app's own `app://` scheme, that can neither navigate
 * away nor open windows.
 */
import { BrowserWindow, screen, shell } from 'electron';
import { APP_ORIGIN, APP_URL } from './app-protocol';
import { isSafeExternalUrl } from './external-links';
import type { BoundsStore } from './window-state';
import { restoreBounds } from './window-state';

export function createMainWindow(options: { preload: string; boundsStore: BoundsStore }): BrowserWindow {
  const bounds = restoreBounds(
    options.boundsStore.get(),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = new BrowserWindow({
    ...bounds,
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: 'Afterword',
    backgroundColor: '#1b1d22',
    // Written out here (not built by a helper) so reviewers and Electronegativity see them.
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  });
  if (bounds.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  const remember = (): void => {
    if (win.isDestroyed() || win.isMinimized()) return;
    options.boundsStore.set({ ...win.getNormalBounds(), maximized: win.isMaximized() });
  };
  win.on('resized', remember);
  win.on('moved', remember);
  win.on('close', remember);

  const contents = win.webContents;
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(APP_ORIGIN + '/')) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());

  void win.loadURL(APP_URL);
  return win;
}
