import type { InputHTMLAttributes, ReactNode } from 'react';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'checked' | 'onChange' | 'onInput'> & {
  readonly checked: boolean;
  /** Called with the control's new state (not a toggle: calling it twice is harmless). */
  readonly onChecked: (checked: boolean) => void;
  readonly children: ReactNode;
};

/**
 * A checkbox or radio with its label, whose state reaches React even when a click never does.
 *
 * React learns that a checkbox or radio changed from the `click` event. dnd-kit's pointer sensor
 * stops every click at the document, in the capture phase, until 50 ms after a drop (so the drop
 * does not click the card); a dialog that opens at the drop would then show a choice the user
 * made while React kept the old one, and submit that. The browser still fires `input` and
 * `change` on the control itself, so listening to `input` too keeps the two in step.
 */
function Choice({ kind, checked, onChecked, children, ...rest }: Props & { readonly kind: 'checkbox' | 'radio' }) {
  const update = (event: { currentTarget: HTMLInputElement }) => {
    if (event.currentTarget.checked !== checked) onChecked(event.currentTarget.checked);
  };
  return (
    <label className="inline">
      <input {...rest} type={kind} checked={checked} onChange={update} onInput={update} /> {children}
    </label>
  );
}

export const Checkbox = (props: Props) => <Choice kind="checkbox" {...props} />;
export const Radio = (props: Props) => <Choice kind="radio" {...props} />;
