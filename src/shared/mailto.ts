/**
 * A `mailto:` link as RFC 6068 writes it: the address with a literal `@` (its other reserved
 * characters percent-encoded), and `subject` and `body` as header fields whose line breaks are
 * CRLF, written `%0D%0A`; everything outside the unreserved characters is percent-encoded as
 * UTF-8, so `&`, `#`, `=`, `?`, `%` and accents survive the round trip.
 */

/** Percent-encodes as RFC 3986 `unreserved` allows (encodeURIComponent also keeps !'()*, which RFC 6068 does not need). */
const encode = (text: string): string => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Line breaks of any kind as CRLF (RFC 6068 section 5: "line breaks in the body ... MUST be encoded with %0D%0A"). */
export const crlf = (text: string): string => text.replace(/\r\n|\r|\n/g, '\r\n');

export function mailtoUrl(message: { readonly to: string; readonly subject: string; readonly body: string }): string {
  const at = message.to.lastIndexOf('@');
  const address = at < 0 ? encode(message.to) : `${encode(message.to.slice(0, at))}@${encode(message.to.slice(at + 1))}`;
  const fields = [`subject=${encode(crlf(message.subject))}`, `body=${encode(crlf(message.body))}`];
  return `mailto:${address}?${fields.join('&')}`;
}

/** Reads a `mailto:` link back (RFC 6068): the address and the header fields, decoded. */
export function parseMailto(url: string): { readonly to: string; readonly fields: Readonly<Record<string, string>> } {
  if (!url.startsWith('mailto:')) throw new Error('not a mailto: link');
  const rest = url.slice('mailto:'.length);
  const query = rest.indexOf('?');
  const to = decodeURIComponent(query < 0 ? rest : rest.slice(0, query));
  const fields: Record<string, string> = {};
  if (query >= 0) {
    for (const pair of rest.slice(query + 1).split('&')) {
      const eq = pair.indexOf('=');
      fields[decodeURIComponent(pair.slice(0, eq)).toLowerCase()] = decodeURIComponent(pair.slice(eq + 1));
    }
  }
  return { to, fields };
}
