/**
 * A stand-in for the electron module, for testing the shell's wiring in plain Node. It records
 * what the shell asked of Electron; it implements nothing else.
 */
import { vi } from 'vitest';

type Listener = (...args: unknown[]) => void;

export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener) {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]) {
    for (const l of this.listeners.get(event) ?? []) l(...args);
  }
}

export class FakeWebContents extends FakeEmitter {
  sent: [string, unknown][] = [];
  windowOpenHandler?: (details: { url: string }) => { action: string };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
  }
  isDestroyed() {
    return false;
  }
}

export class FakeBrowserWindow extends FakeEmitter {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl?: string;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  maximize() {}
  show() {}
  isDestroyed() {
    return false;
  }
  isMinimized() {
    return false;
  }
  isMaximized() {
    return false;
  }
  getNormalBounds() {
    return { x: 10, y: 20, width: 1000, height: 700 };
  }
}

export const ipcHandlers = new Map<string, (event: unknown, input: unknown) => unknown>();

export const electronFake = {
  BrowserWindow: FakeBrowserWindow,
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, input: unknown) => unknown) => ipcHandlers.set(channel, handler),
    removeHandler: (channel: string) => ipcHandlers.delete(channel),
  },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  shell: { openExternal: vi.fn(() => Promise.resolve()), openPath: vi.fn() },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  net: { fetch: vi.fn() },
};

export class FakeTray extends FakeEmitter {
  static last: FakeTray | undefined;
  tooltip = '';
  title = '';
  menu: unknown;
  constructor(readonly image: unknown) {
    super();
    FakeTray.last = this;
  }
  setToolTip(t: string) {
    this.tooltip = t;
  }
  setTitle(t: string) {
    this.title = t;
  }
  setContextMenu(m: unknown) {
    this.menu = m;
  }
  setImage(i: unknown) {
    void i;
  }
  destroy() {}
}

export class FakeNotification extends FakeEmitter {
  static shown: FakeNotification[] = [];
  static isSupported() {
    return true;
  }
  constructor(readonly options: Record<string, unknown>) {
    super();
  }
  show() {
    FakeNotification.shown.push(this);
  }
}

Object.assign(electronFake, {
  Tray: FakeTray,
  Notification: FakeNotification,
  Menu: { buildFromTemplate: (template: unknown) => ({ template }), setApplicationMenu: vi.fn() },
  nativeImage: { createFromPath: (p: string) => ({ path: p }) },
  nativeTheme: { shouldUseDarkColors: false, on: vi.fn() },
});
