/**
 * The window's size and place, remembered between launches. Stored through a small interface so
 * the logic is testable without electron-store (which imports electron): see window-store.ts.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface Bounds {
  readonly x?: number;
  readonly y?: number;
  readonly width: number;
  readonly height: number;
  readonly maximized?: boolean;
}

export interface BoundsStore {
  get(): unknown;
  set(bounds: Bounds): void;
}

export const DEFAULT_BOUNDS: Bounds = { width: 1280, height: 820 };

/** A remembered bounds object, or the default when the stored value is missing or nonsense. */
export function restoreBounds(
  stored: unknown,
  displays: readonly { x: number; y: number; width: number; height: number }[],
): Bounds {
  if (!stored || typeof stored !== 'object') return DEFAULT_BOUNDS;
  const s = stored as Record<string, unknown>;
  const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  if (!num(s.width) || !num(s.height)) return DEFAULT_BOUNDS;
  const width = Math.max(640, Math.min(s.width, 10_000));
  const height = Math.max(480, Math.min(s.height, 10_000));
  const maximized = s.maximized === true;
  if (!num(s.x) || !num(s.y)) return { width, height, maximized };
  const x = s.x;
  const y = s.y;
  // Only restore a position that is still on a connected display (a monitor may be gone).
  const visible = displays.some((d) => x + 100 > d.x && x < d.x + d.width - 100 && y >= d.y - 10 && y < d.y + d.height - 50);
  return visible ? { x, y, width, height, maximized } : { width, height, maximized };
}

/** Bounds an earlier Afterword kept in its own electron-store file, `window-state.json`, if any. */
export function legacyBounds(dataDir: string): unknown {
  try {
    const kept = JSON.parse(fs.readFileSync(path.join(dataDir, 'window-state.json'), 'utf8')) as { bounds?: unknown } | null;
    return kept?.bounds;
  } catch {
    return undefined;
  }
}
