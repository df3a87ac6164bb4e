/**
 * Spelling in US or UK English with nspell (Hunspell-compatible) and the wooorm dictionaries.
 * Loaded on first use: reading a dictionary takes a moment, and many sessions never need it.
 */
import nspell from 'nspell';

type Variant = 'en-US' | 'en-GB';

/** Words of the job search and the workplace that the general dictionaries lack. */
export const WORKPLACE_WORDS = [
  'onboarding', 'offboarding', 'teammate', 'teammates', 'roadmap', 'roadmaps', 'stakeholder', 'stakeholders', 'startup', 'startups',
  'backend', 'frontend', 'fullstack', 'DevOps', 'SaaS', 'API', 'APIs', 'UX', 'UI', 'microservice', 'microservices', 'Kubernetes',
  'on-call', 'post-mortem', 'post-mortems', 'postmortem', 'postmortems', 'upskilling', 'reskilling', 'hybrid', 'async', 'LinkedIn',
  'email', 'emails', 'emailed', 'recruiter', 'recruiters', 'interviewer', 'interviewers', 'cofounder', 'cofounders', 'OKR', 'OKRs', 'KPI', 'KPIs',
  // Tools a candidate names in a letter; CamelCase names (GitHub, PostgreSQL) are never checked.
  'Dagster', 'dbt', 'Airflow', 'Databricks', 'Postgres', 'Redshift', 'Looker', 'Tableau', 'Grafana', 'Datadog', 'Jira', 'Figma', 'Terraform',
  'Ansible', 'Kotlin', 'Golang', 'Jupyter', 'Kafka', 'Flink', 'Hadoop', 'Trino', 'Fivetran', 'Airbyte', 'Metabase', 'Asana', 'Trello', 'Zendesk',
  'Vercel', 'Heroku', 'Webpack', 'Vite', 'Django', 'Flask', 'Rails', 'Laravel', 'Svelte', 'Vue', 'Prometheus', 'Kubernetes', 'Helm', 'Istio',
];
const checkers = new Map<Variant, Promise<ReturnType<typeof nspell>>>();

function checker(variant: Variant): Promise<ReturnType<typeof nspell>> {
  let pending = checkers.get(variant);
  if (!pending) {
    pending = (variant === 'en-GB' ? import('dictionary-en-gb') : import('dictionary-en')).then((m) => {
      const spell = nspell(m.default as never);
      for (const word of WORKPLACE_WORDS) spell.add(word);
      return spell;
    });
    checkers.set(variant, pending);
  }
  return pending;
}

/** A function that returns the words the dictionary of that variant does not know. */
export async function spellChecker(variant: Variant): Promise<(words: readonly string[]) => string[]> {
  const spell = await checker(variant);
  return (words) => words.filter((w) => !spell.correct(w) && !spell.correct(w.replace(/’/g, "'")) && !spell.correct(w.toLowerCase()));
}
