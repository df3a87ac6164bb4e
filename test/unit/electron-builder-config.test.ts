/**
 * `npm run dist` packages with the electron-builder pinned in package.json (nothing downloaded at
 * packaging time but Electron itself). Its configuration is checked here against that version's
 * own schema, offline, so a typo in electron-builder.yml is found by the tests, not at release.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import packageJson from '../../package.json';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../..');

interface ConfigApi {
  getConfig(projectDir: string, configPath: string, configFromOptions: null): Promise<Record<string, unknown>>;
  validateConfiguration(config: Record<string, unknown>, logger: unknown): Promise<void>;
}

describe('packaging', () => {
  it('uses the pinned electron-builder, never one fetched by npx', () => {
    expect(packageJson.devDependencies['electron-builder']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(packageJson.scripts.dist).not.toMatch(/npx/);
    expect(packageJson.scripts.dist).toMatch(/electron-builder --config electron-builder\.yml/);
  });

  it("electron-builder.yml matches the pinned electron-builder's schema", async () => {
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as ConfigApi;
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config).toMatchObject({ appId: 'app.afterword.desktop', electronFuses: { runAsNode: false, onlyLoadAppFromAsar: true } });
    await expect(validateConfiguration({ ...config, asarr: true }, new DebugLogger(false)), 'a misspelt key is refused').rejects.toThrow(/unknown property 'asarr'/);
  });
});
