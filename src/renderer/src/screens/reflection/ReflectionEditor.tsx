import { CodeNode } from '@lexical/code';
import { AutoLinkNode, LinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link';
import { INSERT_CHECK_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, ListItemNode, ListNode } from '@lexical/list';
import { $convertFromMarkdownString, $convertToMarkdownString, CHECK_LIST, TRANSFORMERS } from '@lexical/markdown';
import { CheckListPlugin } from '@lexical/react/LexicalCheckListPlugin';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { $createHeadingNode, HeadingNode, QuoteNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $getSelection, BLUR_COMMAND, COMMAND_PRIORITY_LOW, FORMAT_TEXT_COMMAND } from 'lexical';
import { useEffect, useState } from 'react';
import type { ReflectionView } from '../../../../shared/contract';
import { REFLECTION_TEMPLATE } from '../../../../shared/reflection-prompts';
import { api } from '../../api/bridge';
import { Dialog } from '../../components/Dialog';
import { dateOnly, dateTime } from '../../format';
import { downloadBase64 } from '../../download';
import { useAutosave } from './autosave';
import type { SaveState } from './autosave';

/** Markdown in and out: headings, quotes, lists, checklists, code, bold/italic, highlight (`==`), links. */
export const MARKDOWN = [CHECK_LIST, ...TRANSFORMERS];

const theme = {
  heading: { h1: 'md-h1', h2: 'md-h2', h3: 'md-h3' },
  list: { ul: 'md-ul', ol: 'md-ol', listitem: 'md-li', listitemChecked: 'md-checked', listitemUnchecked: 'md-unchecked' },
  text: { bold: 'md-bold', italic: 'md-italic', highlight: 'md-mention', code: 'md-code', strikethrough: 'md-strike' },
  link: 'md-link',
  quote: 'md-quote',
};

function Toolbar() {
  const [editor] = useLexicalComposerContext();
  const heading = () =>
    editor.update(() => {
      $setBlocksType($getSelection(), () => $createHeadingNode('h2'));
    });
  const link = () => {
    const url = window.prompt('Link address (https://…)');
    if (url && /^https?:\/\//i.test(url)) editor.dispatchCommand(TOGGLE_LINK_COMMAND, url);
  };
  return (
    <div className="editor-toolbar" role="toolbar" aria-label="Formatting">
      <button type="button" className="secondary" onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold')} aria-label="Bold" aria-keyshortcuts="Control+B">
        <b>B</b>
      </button>
      <button type="button" className="secondary" onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic')} aria-label="Italic" aria-keyshortcuts="Control+I">
        <i>I</i>
      </button>
      <button type="button" className="secondary" onClick={heading}>
        Heading
      </button>
      <button type="button" className="secondary" onClick={() => editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined)}>
        List
      </button>
      <button type="button" className="secondary" onClick={() => editor.dispatchCommand(INSERT_CHECK_LIST_COMMAND, undefined)}>
        Checklist
      </button>
      <button type="button" className="secondary" onClick={link}>
        Link
      </button>
      <button
        type="button"
        className="secondary mention-button"
        onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'highlight')}
        title="Select a passage, then mark it: the thank-you letters offer it as the specific detail."
      >
        Mention in the thank-you
      </button>
    </div>
  );
}

/** Saves at once when the editor loses focus. */
function BlurSave({ onBlur }: { onBlur: () => void }) {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        BLUR_COMMAND,
        () => {
          onBlur();
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor, onBlur],
  );
  return null;
}

function SaveStatus({ state }: { state: SaveState }) {
  const text =
    state.kind === 'saved'
      ? state.at
        ? `Saved ${dateTime.format(new Date(state.at))}`
        : 'Saved'
      : state.kind === 'saving'
        ? 'Saving…'
        : state.kind === 'unsaved'
          ? 'Unsaved changes'
          : `Not saved: ${state.message}`;
  return (
    <span className={`save-status ${state.kind}`} role="status" aria-label="Save status">
      {state.kind === 'saved' ? '✓ ' : state.kind === 'error' ? '⚠ ' : ''}
      {text}
    </span>
  );
}

function EditorBody({ view, onSaved }: { view: ReflectionView; onSaved: (v: ReflectionView) => void }) {
  const { state, changed, flush } = useAutosave(async (body) => {
    const result = await api['reflections.save']({ roundId: view.roundId, body });
    if (result.ok) onSaved(result.value);
    return result.ok ? { ok: true, at: result.value.updatedAt } : { ok: false, message: result.error.message };
  }, view.updatedAt);
  const initial = view.body.trim() === '' ? REFLECTION_TEMPLATE : view.body;

  return (
    <LexicalComposer
      initialConfig={{
        namespace: `reflection-${view.roundId}`,
        theme,
        nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode, AutoLinkNode, CodeNode],
        onError: (error: Error) => console.error(error),
        editorState: () => $convertFromMarkdownString(initial, MARKDOWN),
      }}
    >
      <div className="editor-top">
        <Toolbar />
        <SaveStatus state={state} />
      </div>
      <div className="editor-frame">
        <RichTextPlugin
          contentEditable={<ContentEditable className="editor" aria-label="Reflection" aria-multiline="true" />}
          ErrorBoundary={LexicalErrorBoundary}
        />
      </div>
      <HistoryPlugin />
      <ListPlugin />
      <CheckListPlugin />
      <LinkPlugin validateUrl={(url) => /^https?:\/\//i.test(url)} />
      <MarkdownShortcutPlugin transformers={MARKDOWN} />
      <OnChangePlugin ignoreSelectionChange onChange={(editorState) => editorState.read(() => changed($convertToMarkdownString(MARKDOWN)))} />
      <BlurSave onBlur={() => void flush()} />
    </LexicalComposer>
  );
}

/** The reflection of one round: the editor, the passages to mention, versions, and export. */
export function ReflectionEditor({ roundId, onClose }: { roundId: number; onClose: () => void }) {
  const [view, setView] = useState<ReflectionView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editorKey, setEditorKey] = useState(0);
  const [versions, setVersions] = useState<readonly { id: number; body: string; savedAt: string }[] | null>(null);

  useEffect(() => {
    void api['reflections.get']({ roundId }).then((r) => (r.ok ? setView(r.value) : setError(r.error.message)));
  }, [roundId]);

  async function copyToRound() {
    if (!view) return;
    const patch = { ...(view.stated.nextStep ? { nextStep: view.stated.nextStep } : {}), ...(view.stated.decisionDate ? { decisionDate: view.stated.decisionDate } : {}) };
    const result = await api['rounds.update']({ id: roundId, patch });
    if (!result.ok) return setError(result.error.message);
    const fresh = await api['reflections.get']({ roundId });
    if (fresh.ok) setView(fresh.value);
  }

  async function showVersions() {
    const result = await api['reflections.versions']({ roundId });
    if (result.ok) setVersions(result.value);
    else setError(result.error.message);
  }

  async function restore(versionId: number) {
    const result = await api['reflections.restore']({ versionId });
    if (!result.ok) return setError(result.error.message);
    setView(result.value);
    setVersions(null);
    setEditorKey((k) => k + 1);
  }

  async function exportOne() {
    const result = await api['reflections.export']({ roundId });
    if (result.ok) downloadBase64(result.value);
    else setError(result.error.message);
  }

  return (
    <Dialog title={view ? `Reflection: ${view.company}, round ${view.roundNumber}` : 'Reflection'} onClose={onClose} wide>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {view && (
        <div className="reflection">
          <div className="reflection-main">
            <p className="hint">
              {view.role}, {dateOnly.format(new Date(view.startsAt))}. Write freely under the prompts; Markdown shortcuts work (<code>## </code>, <code>- </code>, <code>[ ] </code>,{' '}
              <code>**bold**</code>). Select a passage and press “Mention in the thank-you” to offer it to your letters.
            </p>
            <EditorBody key={editorKey} view={view} onSaved={setView} />
          </div>
          <aside className="reflection-side">
            {(view.stated.nextStep || view.stated.decisionDate) && (
              <section className="offer" aria-label="Copy to the round">
                <h3>Copy to the round?</h3>
                <p>
                  Your notes mention
                  {view.stated.decisionDate ? ` a decision date of ${dateOnly.format(new Date(`${view.stated.decisionDate}T12:00:00`))}` : ''}
                  {view.stated.decisionDate && view.stated.nextStep ? ' and' : ''}
                  {view.stated.nextStep ? ` the next step “${view.stated.nextStep}”` : ''}. The planner dates the status check from them.
                </p>
                <button type="button" onClick={() => void copyToRound()}>
                  Copy to the round
                </button>
              </section>
            )}
            <h3>To mention in the thank-you</h3>
            {view.mentions.length === 0 ? (
              <p className="muted">Nothing marked yet.</p>
            ) : (
              <ul className="mentions">
                {view.mentions.map((m, i) => (
                  <li key={i}>{m}</li>
                ))}
              </ul>
            )}
            <div className="buttons">
              <button type="button" className="secondary" onClick={() => void showVersions()}>
                Earlier versions
              </button>
              <button type="button" className="secondary" onClick={() => void exportOne()}>
                Export as Markdown
              </button>
            </div>
            {versions && (
              <section aria-label="Earlier versions">
                {versions.length === 0 ? (
                  <p className="muted">No earlier versions yet: one is kept every few minutes of writing.</p>
                ) : (
                  <ol className="versions">
                    {versions.map((v) => (
                      <li key={v.id}>
                        <details>
                          <summary>{dateTime.format(new Date(v.savedAt))}</summary>
                          <pre className="version-text">{v.body}</pre>
                        </details>
                        <button type="button" className="secondary small" onClick={() => void restore(v.id)} aria-label={`Restore the version of ${dateTime.format(new Date(v.savedAt))}`}>
                          Restore
                        </button>
                      </li>
                    ))}
                  </ol>
                )}
              </section>
            )}
          </aside>
        </div>
      )}
    </Dialog>
  );
}
