import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveStaticPath } from '../../src/main/common/static-path';
import { defaultDataDir, resolveDataDir } from '../../src/main/core/data-dir';
import { hostAllowed, originAllowed, secretMatches } from '../../src/main/web/http-transport';

const root = path.resolve('/srv/afterword/renderer');

describe('static files come only from the renderer folder', () => {
  it.each([
    ['/', path.join(root, 'index.html')],
    ['/assets/index-abc.js', path.join(root, 'assets/index-abc.js')],
    ['/assets/a%20b.css', path.join(root, 'assets/a b.css')],
  ])('%s is served', (url, file) => expect(resolveStaticPath(root, url)).toBe(file));

  it.each(['/../journal.sqlite3', '/assets/../../x', '/%2e%2e/%2e%2e/etc/passwd', '/..%2fetc', '/a%5c..%5c..%5cwin.ini', '/%00index.html', '/%E0%A4%A'])(
    '%s is refused',
    (url) => expect(resolveStaticPath(root, url)).toBeUndefined(),
  );
});

describe('browser mode checks', () => {
  it('accepts only its own Host and Origin', () => {
    expect(hostAllowed('127.0.0.1:4000', 4000)).toBe(true);
    expect(hostAllowed('localhost:4000', 4000)).toBe(true);
    for (const host of [undefined, '127.0.0.1', '127.0.0.1:4001', 'evil.example:4000', 'localhost.evil.example:4000', '0.0.0.0:4000']) {
      expect(hostAllowed(host, 4000)).toBe(false);
    }
    expect(originAllowed('http://127.0.0.1:4000', 4000)).toBe(true);
    for (const origin of ['null', 'https://127.0.0.1:4000', 'http://127.0.0.1:4001', 'http://evil.example', 'file://']) {
      expect(originAllowed(origin, 4000)).toBe(false);
    }
  });

  it('compares the secret exactly', () => {
    expect(secretMatches('abc', 'abc')).toBe(true);
    for (const presented of [undefined, '', 'ab', 'abcd', 'ABC']) expect(secretMatches(presented, 'abc')).toBe(false);
  });
});

describe('the data folder', () => {
  it('is the OS app-data folder by default, like Electron userData', () => {
    expect(defaultDataDir('linux', {}, '/home/ann')).toBe('/home/ann/.config/Afterword');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/x' }, '/home/ann')).toBe('/x/Afterword');
    expect(defaultDataDir('darwin', {}, '/Users/ann')).toBe('/Users/ann/Library/Application Support/Afterword');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'C:\\Users\\ann')).toContain('Afterword');
  });

  it('is overridden by --data-dir, then AFTERWORD_DATA_DIR', () => {
    expect(resolveDataDir(['--data-dir', '/tmp/a'], { AFTERWORD_DATA_DIR: '/tmp/b' })).toBe('/tmp/a');
    expect(resolveDataDir(['--data-dir=/tmp/a'], {})).toBe('/tmp/a');
    expect(resolveDataDir([], { AFTERWORD_DATA_DIR: '/tmp/b' })).toBe('/tmp/b');
  });
});
