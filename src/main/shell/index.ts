/**
 * The Electron shell: windows, menu and IPC around the core. Everything Afterword knows lives in
 * `../core`; this file only wires it to Electron.
 */
import { app, BrowserWindow, dialog, Menu, shell } from 'electron';
import Store from 'electron-store';
import path from 'node:path';
import { createCore } from '../core/core';
import type { Core } from '../core/core';
import { APP_NAME, readOption, DATA_DIR_ENV } from '../core/data-dir';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { registerIpc } from './ipc';
import { buildMenuTemplate } from './menu';
import { createMainWindow } from './window';
import type { Bounds } from './window-state';

app.setName(APP_NAME);
const dataDirOverride = readOption(process.argv, 'data-dir') ?? process.env[DATA_DIR_ENV];
if (dataDirOverride) app.setPath('userData', path.resolve(dataDirOverride));

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let core: Core | undefined;
  let mainWindow: BrowserWindow | undefined;

  const showWindow = (): void => {
    if (!mainWindow || mainWindow.isDestroyed()) {
      const store = new Store<{ bounds?: Bounds }>({ name: 'window-state' });
      mainWindow = createMainWindow({
        preload: path.join(import.meta.dirname, '../preload/index.cjs'),
        boundsStore: { get: () => store.get('bounds'), set: (b) => store.set('bounds', b) },
      });
      return;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  };

  app.on('second-instance', showWindow);
  app.on('activate', showWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => core?.close());
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  });

  void app.whenReady().then(() => {
    const dataDir = app.getPath('userData');
    try {
      core = createCore({ dataDir, transport: 'ipc' });
    } catch (error) {
      dialog.showErrorBox('Afterword cannot open its journal', error instanceof Error ? error.message : String(error));
      app.exit(1);
      return;
    }
    serveRenderer(path.join(import.meta.dirname, '../renderer'));
    registerIpc(core, () => mainWindow?.webContents);
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({ isMac: process.platform === 'darwin', openDataFolder: () => void shell.openPath(dataDir) }),
      ),
    );
    showWindow();
  });
}
