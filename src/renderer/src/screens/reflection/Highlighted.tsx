/** A search snippet with the matched words (between \u0002 and \u0003 from the core) in <mark>. */
export function Highlighted({ text }: { text: string }) {
  const parts = text.split(/(\u0002[^\u0003]*\u0003)/);
  return (
    <>
      {parts.map((part, i) => (part.startsWith('\u0002') ? <mark key={i}>{part.slice(1, -1)}</mark> : <span key={i}>{part}</span>))}
    </>
  );
}
