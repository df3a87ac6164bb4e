/**
 * Which links may leave the app for the user's browser or mail client: only well-formed
 * `https:`, `http:` and `mailto:` URLs, without credentials. Everything else (javascript:, file:,
 * UNC paths, custom schemes) is refused.
 */
export function isSafeExternalUrl(raw: string): boolean {
  if (typeof raw !== 'string' || raw.length > 8192) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === 'mailto:') return url.pathname.length > 0 && !/[\r\n]/.test(raw);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  if (url.username !== '' || url.password !== '') return false;
  return url.hostname.length > 0;
}
