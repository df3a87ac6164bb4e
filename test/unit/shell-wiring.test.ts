import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CALL_NAMES, IPC_EVENT_CHANNEL, IPC_PREFIX } from '../../src/shared/call-names';
import type { CoreEvent } from '../../src/shared/events';
import { electronFake, FakeBrowserWindow, ipcHandlers } from './electron-fake';

vi.mock('electron', () => electronFake);

const { registerIpc, isTrustedSender } = await import('../../src/main/shell/ipc');
const { createMainWindow } = await import('../../src/main/shell/window');
const { buildMenuTemplate } = await import('../../src/main/shell/menu');
const { restoreBounds, DEFAULT_BOUNDS } = await import('../../src/main/shell/window-state');

const ownPage = { senderFrame: { url: 'app://afterword/index.html' } };

describe('IPC wiring', () => {
  let listener: ((e: CoreEvent) => void) | undefined;
  const calls: [string, unknown][] = [];
  const core = {
    call: vi.fn(async (name: string, input: unknown) => {
      calls.push([name, input]);
      return { ok: true as const, value: 'answer' };
    }),
    subscribe: (l: (e: CoreEvent) => void) => {
      listener = l;
      return () => (listener = undefined);
    },
  };

  beforeEach(() => {
    ipcHandlers.clear();
    calls.length = 0;
  });

  it('registers exactly one handler per named call, and nothing generic', () => {
    registerIpc(core, () => undefined);
    expect([...ipcHandlers.keys()].sort()).toEqual(CALL_NAMES.map((n) => IPC_PREFIX + n).sort());
  });

  it('passes a call from the app page to the core unchanged', async () => {
    registerIpc(core, () => undefined);
    const handler = ipcHandlers.get(`${IPC_PREFIX}opportunities.create`)!;
    expect(await handler(ownPage, { company: 'Acme' })).toEqual({ ok: true, value: 'answer' });
    expect(calls).toEqual([['opportunities.create', { company: 'Acme' }]]);
  });

  it.each([
    ['a web page', 'https://evil.example/'],
    ['a file URL', 'file:///home/user/index.html'],
    ['a look-alike host', 'app://afterword.evil.example/index.html'],
    ['no frame', undefined],
  ])('refuses a call from %s without reaching the core', async (_why, url) => {
    registerIpc(core, () => undefined);
    const handler = ipcHandlers.get(`${IPC_PREFIX}opportunities.list`)!;
    const result = await handler({ senderFrame: url ? { url } : null }, undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls).toEqual([]);
  });

  it('forwards core events to the window', () => {
    const window = new FakeBrowserWindow({});
    registerIpc(core, () => window.webContents as never);
    const event = { type: 'journal.changed', opportunityIds: [3], contactIds: [], reflectionRoundIds: [], templates: false, settings: false, version: 1, origin: null } as const;
    listener?.(event);
    expect(window.webContents.sent).toEqual([[IPC_EVENT_CHANNEL, event]]);
  });

  it('trusts only the app origin', () => {
    expect(isTrustedSender(ownPage as never)).toBe(true);
    expect(isTrustedSender({ senderFrame: { url: 'http://127.0.0.1:5173/' } } as never)).toBe(false);
  });
});

describe('the main window', () => {
  it('is isolated, sandboxed, without Node, and loads the app scheme', () => {
    const stored = { x: 100, y: 50, width: 1100, height: 760 };
    const saved: unknown[] = [];
    createMainWindow({ preload: '/app/out/preload/index.cjs', boundsStore: { get: () => stored, set: (b) => saved.push(b) } });
    const win = FakeBrowserWindow.created.at(-1)!;
    expect(win.options).toMatchObject({ x: 100, y: 50, width: 1100, height: 760 });
    expect(win.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(win.loadedUrl).toBe('app://afterword/index.html');
    win.emit('moved');
    expect(saved).toEqual([{ x: 10, y: 20, width: 1000, height: 700, maximized: false }]);
  });

  it('denies new windows (opening safe links outside) and navigation away from the app', () => {
    createMainWindow({ preload: 'p', boundsStore: { get: () => undefined, set: () => {} } });
    const win = FakeBrowserWindow.created.at(-1)!;
    expect(win.webContents.windowOpenHandler!({ url: 'https://example.com/job' })).toEqual({ action: 'deny' });
    expect(electronFake.shell.openExternal).toHaveBeenCalledWith('https://example.com/job');
    electronFake.shell.openExternal.mockClear();
    win.webContents.windowOpenHandler!({ url: 'file:///etc/passwd' });
    expect(electronFake.shell.openExternal).not.toHaveBeenCalled();

    const prevented = vi.fn();
    win.webContents.emit('will-navigate', { preventDefault: prevented }, 'https://evil.example/');
    expect(prevented).toHaveBeenCalledTimes(1);
    win.webContents.emit('will-navigate', { preventDefault: prevented }, 'app://afterword/index.html');
    expect(prevented).toHaveBeenCalledTimes(1);
  });
});

describe('window bounds', () => {
  const displays = [{ x: 0, y: 0, width: 1920, height: 1080 }];
  it.each([
    ['nothing stored', undefined, DEFAULT_BOUNDS],
    ['garbage', 'huge', DEFAULT_BOUNDS],
    ['a size without a place', { width: 900, height: 600 }, { width: 900, height: 600, maximized: false }],
    ['a place on a monitor that is gone', { x: 4000, y: 100, width: 900, height: 600 }, { width: 900, height: 600, maximized: false }],
    ['a tiny window', { x: 10, y: 10, width: 10, height: 10 }, { x: 10, y: 10, width: 640, height: 480, maximized: false }],
  ])('restores %s sensibly', (_why, stored, expected) => {
    expect(restoreBounds(stored, displays)).toEqual(expected);
  });
});

describe('the application menu', () => {
  it('has File, Edit, View and Window menus, and an app menu on macOS', () => {
    const labels = (isMac: boolean) => buildMenuTemplate({ isMac, openDataFolder: () => {} }).map((m) => m.label ?? m.role);
    expect(labels(false)).toEqual(['File', 'editMenu', 'View', 'windowMenu']);
    expect(labels(true)).toEqual(['Afterword', 'File', 'editMenu', 'View', 'windowMenu']);
  });
});
