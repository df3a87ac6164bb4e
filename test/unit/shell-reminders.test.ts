import { describe, expect, it, vi } from 'vitest';
import type { Notice } from '../../src/main/core/reminders/scheduler';
import { electronFake, FakeNotification, FakeTray } from './electron-fake';

vi.mock('electron', () => electronFake);

const { AppTray, buildTrayMenu, tooltipFor, trayIconPath } = await import('../../src/main/shell/tray');
const { notificationOptions, showNotice } = await import('../../src/main/shell/notifications');
const { decideClose } = await import('../../src/main/shell/close-to-tray');

const due = [
  { key: 'r1:thank-you:c1', kind: 'thank-you' as const, opportunityId: 7, recipient: { contactId: 1, name: 'Alice Ng' }, company: 'Acme' },
  { key: 'r2:status-check', kind: 'status-check' as const, opportunityId: 9, recipient: { contactId: 4, name: 'Rita Recruiter' }, company: 'Globex' },
];

describe('the tray', () => {
  it('lists the due actions; each item opens its card; Today, snooze all, open and quit are there', () => {
    const handlers = { openCard: vi.fn(), openApp: vi.fn(), openToday: vi.fn(), snoozeAll: vi.fn(), quit: vi.fn() };
    const menu = buildTrayMenu({ count: due.length, first: due }, handlers);
    expect(menu.map((m) => m.label ?? m.type)).toEqual([
      'Thank-you: Alice Ng (Acme)',
      'Status check: Rita Recruiter (Globex)',
      'separator',
      'Today’s list',
      'Snooze all for an hour',
      'Open Afterword',
      'separator',
      'Quit',
    ]);
    (menu[1]!.click as () => void)();
    expect(handlers.openCard).toHaveBeenCalledWith(9);
    (menu[3]!.click as () => void)();
    expect(handlers.openToday).toHaveBeenCalled();
    (menu[4]!.click as () => void)();
    expect(handlers.snoozeAll).toHaveBeenCalled();
  });

  it('shows the count in the tooltip and keeps the menu in step', () => {
    const handlers = { openCard: vi.fn(), openApp: vi.fn(), openToday: vi.fn(), snoozeAll: vi.fn(), quit: vi.fn() };
    const tray = new AppTray('/res', handlers);
    tray.update({ count: due.length, first: due });
    expect(FakeTray.last!.tooltip).toBe('Afterword: 2 follow-ups due');
    const template = (FakeTray.last!.menu as { template: { label?: string }[] }).template;
    expect(template[0]!.label).toBe('Thank-you: Alice Ng (Acme)');
    tray.update({ count: 0, first: [] });
    expect(FakeTray.last!.tooltip).toBe('Afterword: nothing due');
    expect(tooltipFor(1)).toBe('Afterword: 1 follow-up due');
  });

  it('uses a template image on macOS and a contrasting glyph elsewhere', () => {
    expect(trayIconPath('/r', 'darwin', true)).toBe('/r/trayTemplate.png');
    expect(trayIconPath('/r', 'win32', true)).toBe('/r/tray-dark.png');
    expect(trayIconPath('/r', 'linux', false)).toBe('/r/tray-light.png');
  });

  it('keeps long lists short: the first the core sent, and the count of the rest', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ ...due[0]!, key: `k${i}` }));
    const handlers = { openCard: vi.fn(), openApp: vi.fn(), openToday: vi.fn(), snoozeAll: vi.fn(), quit: vi.fn() };
    const menu = buildTrayMenu({ count: 20, first: many.slice(0, 12) }, handlers);
    expect(menu.filter((m) => m.label?.startsWith('Thank-you'))).toHaveLength(12);
    const more = menu.find((m) => m.label === 'and 8 more…')!;
    (more.click as () => void)();
    expect(handlers.openToday).toHaveBeenCalled();
  });
});

describe('notifications', () => {
  const notice: Notice = { kind: 'action', title: 'Thank-you: Alice Ng', body: 'Acme, Engineer. Due within 24 hours.', opportunityId: 7, actionKey: 'r1:thank-you:c1', count: 1 };

  it('carry the title and body; Done and the three snoozes as actions on macOS only', () => {
    expect(notificationOptions(notice, 'darwin')).toMatchObject({
      title: 'Thank-you: Alice Ng',
      body: 'Acme, Engineer. Due within 24 hours.',
      actions: [
        { type: 'button', text: 'Done' },
        { type: 'button', text: 'Snooze: 1 hour' },
        { type: 'button', text: 'Snooze: tomorrow morning' },
        { type: 'button', text: 'Snooze: next working day' },
      ],
    });
    expect(notificationOptions(notice, 'linux')).not.toHaveProperty('actions');
    expect(notificationOptions({ ...notice, kind: 'summary', actionKey: null }, 'darwin')).not.toHaveProperty('actions');
  });

  it('a click opens the card; the actions mark done or snooze that action', () => {
    const handlers = { openCard: vi.fn(), done: vi.fn(), snooze: vi.fn() };
    showNotice(notice, handlers);
    const shown = FakeNotification.shown.at(-1)!;
    shown.emit('click');
    expect(handlers.openCard).toHaveBeenCalledWith(7);
    shown.emit('action', {}, 0);
    expect(handlers.done).toHaveBeenCalledWith(7, 'r1:thank-you:c1');
    shown.emit('action', {}, 1);
    expect(handlers.snooze).toHaveBeenLastCalledWith(7, 'r1:thank-you:c1', 'hour');
    shown.emit('action', {}, 2);
    expect(handlers.snooze).toHaveBeenLastCalledWith(7, 'r1:thank-you:c1', 'tomorrow-morning');
    shown.emit('action', {}, 3);
    expect(handlers.snooze).toHaveBeenLastCalledWith(7, 'r1:thank-you:c1', 'next-working-day');
  });
});

describe('closing the window', () => {
  it.each([
    [{ quitting: false, closeToTray: true, hintShown: false }, { prevent: true, showHint: true }],
    [{ quitting: false, closeToTray: true, hintShown: true }, { prevent: true, showHint: false }],
    [{ quitting: false, closeToTray: false, hintShown: false }, { prevent: false, showHint: false }],
    [{ quitting: true, closeToTray: true, hintShown: false }, { prevent: false, showHint: false }],
  ])('%o -> %o', (state, decision) => {
    expect(decideClose(state)).toEqual(decision);
  });
});
