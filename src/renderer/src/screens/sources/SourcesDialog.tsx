import { Dialog } from '../../components/Dialog';
import type { Source } from '../../../../shared/sources';
import { SOURCE_IDS, SOURCES } from '../../../../shared/sources';
import './sources.css';

const KIND_LABELS: Record<Source['kind'], string> = {
  article: 'Article',
  help: 'Help pages',
  advice: 'Common career advice',
  judgement: 'Our judgement',
};

/**
 * Where the advice comes from, as the "why" sentences and the letter checks cite it: each article
 * by its title, and what Afterword takes from it; the rules no article gives are said to be common
 * advice or our own judgement.
 */
export function SourcesDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Sources" onClose={onClose} wide>
      <p>
        Afterword’s dates and letter checks follow five articles on what to do after a job interview. Every date it proposes says which rule it follows and where
        the rule comes from. Where the articles disagree, Afterword picks a default and makes the other a setting.
      </p>
      <ul className="sources" aria-label="Sources">
        {SOURCE_IDS.map((id) => {
          const source = SOURCES[id];
          return (
            <li key={id} aria-label={source.title}>
              <h3>{source.kind === 'article' ? `“${source.title}”` : source.title.charAt(0).toUpperCase() + source.title.slice(1)}</h3>
              <p className="muted">{KIND_LABELS[source.kind]}</p>
              <ul>
                {source.usedFor.map((use) => (
                  <li key={use}>{use}</li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </Dialog>
  );
}
