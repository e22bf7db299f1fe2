// A group of radios or checkboxes under its legend, its error tied to it (the summary's link
// leads to the group).
import { FieldError } from '../../forms/fields.tsx';

export function Choices(props: {
  name: string;
  legend: string;
  type: 'radio' | 'checkbox';
  options: readonly { value: string; label: string }[];
  chosen: readonly string[];
  error?: string | undefined;
  hint?: string;
  /** Several groups of one page may share a field name: the ids stay apart. */
  idPrefix?: string;
}) {
  const { name, legend, type, options, chosen, error, hint } = props;
  const id = props.idPrefix ?? name;
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset id={id} class={error ? 'choice field--error' : 'choice'} aria-describedby={described}>
      <legend>{legend}</legend>
      {hint ? (
        <p class="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError name={id} error={error} />
      {options.map((option) => (
        <div class={type}>
          <input type={type} name={name} id={`${id}-${option.value}`} value={option.value} checked={chosen.includes(option.value)} />
          <label for={`${id}-${option.value}`}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
