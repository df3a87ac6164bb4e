/** The keyboard shortcuts, one sheet (press ?). */
import { Dialog } from './Dialog';

export interface Shortcut {
  readonly keys: readonly string[];
  readonly what: string;
}

export function ShortcutsSheet({ shortcuts, onClose }: { shortcuts: readonly { readonly section: string; readonly items: readonly Shortcut[] }[]; onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <div className="shortcuts">
        {shortcuts.map((s) => (
          <section key={s.section} aria-label={s.section}>
            <h3>{s.section}</h3>
            <dl>
              {s.items.map((item) => (
                <div key={item.what} className="shortcut">
                  <dt>
                    {item.keys.map((k, i) => (
                      <span key={k}>
                        {i > 0 && <span className="then"> then </span>}
                        <kbd>{k}</kbd>
                      </span>
                    ))}
                  </dt>
                  <dd>{item.what}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
