/**
 * Autosave for the reflection editor, as a small machine that knows nothing of React or the
 * transport (so its ordering can be tested with answers that arrive out of order).
 *
 * Two promises:
 * - A crash loses at most the last second of typing, whatever the rhythm: a save goes out
 *   `QUIET_MS` after typing pauses, and never later than `MAX_WAIT_MS` after the first unsaved
 *   keystroke, so someone typing steadily is saved about once a second too. Blur, page hide and
 *   closing the editor save at once.
 * - Older text never overwrites newer: saves go out one at a time, in order, each with this
 *   editor's id and a growing number, and the revision the editor last knew; the core refuses a
 *   save that would put older text over newer (`stale_revision`). Only a save at page hide may
 *   overtake one in flight (the page may not live to see the answer); its higher number wins
 *   whichever arrives first. A refusal because another window saved in between stops autosaving
 *   and asks the user (see `conflict`), never overwriting silently.
 */

export type SaveState =
  | { readonly kind: 'saved'; readonly at: string | null }
  | { readonly kind: 'unsaved' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'conflict'; readonly message: string };

export type SaveAnswer =
  | { readonly ok: true; readonly revision: number; readonly at: string | null }
  | { readonly ok: false; readonly code: string; readonly message: string };

export interface SaveRequest {
  readonly text: string;
  /** The revision this editor last knew to be stored. */
  readonly revision: number;
  readonly session: string;
  readonly seq: number;
  /** Sent at page hide: it may overtake a save in flight. */
  readonly urgent: boolean;
}

/** A save goes out this long after the last keystroke... */
export const QUIET_MS = 400;
/** ...and never later than this after the first keystroke not yet saved. */
export const MAX_WAIT_MS = 800;

export interface AutosaverOptions {
  readonly save: (request: SaveRequest) => Promise<SaveAnswer>;
  /** The stored text and revision the editor opened with. */
  readonly text: string;
  readonly revision: number;
  readonly savedAt: string | null;
  readonly onState: (state: SaveState) => void;
  readonly session?: string;
  readonly now?: () => number;
}

const newSession = (): string => (typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `editor-${Math.random().toString(36).slice(2, 12)}`);

export class Autosaver {
  readonly session: string;
  private readonly now: () => number;
  private latest: string;
  /** The text the core has from this editor (or had when the editor opened). */
  private saved: string;
  private revision: number;
  private seq = 0;
  private dirtySince: number | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private stopped: 'conflict' | 'disposed' | null = null;
  private state: SaveState;

  constructor(private readonly options: AutosaverOptions) {
    this.session = options.session ?? newSession();
    this.now = options.now ?? Date.now;
    this.latest = options.text;
    this.saved = options.text;
    this.revision = options.revision;
    this.state = { kind: 'saved', at: options.savedAt };
  }

  get current(): SaveState {
    return this.state;
  }

  get knownRevision(): number {
    return this.revision;
  }

  /**
   * The loaded text as the editor writes it (its Markdown may differ in form from what was
   * stored, and an empty reflection opens on the prompts): what counts as "no change yet".
   */
  baseline(text: string): void {
    if (this.seq > 0 || this.latest !== this.options.text) return;
    this.latest = text;
    this.saved = text;
  }

  /** The editor's text changed. */
  change(text: string): void {
    if (this.stopped) {
      this.latest = text;
      return;
    }
    this.latest = text;
    if (text === this.saved && !this.inFlight) {
      this.clearTimer();
      this.dirtySince = null;
      this.set({ kind: 'saved', at: this.savedAt() });
      return;
    }
    const at = this.now();
    this.dirtySince ??= at;
    if (!this.inFlight) this.set({ kind: 'unsaved' });
    this.schedule(Math.min(at + QUIET_MS, this.dirtySince + MAX_WAIT_MS) - at);
  }

  /** Saves now (blur, closing the editor). `urgent` at page hide: does not wait for a save in flight. */
  async flush(urgent = false): Promise<void> {
    this.clearTimer();
    if (this.stopped) return;
    if (this.inFlight && !urgent) {
      await this.inFlight;
      // The save that was in flight cleared `inFlight` as it ended; the checker cannot see that.
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
      if (this.latest !== this.saved && this.inFlight === null) return this.flush();
      return;
    }
    if (this.latest === this.saved) return;
    const text = this.latest;
    const request: SaveRequest = { text, revision: this.revision, session: this.session, seq: ++this.seq, urgent };
    this.dirtySince = this.latest === text ? null : this.now();
    this.set({ kind: 'saving' });
    const run = this.send(request);
    if (!urgent) this.inFlight = run;
    await run;
  }

  /** After a conflict: the user chose to keep this text over the other window's (stored `revision`). */
  async keepMine(revision: number): Promise<void> {
    this.revision = revision;
    this.stopped = null;
    this.saved = `\u0000${this.saved}`; // whatever was stored, this text differs from it
    await this.flush();
  }

  /** After a conflict: the user took the other window's text. */
  useTheirs(text: string, revision: number, at: string | null): void {
    this.latest = text;
    this.saved = text;
    this.revision = revision;
    this.stopped = null;
    this.set({ kind: 'saved', at });
  }

  dispose(): void {
    this.clearTimer();
    this.stopped = 'disposed';
  }

  private async send(request: SaveRequest): Promise<void> {
    let answer: SaveAnswer;
    try {
      answer = await this.options.save(request);
    } catch (error) {
      answer = { ok: false, code: 'internal', message: error instanceof Error ? error.message : String(error) };
    }
    if (!request.urgent) this.inFlight = null;
    if (this.stopped === 'disposed') return;
    if (answer.ok) {
      // Answers may come back out of order (an urgent save overtaking): keep the newest.
      if (answer.revision >= this.revision) this.revision = answer.revision;
      if (request.seq === this.seq || this.saved !== request.text) this.saved = request.text;
      if (this.latest === this.saved) {
        this.dirtySince = null;
        this.set({ kind: 'saved', at: answer.at });
      } else {
        this.set({ kind: 'unsaved' });
        // Typing went on while this save was out: the next one goes now if it is already due.
        const at = this.now();
        this.dirtySince ??= at;
        this.schedule(Math.max(0, Math.min(QUIET_MS, this.dirtySince + MAX_WAIT_MS - at)));
      }
      return;
    }
    if (answer.code === 'stale_revision') {
      // Our own older save arriving after a newer one is harmless; another window's text is not.
      if (request.seq < this.seq) return;
      this.stopped = 'conflict';
      this.clearTimer();
      this.set({ kind: 'conflict', message: answer.message });
      return;
    }
    this.set({ kind: 'error', message: answer.message });
    // Try again later: the text is still only here.
    this.schedule(MAX_WAIT_MS * 2);
  }

  private savedAt(): string | null {
    return this.state.kind === 'saved' ? this.state.at : null;
  }

  private schedule(ms: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private set(state: SaveState): void {
    this.state = state;
    this.options.onState(state);
  }
}
