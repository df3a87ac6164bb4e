/**
 * The Electron shell: windows, menu, tray, notifications and IPC around the core. Everything
 * Afterword knows lives in `../core`; this file only wires it to Electron.
 */
import { app, BrowserWindow, dialog, Menu, Notification, powerMonitor, shell } from 'electron';
import path from 'node:path';
import { openCoreHost } from '../core/host';
import type { CoreHost } from '../core/host';
import { APP_NAME, DATA_DIR_ENV, readOption } from '../core/data-dir';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { CLOSE_HINT, decideClose } from './close-to-tray';
import { registerIpc } from './ipc';
import { buildMenuTemplate } from './menu';
import { showNotice } from './notifications';
import { AppTray } from './tray';
import { createMainWindow } from './window';
import { openBoundsStore } from './window-store';

app.setName(APP_NAME);
const dataDirOverride = readOption(process.argv, 'data-dir') ?? process.env[DATA_DIR_ENV];
if (dataDirOverride) app.setPath('userData', path.resolve(dataDirOverride));

registerAppScheme();

const resources = app.isPackaged ? process.resourcesPath : path.join(import.meta.dirname, '../../resources');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let host: CoreHost | undefined;
  let tray: AppTray | undefined;
  let mainWindow: BrowserWindow | undefined;
  let quitting = false;

  const showWindow = (): BrowserWindow => {
    if (!mainWindow || mainWindow.isDestroyed()) {
      const win = createMainWindow({
        preload: path.join(import.meta.dirname, '../preload/index.cjs'),
        boundsStore: openBoundsStore(app.getPath('userData')),
      });
      win.on('close', (event) => {
        const settings = host?.current()?.settings.get();
        const decision = decideClose({ quitting, closeToTray: settings?.closeToTray ?? true, hintShown: settings?.closeToTrayHintShown ?? false });
        if (!decision.prevent) return;
        event.preventDefault();
        win.hide();
        if (decision.showHint) {
          if (Notification.isSupported()) new Notification(CLOSE_HINT).show();
          host?.current()?.settings.update({ closeToTrayHintShown: true });
        }
      });
      mainWindow = win;
      return win;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
    return mainWindow;
  };

  /** Shows the window on a card, or (a summary, the tray's list) on Today. */
  const openCard = (opportunityId: number | null): void => {
    const win = showWindow();
    const send = () => host?.publish(opportunityId !== null ? { type: 'open-card', opportunityId } : { type: 'open-view', view: 'today' });
    if (win.webContents.isLoading()) win.webContents.once('did-finish-load', send);
    else send();
  };

  const refreshTray = async (): Promise<void> => {
    if (!host || !tray) return;
    const result = await host.call('reminders.due', undefined);
    const due = result.ok ? (result.value as Parameters<AppTray['update']>[0]) : { count: 0, first: [] };
    tray.update(due);
    if (process.platform === 'darwin') app.dock?.setBadge(due.count > 0 ? String(due.count) : '');
  };

  const applySystemSettings = (): void => {
    const settings = host?.current()?.settings.get();
    if (!settings || !app.isPackaged) return; // a development build must not register itself at login
    app.setLoginItemSettings({ openAtLogin: settings.launchAtLogin });
  };

  app.on('second-instance', () => showWindow());
  app.on('activate', () => showWindow());
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    // The tray keeps the app alive; without close-to-tray the last window quits it.
    if (!host?.current()?.settings.get().closeToTray && process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    tray?.destroy();
    host?.close();
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  });

  void app.whenReady().then(() => {
    const dataDir = app.getPath('userData');
    try {
      // A damaged journal does not stop the app: the host runs in recovery mode and the window
      // shows the recovery screen with the backups.
      host = openCoreHost({ dataDir, transport: 'ipc', dailyBackups: true, calendarFeed: true });
    } catch (error) {
      dialog.showErrorBox('Afterword cannot start', error instanceof Error ? error.message : String(error));
      app.exit(1);
      return;
    }
    const live = host;
    serveRenderer(path.join(import.meta.dirname, '../renderer'));
    registerIpc(live, () => mainWindow?.webContents);
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(buildMenuTemplate({ isMac: process.platform === 'darwin', openDataFolder: () => void shell.openPath(dataDir) })),
    );
    tray = new AppTray(resources, {
      openCard: (id) => openCard(id),
      openApp: () => showWindow(),
      openToday: () => openCard(null),
      snoozeAll: () => void live.call('actions.snoozeAll', { minutes: 60 }),
      quit: () => app.quit(),
    });
    live.startReminders((notice) => {
      showNotice(
        notice,
        {
          openCard,
          done: (opportunityId, key) => void live.call('actions.complete', { opportunityId, key }),
          snooze: (opportunityId, key, choice) => void live.call('actions.snooze', { opportunityId, key, choice }),
        },
        path.join(resources, 'icons/256x256.png'),
      );
      void refreshTray();
    });
    live.subscribe((event) => {
      if (event.type === 'journal.changed') void refreshTray();
      if (event.type === 'settings.changed') applySystemSettings();
    });
    // Sleep and wake, a locked screen: the clock may have jumped.
    powerMonitor.on('resume', () => live.reschedule());
    powerMonitor.on('unlock-screen', () => live.reschedule());
    applySystemSettings();
    void refreshTray();
    showWindow();
  });
}
