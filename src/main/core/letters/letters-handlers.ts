/** Letters: templates, drafts for a round, edits, marking sent, and printing as .docx. */
import type { lettersCalls } from '../../../shared/calls/letters-calls';
import type { CoreContext } from '../core-context';
import type { HandlersOf } from '../handlers';
import type { WordCheck } from './letters';
import { spellChecker } from './spelling';

export function createLettersHandlers({ letters, opportunities, planner, events, settings }: CoreContext): HandlersOf<typeof lettersCalls> {
  const progress = (done: number, total: number) => events.emit({ type: 'export.progress', done, total });
  /** Whether a word is ordinary English (a passage's first word may then be lower-cased in a letter). */
  const wordCheck = async (): Promise<WordCheck> => {
    const misspelled = await spellChecker(settings.get().englishVariant);
    return (word) => misspelled([word]).length === 0;
  };
  return {
    'letters.templates': () => letters.templates(),
    'letters.saveTemplate': (input) => {
      const template = letters.saveTemplate(input);
      events.note({ templates: true });
      return template;
    },
    'letters.deleteTemplate': ({ id }) => {
      letters.deleteTemplate(id);
      events.note({ templates: true });
      return { deleted: id };
    },
    'letters.draft': async ({ roundId, kind, templateId, contactId }) => {
      const drafted = letters.draftForRound(roundId, kind, { templateId, contactId, isWord: await wordCheck() });
      const opportunityId = drafted[0]?.opportunityId ?? opportunities.getRound(roundId).opportunityId;
      events.changed(opportunityId, null);
      const all = await letters.list(opportunityId);
      return all.filter((l) => l.roundId === roundId && l.kind === kind);
    },
    'letters.list': ({ opportunityId }) => {
      opportunities.get(opportunityId);
      return letters.list(opportunityId);
    },
    'letters.update': async ({ id, subject, body, detail }) => {
      letters.update(id, { subject, body, detail });
      const letter = await letters.get(id);
      return events.changed(letter.opportunityId, letter);
    },
    'letters.markSent': async ({ id }) => {
      const opportunityId = letters.markSent(id);
      events.note({ opportunityIds: [opportunityId] });
      return letters.get(id);
    },
    'letters.export': ({ ids, size, layout, font }) => letters.export(ids, { size, layout, font }, progress),
    'letters.exportDueCards': async ({ size, layout, font }) => {
      const open = [...planner.openActions().values()].flat().filter((a) => a.kind === 'thank-you-card');
      return letters.export(letters.dueCardIds(open, await wordCheck()), { size, layout, font }, progress);
    },
    'letters.dictionary': () => letters.dictionary(),
    'letters.addToDictionary': ({ word }) => {
      events.note({ opportunityIds: letters.addToDictionary(word) });
      return letters.dictionary();
    },
    'letters.removeFromDictionary': ({ word }) => {
      events.note({ opportunityIds: letters.removeFromDictionary(word) });
      return letters.dictionary();
    },
    'letters.ignoreWord': async ({ id, word }) => {
      const opportunityId = letters.ignoreWord(id, word);
      return events.changed(opportunityId, await letters.get(id));
    },
  };
}
