/**
 * The command palette (Ctrl/Cmd+K): every action of the app by name, and every card and person by
 * name, filtered as you type; the shortcut of each command beside it. A combobox over a listbox
 * (WAI-ARIA 1.2): the text field keeps the focus, the arrows move the active option, Enter runs it.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Dialog } from './Dialog';
import './command-palette.css';

export interface Command {
  readonly id: string;
  readonly title: string;
  readonly group: 'Go to' | 'Do' | 'Cards' | 'People';
  /** Shown beside the title, e.g. "N" or "Ctrl+K". */
  readonly shortcut?: string;
  /** More words it answers to. */
  readonly keywords?: string;
  /** A second line (the role of a card, a person's company). */
  readonly detail?: string;
  readonly run: () => void;
}

const GROUPS: readonly Command['group'][] = ['Do', 'Go to', 'Cards', 'People'];
const LIMIT_PER_GROUP = 30;

const normal = (s: string) => s.toLocaleLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');

/** Commands whose title, detail or keywords hold every word typed; titles that start with it first. */
export function filterCommands(commands: readonly Command[], query: string): Command[] {
  const words = normal(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return commands.filter((c) => c.group === 'Do' || c.group === 'Go to');
  const scored: { command: Command; score: number }[] = [];
  for (const command of commands) {
    const title = normal(command.title);
    const text = `${title} ${normal(command.detail ?? '')} ${normal(command.keywords ?? '')}`;
    if (!words.every((w) => text.includes(w))) continue;
    scored.push({ command, score: title.startsWith(words[0]!) ? 0 : title.includes(words[0]!) ? 1 : 2 });
  }
  return scored.sort((a, b) => a.score - b.score).map((s) => s.command);
}

export function CommandPalette({ commands, onClose }: { commands: readonly Command[]; onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);

  const groups = useMemo(() => {
    const found = filterCommands(commands, query);
    return GROUPS.map((group) => ({ group, items: found.filter((c) => c.group === group).slice(0, LIMIT_PER_GROUP) })).filter((g) => g.items.length > 0);
  }, [commands, query]);
  const flat = useMemo(() => groups.flatMap((g) => g.items), [groups]);
  const current = flat[Math.min(active, flat.length - 1)];

  useEffect(() => setActive(0), [query]);
  useEffect(() => {
    if (current) document.getElementById(`${listId}-${current.id}`)?.scrollIntoView({ block: 'nearest' });
  }, [current, listId]);

  const choose = (command: Command | undefined) => {
    if (!command) return;
    onClose();
    // After the palette has closed (and given the focus back): the command may open a dialog.
    queueMicrotask(command.run);
  };

  return (
    <Dialog title="Go to or do" onClose={onClose} className="palette" initialFocus={input} hideTitle>
      <div className="palette-body">
        <input
          ref={input}
          className="palette-input"
          role="combobox"
          aria-label="Command or name"
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={current ? `${listId}-${current.id}` : undefined}
          placeholder="Type a command, a company or a person…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setActive((a) => Math.min(a + 1, flat.length - 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((a) => Math.max(a - 1, 0));
            } else if (e.key === 'Home' && e.ctrlKey) {
              setActive(0);
            } else if (e.key === 'Enter') {
              e.preventDefault();
              choose(current);
            }
          }}
        />
        <div id={listId} role="listbox" aria-label="Commands and names" className="palette-list">
          {groups.map(({ group, items }) => (
            <div key={group} role="group" aria-label={group}>
              <div className="palette-group" aria-hidden="true">
                {group}
              </div>
              {items.map((c) => (
                <div
                  key={c.id}
                  id={`${listId}-${c.id}`}
                  role="option"
                  aria-selected={c === current}
                  className={c === current ? 'palette-item active' : 'palette-item'}
                  onMouseMove={() => setActive(flat.indexOf(c))}
                  onClick={() => choose(c)}
                >
                  <span className="palette-title">
                    {c.title}
                    {c.detail && <span className="palette-detail"> {c.detail}</span>}
                  </span>
                  {c.shortcut && <kbd className="palette-key">{c.shortcut}</kbd>}
                </div>
              ))}
            </div>
          ))}
          {flat.length === 0 && <p className="palette-empty">Nothing by that name.</p>}
        </div>
        <p className="palette-hint muted">
          <kbd>↑</kbd> <kbd>↓</kbd> to move, <kbd>Enter</kbd> to choose, <kbd>Esc</kbd> to close
        </p>
      </div>
    </Dialog>
  );
}
