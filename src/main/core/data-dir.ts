/**
 * Where the journal lives. The default is the OS's usual place for app data, the same folder
 * Electron's `app.getPath('userData')` gives for an app named "Afterword", so the app and browser
 * mode share one journal. `--data-dir` or `AFTERWORD_DATA_DIR` override it.
 */
import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Afterword';
export const DATA_DIR_ENV = 'AFTERWORD_DATA_DIR';

export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  switch (platform) {
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', APP_NAME);
    case 'win32':
      return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
    default:
      return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
  }
}

/** `--data-dir DIR` or `--data-dir=DIR` in argv wins, then the environment, then the default. */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  const fromArgs = readOption(argv, 'data-dir');
  const chosen = fromArgs ?? env[DATA_DIR_ENV];
  return chosen ? path.resolve(chosen) : defaultDataDir(process.platform, env);
}

/** Reads `--name value` or `--name=value`; undefined when absent. */
export function readOption(argv: readonly string[], name: string): string | undefined {
  const flag = `--${name}`;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === flag) return argv[i + 1];
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1);
  }
  return undefined;
}
