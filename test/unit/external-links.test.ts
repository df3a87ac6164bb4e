/** Which links may leave the app (shell.openExternal): an adversarial table. */
import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl } from '../../src/main/shell/external-links';

describe('links opened outside the app', () => {
  it.each([
    'https://jobs.example/123',
    'http://example.com/',
    'https://www.linkedin.com/in/alice-ng',
    'mailto:alice@acme.example?subject=Thank%20you&body=Dear%20Alice',
  ])('allows %s', (url) => expect(isSafeExternalUrl(url)).toBe(true));

  it.each([
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['javascript: in capitals', 'JaVaScRiPt:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['a Windows file path', 'file://C:/Windows/System32/calc.exe'],
    ['a UNC path', '\\\\attacker.example\\share\\payload.exe'],
    ['a UNC path as a URL', 'file://attacker.example/share/payload.exe'],
    ['credentials in the URL', 'https://user:password@bank.example/'],
    ['a username alone', 'https://user@bank.example/'],
    ['the app scheme', 'app://afterword/index.html'],
    ['app:// with a user', 'app://user@host/'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['vbscript:', 'vbscript:msgbox(1)'],
    ['a custom protocol handler', 'ms-msdt:/id PCWDiagnostic'],
    ['smb:', 'smb://attacker.example/share'],
    ['not a URL', 'not a url'],
    ['an empty string', ''],
    ['a mailto with a header injection', 'mailto:a@b.example%0D%0ABcc:all@b.example\r\nBcc: x'],
    ['a very long URL', `https://example.com/${'a'.repeat(10_000)}`],
  ])('refuses %s', (_why, url) => expect(isSafeExternalUrl(url)).toBe(false));
});
