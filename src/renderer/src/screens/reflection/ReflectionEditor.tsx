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
import { $getSelection, $isRangeSelection, BLUR_COMMAND, COMMAND_PRIORITY_CRITICAL, COMMAND_PRIORITY_LOW, FORMAT_TEXT_COMMAND, INSERT_PARAGRAPH_COMMAND } from 'lexical';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReflectionView } from '../../../../shared/contract';
import { REFLECTION_TEMPLATE } from '../../../../shared/reflection-prompts';
import { Panel } from '../../components/Panel';
import { QuestionList } from './QuestionBank';
import './reflection.css';
import { useFormat } from '../../format';
import { downloadBase64 } from '../../download';
import { Autosaver } from './autosave';
import type { SaveState } from './autosave';
import { call, keyOf } from '../../data/calls';
import { useCall } from '../../data/hooks';

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

/** Tells the autosave what the loaded text looks like in the editor's own Markdown. */
function Baseline({ onLoaded }: { onLoaded: (markdown: string) => void }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => editor.getEditorState().read(() => onLoaded($convertToMarkdownString(MARKDOWN))), [editor, onLoaded]);
  return null;
}

/**
 * A "mention in the thank-you" mark ends with its paragraph: Enter after marked text starts an
 * unmarked line (Lexical carries the text format into the new paragraph, so everything typed after
 * it was offered to the letters). Only an empty new line is changed: Enter inside marked text
 * leaves both halves marked. The paragraph itself is made by whoever handles the command (a list
 * makes its own), after which the caret's format is cleared.
 */
function MarkEndsWithParagraph() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let inserted = false;
    const offCommand = editor.registerCommand(
      INSERT_PARAGRAPH_COMMAND,
      () => {
        inserted = true;
        return false;
      },
      COMMAND_PRIORITY_CRITICAL,
    );
    const offUpdate = editor.registerUpdateListener(() => {
      if (!inserted) return;
      inserted = false;
      // Discrete: committed now, before the next key is read.
      editor.update(
        () => {
          const selection = $getSelection();
          if ($isRangeSelection(selection) && selection.isCollapsed() && selection.hasFormat('highlight') && selection.anchor.getNode().getTextContent() === '') {
            selection.toggleFormat('highlight');
          }
        },
        { discrete: true },
      );
    });
    return () => {
      offCommand();
      offUpdate();
    };
  }, [editor]);
  return null;
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
  const format = useFormat();
  const text =
    state.kind === 'saved'
      ? state.at
        ? `Saved ${format.dateTime(state.at)}`
        : 'Saved'
      : state.kind === 'saving'
        ? 'Saving…'
        : state.kind === 'unsaved'
          ? 'Unsaved changes'
          : state.kind === 'conflict'
            ? 'Changed in another window'
            : `Not saved: ${state.message}`;
  return (
    <span className={`save-status ${state.kind}`} role="status" aria-label="Save status">
      {state.kind === 'saved' ? '✓ ' : state.kind === 'error' || state.kind === 'conflict' ? '⚠ ' : ''}
      {text}
    </span>
  );
}

/** The editor's autosave (autosave.ts), saving through the core and keeping the cache in step. */
function useReflectionAutosave(view: ReflectionView) {
  const client = useQueryClient();
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: view.updatedAt });
  const saver = useRef<Autosaver | null>(null);
  if (!saver.current) {
    const key = keyOf('reflections.get', { roundId: view.roundId });
    saver.current = new Autosaver({
      text: view.body,
      revision: view.revision,
      savedAt: view.updatedAt,
      onState: setState,
      save: async ({ text, revision, session, seq }) => {
        // The answer is the reflection as stored: it goes into the cache as it is, not asked again.
        // The question bank beside the editor is not asked again at every pause in the typing: it
        // is marked stale, and read again when it is next shown.
        const result = await call('reflections.save', { roundId: view.roundId, body: text, revision, session, seq }, { keep: [key, ['reflections.questions']] });
        if (!result.ok) return { ok: false, code: result.error.code, message: result.error.message };
        client.setQueryData<ReflectionView>(key, (cached) => (!cached || cached.revision <= result.value.revision ? result.value : cached));
        return { ok: true, revision: result.value.revision, at: result.value.updatedAt };
      },
    });
  }
  const autosave = saver.current;
  useEffect(() => {
    const urgent = () => void autosave.flush(true);
    window.addEventListener('pagehide', urgent);
    window.addEventListener('beforeunload', urgent);
    return () => {
      window.removeEventListener('pagehide', urgent);
      window.removeEventListener('beforeunload', urgent);
    };
  }, [autosave]);
  // Closing the editor saves what is there. (Not in the effect above: React's development mode
  // runs effects twice, and the saver must outlive that.)
  useEffect(() => () => void autosave.flush(true), [autosave]);
  return { state, autosave };
}

function EditorBody({ view, onReload }: { view: ReflectionView; onReload: () => void }) {
  const { state, autosave } = useReflectionAutosave(view);
  const baseline = useCallback((markdown: string) => autosave.baseline(markdown), [autosave]);
  const flush = useCallback(() => void autosave.flush(), [autosave]);
  const [resolving, setResolving] = useState(false);
  const initial = view.body.trim() === '' ? REFLECTION_TEMPLATE : view.body;

  async function keepMine() {
    setResolving(true);
    const latest = await call('reflections.get', { roundId: view.roundId });
    if (latest.ok) await autosave.keepMine(latest.value.revision);
    setResolving(false);
  }

  return (
    // LexicalComposer is marked deprecated in favour of the extension API; it is still supported,
    // and moving the editor's plugins over is a change of its own.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
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
      {state.kind === 'conflict' && (
        <div role="alert" className="banner conflict">
          <p>This reflection was changed in another window while you wrote here. Nothing of either is lost: choose which text to keep (the other stays among the earlier versions).</p>
          <div className="buttons">
            <button type="button" onClick={() => void keepMine()} disabled={resolving}>
              Keep my text
            </button>
            <button type="button" className="secondary" onClick={onReload} disabled={resolving}>
              Use the other window’s text
            </button>
          </div>
        </div>
      )}
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
      <OnChangePlugin ignoreSelectionChange onChange={(editorState) => editorState.read(() => autosave.change($convertToMarkdownString(MARKDOWN)))} />
      <Baseline onLoaded={baseline} />
      <BlurSave onBlur={flush} />
      <MarkEndsWithParagraph />
    </LexicalComposer>
  );
}

/**
 * The reflection of one round as a full pane over the content area (room to write), the round's
 * summary beside it (who, when, the questions you were asked before), the passages to mention,
 * versions, and export. "Back to the card" (or Escape) returns to the card's detail.
 */
export function ReflectionEditor({
  roundId,
  onClose,
  people = [],
  format: roundFormat = null,
}: {
  roundId: number;
  onClose: () => void;
  /** The round's interviewers, by name. */
  people?: readonly string[];
  /** How the round was held ("Video"). */
  format?: string | null;
}) {
  const format = useFormat();
  const reflection = useCall('reflections.get', { roundId });
  const client = useQueryClient();
  const view = reflection.data ?? null;
  const [error, setError] = useState<string | null>(null);
  const [editorKey, setEditorKey] = useState(0);
  const [versions, setVersions] = useState<readonly { id: number; body: string; savedAt: string }[] | null>(null);

  /** Reads the stored text again and restarts the editor on it (after a restore, or to take another window's text). */
  async function reload() {
    await client.refetchQueries({ queryKey: keyOf('reflections.get', { roundId }) });
    setEditorKey((k) => k + 1);
  }

  async function copyToRound() {
    if (!view) return;
    const patch = { ...(view.stated.nextStep ? { nextStep: view.stated.nextStep } : {}), ...(view.stated.decisionDate ? { decisionDate: view.stated.decisionDate } : {}) };
    const result = await call('rounds.update', { id: roundId, patch });
    if (!result.ok) { setError(result.error.message); return; }
    // The round changed: what the notes state now matches it (the cache is told by the answer).
    void client.invalidateQueries({ queryKey: keyOf('reflections.get', { roundId }) });
  }

  async function showVersions() {
    const result = await call('reflections.versions', { roundId });
    if (result.ok) setVersions(result.value);
    else setError(result.error.message);
  }

  async function restore(versionId: number) {
    const result = await call('reflections.restore', { versionId }, { keep: [keyOf('reflections.get', { roundId })] });
    if (!result.ok) { setError(result.error.message); return; }
    client.setQueryData(keyOf('reflections.get', { roundId }), result.value);
    setVersions(null);
    setEditorKey((k) => k + 1);
  }

  async function exportOne() {
    const result = await call('reflections.export', { roundId });
    if (result.ok) downloadBase64(result.value);
    else setError(result.error.message);
  }

  return (
    <Panel
      title={view ? `Reflection: ${view.company}, round ${view.roundNumber}` : 'Reflection'}
      onClose={onClose}
      closeLabel="Back to the card"
      full
      className="reflection-pane"
      returnTo={() => document.querySelector<HTMLElement>('.detail-panel h2')}
    >
      {(error ?? reflection.error) && (
        <p role="alert" className="error">
          {error ?? reflection.error?.message}
        </p>
      )}
      {view && (
        <div className="reflection">
          <div className="reflection-main">
            <p className="hint">
              Write freely under the prompts; Markdown shortcuts work (<code>## </code>, <code>- </code>, <code>[ ] </code>, <code>**bold**</code>). Select a passage and press
              “Mention in the thank-you” to offer it to your letters.
            </p>
            <EditorBody key={editorKey} view={view} onReload={() => void reload()} />
          </div>
          <aside className="reflection-side" aria-label="The round">
            <section className="round-summary" aria-labelledby="round-summary-title">
              <h3 id="round-summary-title">
                {view.company}, round {view.roundNumber}
              </h3>
              <dl>
                <div>
                  <dt>Role</dt>
                  <dd>{view.role}</dd>
                </div>
                <div>
                  <dt>When</dt>
                  <dd>
                    {format.dateTime(view.startsAt)}
                    {roundFormat ? `, ${roundFormat}` : ''}
                  </dd>
                </div>
                <div>
                  <dt>With</dt>
                  <dd>{people.length > 0 ? people.join(', ') : 'No interviewer recorded'}</dd>
                </div>
              </dl>
            </section>
            {(view.stated.nextStep || view.stated.decisionDate) && (
              <section className="offer" aria-label="Copy to the round">
                <h3>Copy to the round?</h3>
                <p>
                  Your notes mention
                  {view.stated.decisionDate ? ` a decision date of ${format.date(view.stated.decisionDate)}` : ''}
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
              <button type="button" className="secondary small" onClick={() => void showVersions()}>
                Earlier versions
              </button>
              <button type="button" className="quiet small" onClick={() => void exportOne()}>
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
                          <summary>{format.dateTime(v.savedAt)}</summary>
                          <pre className="version-text">{v.body}</pre>
                        </details>
                        <button type="button" className="secondary small" onClick={() => void restore(v.id)} aria-label={`Restore the version of ${format.dateTime(v.savedAt)}`}>
                          Restore
                        </button>
                      </li>
                    ))}
                  </ol>
                )}
              </section>
            )}
            <section className="side-questions" aria-labelledby="side-questions-title">
              <h3 id="side-questions-title">Question bank</h3>
              <QuestionList compact />
            </section>
          </aside>
        </div>
      )}
    </Panel>
  );
}
