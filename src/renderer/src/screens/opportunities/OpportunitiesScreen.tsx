import { api } from '../../api/bridge';
import { useJournalQuery } from '../../use-journal';
import { NewOpportunityForm } from './NewOpportunityForm';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function OpportunitiesScreen() {
  const { value, error, loading } = useJournalQuery(() => api['opportunities.list'](undefined), []);
  return (
    <section aria-label="Opportunities">
      <NewOpportunityForm />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {loading && !value ? <p>Loading…</p> : null}
      {value && value.length === 0 && <p className="empty">No opportunities yet. Add the job you interviewed for above.</p>}
      {value && value.length > 0 && (
        <ul className="opportunity-list" aria-label="Opportunity list">
          {value.map((o) => {
            const round = o.rounds.at(-1);
            return (
              <li key={o.id} className="opportunity">
                <strong>{o.company}</strong> <span>{o.role}</span>
                {round && (
                  <span className="round">
                    Round {round.number}: {dateTime.format(new Date(round.startsAt))} ({round.format})
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
