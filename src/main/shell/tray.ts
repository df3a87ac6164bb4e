/**
 * The tray (docs/follow-up-rules.md "Reminders"): the count of due actions in the tooltip (and the title on macOS), a menu
 * listing them (a click opens the card), Snooze all for an hour, Open Afterword, Quit.
 */
import { Menu, nativeImage, nativeTheme, Tray } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import path from 'node:path';
import type { Action } from '../../shared/domain';
import { ACTION_TITLES } from '../../shared/domain';
import { DUE_LIST_LIMIT } from '../../shared/calls/reminders-calls';

export interface DueItem extends Pick<Action, 'key' | 'kind' | 'opportunityId' | 'recipient'> {
  readonly company: string;
}

/** What the tray shows: how many are due, and the first of them (`reminders.due`). */
export interface TrayDue {
  readonly count: number;
  readonly first: readonly DueItem[];
}

export interface TrayHandlers {
  readonly openCard: (opportunityId: number) => void;
  readonly openApp: () => void;
  /** The day's list in the app (Today): the same place the notifications open. */
  readonly openToday: () => void;
  readonly snoozeAll: () => void;
  readonly quit: () => void;
}

/** Most menus show this many (the core sends no more); the rest are summed up. */
export const TRAY_LIST_LIMIT = DUE_LIST_LIMIT;

export const tooltipFor = (count: number): string =>
  count === 0 ? 'Afterword: nothing due' : `Afterword: ${count} follow-up${count === 1 ? '' : 's'} due`;

export function buildTrayMenu(due: TrayDue, handlers: TrayHandlers): MenuItemConstructorOptions[] {
  const listed = due.first.slice(0, TRAY_LIST_LIMIT);
  const items: MenuItemConstructorOptions[] = listed.map((a) => ({
    label: `${ACTION_TITLES[a.kind]}${a.recipient ? `: ${a.recipient.name}` : ''} (${a.company})`,
    click: () => handlers.openCard(a.opportunityId),
  }));
  if (due.count > listed.length) items.push({ label: `and ${due.count - listed.length} more…`, click: handlers.openToday });
  if (due.count === 0) items.push({ label: 'Nothing due', enabled: false });
  return [
    ...items,
    { type: 'separator' },
    { label: 'Today’s list', click: handlers.openToday },
    { label: 'Snooze all for an hour', enabled: due.count > 0, click: handlers.snoozeAll },
    { label: 'Open Afterword', click: handlers.openApp },
    { type: 'separator' },
    { label: 'Quit', click: handlers.quit },
  ];
}

/** Which tray image fits: a template on macOS, else a glyph that contrasts with the panel. */
export function trayIconPath(resources: string, platform: NodeJS.Platform, dark: boolean): string {
  if (platform === 'darwin') return path.join(resources, 'trayTemplate.png');
  return path.join(resources, dark ? 'tray-dark.png' : 'tray-light.png');
}

export class AppTray {
  private readonly tray: Tray;

  constructor(
    private readonly resources: string,
    private readonly handlers: TrayHandlers,
  ) {
    this.tray = new Tray(nativeImage.createFromPath(trayIconPath(resources, process.platform, nativeTheme.shouldUseDarkColors)));
    this.tray.on('click', handlers.openApp);
    nativeTheme.on('updated', () => this.tray.setImage(trayIconPath(this.resources, process.platform, nativeTheme.shouldUseDarkColors)));
    this.update({ count: 0, first: [] });
  }

  update(due: TrayDue): void {
    this.tray.setToolTip(tooltipFor(due.count));
    if (process.platform === 'darwin') this.tray.setTitle(due.count > 0 ? String(due.count) : '');
    this.tray.setContextMenu(Menu.buildFromTemplate(buildTrayMenu(due, this.handlers)));
  }

  destroy(): void {
    this.tray.destroy();
  }
}
