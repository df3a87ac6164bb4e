import { SNOOZE_CHOICES, SNOOZE_LABELS, SNOOZE_LABELS_AFTER_DUE } from '../../../shared/snooze';
import type { SnoozeChoice } from '../../../shared/snooze';

/**
 * "Snooze…" and the core's snooze choices (the core turns a choice into a time in the journal's
 * zone). Nothing is chosen until the user picks one; the select then reads "Snooze…" again.
 * An action not due yet is snoozed from its due moment, and the choices say so.
 */
export function SnoozeSelect({
  label,
  className,
  disabled,
  notDueYet = false,
  onChoose,
}: {
  /** What is snoozed, for the select's name: "Snooze: {label}". */
  label: string;
  className?: string;
  disabled?: boolean;
  /** The action is due later than now: the core counts the snooze from its due moment. */
  notDueYet?: boolean;
  onChoose: (choice: SnoozeChoice, select: HTMLSelectElement) => void;
}) {
  return (
    <select
      className={className}
      aria-label={`Snooze: ${label}`}
      value=""
      disabled={disabled}
      onChange={(e) => {
        const choice = e.target.value as SnoozeChoice | '';
        if (choice) onChoose(choice, e.currentTarget);
      }}
    >
      <option value="">Snooze…</option>
      {SNOOZE_CHOICES.map((c) => (
        <option key={c} value={c}>
          {(notDueYet ? SNOOZE_LABELS_AFTER_DUE : SNOOZE_LABELS)[c]}
        </option>
      ))}
    </select>
  );
}
