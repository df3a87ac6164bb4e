/**
 * The few icons the app draws, as inline SVG (no font glyph that a system may lack). Decorative:
 * hidden from assistive technology; the words beside them say the same.
 */
const PATHS = {
  bell: 'M12 22a2.2 2.2 0 0 0 2.2-2.2H9.8A2.2 2.2 0 0 0 12 22Zm6.6-6.6V11a6.6 6.6 0 0 0-5.5-6.5V3.4a1.1 1.1 0 0 0-2.2 0v1.1A6.6 6.6 0 0 0 5.4 11v4.4L3.2 17.6v1.1h17.6v-1.1Z',
  warning: 'M12 2 1 21h22L12 2Zm1.1 16h-2.2v-2.2h2.2V18Zm0-4.4h-2.2V8.9h2.2v4.7Z',
} as const;

export function Icon({ name, className }: { name: keyof typeof PATHS; className?: string }) {
  return (
    <svg className={`icon-svg ${className ?? ''}`} viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
