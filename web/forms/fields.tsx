// Form fields with their label, hint and error next to them (RGAA: every field labelled, errors
// tied to their field with aria-describedby and announced by a summary at the top of the form).
import type { Child } from 'hono/jsx';
import type { FieldErrors } from './forms.ts';

interface FieldProps {
  name: string;
  label: string;
  value?: string | undefined;
  error?: string | undefined;
  type?: 'text' | 'email' | 'password' | 'tel' | 'date';
  autocomplete?: string;
  required?: boolean;
  hint?: string;
  readonly?: boolean;
  extra?: Record<string, string>;
}

function describedBy(name: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function FieldLabel({ name, label, required }: { name: string; label: string; required?: boolean | undefined }) {
  return (
    <label for={name}>
      {label}
      {required ? <span aria-hidden="true"> *</span> : null}
    </label>
  );
}

/** A field's error, tied to it by its id (`<name>-error`), for fields laid out by hand. */
export function FieldError({ name, error }: { name: string; error?: string | undefined }) {
  return error ? (
    <p class="field__error" id={`${name}-error`}>
      <span class="visually-hidden">Erreur : </span>
      {error}
    </p>
  ) : null;
}

function FieldMessages({ name, hint, error }: { name: string; hint?: string | undefined; error?: string | undefined }) {
  return (
    <>
      {hint ? <p class="field__hint" id={`${name}-hint`}>{hint}</p> : null}
      <FieldError name={name} error={error} />
    </>
  );
}

export function Field(props: FieldProps) {
  const { name, label, value, error, type = 'text', autocomplete, required, hint, readonly, extra } = props;
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <FieldLabel name={name} label={label} required={required} />
      <FieldMessages name={name} hint={hint} error={error} />
      <input
        id={name}
        name={name}
        type={type}
        value={type === 'password' ? undefined : value}
        autocomplete={autocomplete}
        required={required}
        readonly={readonly}
        aria-invalid={error ? 'true' : undefined}
        {...extra}
        aria-describedby={[describedBy(name, hint, error), extra?.['aria-describedby']].filter(Boolean).join(' ') || undefined}
      />
    </div>
  );
}

export function SelectField(props: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  value?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  placeholder?: string;
}) {
  const { name, label, options, value, error, required, placeholder } = props;
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <FieldLabel name={name} label={label} required={required} />
      <FieldMessages name={name} error={error} />
      <select id={name} name={name} required={required} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(name, undefined, error)}>
        {placeholder ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option value={option.value} selected={option.value === value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function TextArea(props: { name: string; id?: string; label: string; value?: string | undefined; error?: string | undefined; required?: boolean; rows?: number }) {
  const { name, label, value, error, required, rows = 3 } = props;
  // Several forms of one page may share a field name; the id keeps labels and messages apart.
  const id = props.id ?? name;
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <FieldLabel name={id} label={label} required={required} />
      <FieldMessages name={id} error={error} />
      <textarea id={id} name={name} rows={rows} required={required} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(id, undefined, error)}>
        {value ?? ''}
      </textarea>
    </div>
  );
}

export function FileField(props: { name: string; label: string; hint: string; error?: string | undefined; accept: string; required?: boolean }) {
  const { name, label, hint, error, accept, required = true } = props;
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <FieldLabel name={name} label={label} required={required} />
      <FieldMessages name={name} hint={hint} error={error} />
      <input id={name} name={name} type="file" accept={accept} required={required} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(name, hint, error)} />
    </div>
  );
}

/**
 * Enter in a text field submits its form through the form's first submit button. Where a
 * secondary button (one more row, a preview) comes before the form's own, this copy of the
 * form's own button, first in the form, out of sight, of the tab order and of assistive
 * technologies, makes Enter do what the form is for, with or without JavaScript.
 */
export function DefaultSubmit({ label, name, value }: { label: string; name?: string; value?: string }) {
  return (
    <button type="submit" name={name} value={value} class="visually-hidden" tabindex={-1} aria-hidden="true">
      {label}
    </button>
  );
}

/**
 * The list of errors at the top of a form, each a link to its field, in the order of `labels`
 * (the page's), so that going down the list goes down the form.
 */
export function ErrorSummary({ errors, labels }: { errors: FieldErrors; labels: Record<string, string> }) {
  const order = Object.keys(labels);
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  const entries = Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b));
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1}>
      <h2>{entries.length === 1 ? 'Le formulaire contient une erreur' : `Le formulaire contient ${entries.length} erreurs`}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li>{labels[field] ? <a href={`#${field}`}>{`${labels[field]} : ${message}`}</a> : message}</li>
        ))}
      </ul>
    </div>
  );
}

/** The account's status in words, as parents and staff both read it. */
export function StatusNotice({ status }: { status: { kind: 'info' | 'success' | 'warning'; title: string; detail: string | null } }) {
  return (
    <Notice kind={status.kind}>
      <p>
        <strong>{status.title}</strong>
      </p>
      {status.detail ? <p>{status.detail}</p> : null}
    </Notice>
  );
}

export function Notice({ kind = 'info', children }: { kind?: 'info' | 'success' | 'warning'; children?: Child }) {
  return (
    <div class={`notice notice--${kind}`} role={kind === 'info' ? undefined : 'status'}>
      {children}
    </div>
  );
}
