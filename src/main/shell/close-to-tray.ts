/**
 * Closing the window keeps Afterword in the tray (a setting, on by default), with a one-time hint
 * the first time so the user knows where it went. Quitting (menu, tray, OS) really quits.
 */
export interface CloseDecision {
  readonly prevent: boolean;
  readonly showHint: boolean;
}

export function decideClose(state: { readonly quitting: boolean; readonly closeToTray: boolean; readonly hintShown: boolean }): CloseDecision {
  if (state.quitting || !state.closeToTray) return { prevent: false, showHint: false };
  return { prevent: true, showHint: !state.hintShown };
}

export const CLOSE_HINT = {
  title: 'Afterword is still running',
  body: 'It stays in the tray to remind you of follow-ups. Quit from the tray menu, or turn this off in Settings.',
};
