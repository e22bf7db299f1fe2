// The authorisations of the child for each school year shown: one form a year, each kind answered
// yes or no, and the days the child may go home alone.
import type { Dependant } from '../../../db/database.ts';
import type { AuthorisationRow } from '../../../db/queries/child-file/authorisations.ts';
import { authorisationKinds, HOME_ALONE_MIN_AGE, weekdays } from '../../../domain/child-file.ts';
import type { FieldErrors, FormValues } from '../../forms/forms.ts';
import { ErrorSummary, Notice } from '../../forms/fields.tsx';
import { childName, filePath } from '../child.ts';
import { Choices } from './choices.tsx';

const yesNo = [
  { value: 'oui', label: 'Oui' },
  { value: 'non', label: 'Non' },
];
const dayOptions = weekdays.map((day) => ({ value: String(day.value), label: day.label }));

/** What a year's form shows: what was typed when it came back, else what was given. */
export interface YearForm {
  year: string;
  given: AuthorisationRow[];
  values: FormValues | null;
  days: string[] | null;
  errors: FieldErrors;
}

function YearAuthorisations({ child, form }: { child: Dependant; form: YearForm }) {
  const { year, given, errors } = form;
  const answer = (kind: string) => {
    if (form.values) return form.values[kind] ? [form.values[kind]] : [];
    const row = given.find((g) => g.kind === kind);
    return row ? [row.granted ? 'oui' : 'non'] : [];
  };
  const days = form.days ?? (given.find((g) => g.kind === 'home-alone')?.weekdays ?? []).map(String);
  // The summary links to each field by its id, which carries the year (two forms may be shown).
  const shown = Object.fromEntries(Object.entries(errors).map(([field, message]) => [`${field}-${year}`, message]));
  const labels = Object.fromEntries([...authorisationKinds.map((kind) => [`${kind.value}-${year}`, kind.label]), [`jours-${year}`, 'Jours'], [`annee-${year}`, 'Année scolaire']]);
  return (
    <form method="post" action={`${filePath(child)}/autorisations`} novalidate>
      <h2>Année scolaire {year}</h2>
      <ErrorSummary errors={shown} labels={labels} />
      <input type="hidden" name="annee" value={year} />
      {errors.annee ? <Notice kind="warning">{errors.annee}</Notice> : null}
      {authorisationKinds.map((kind) => (
        <>
          <Choices name={kind.value} idPrefix={`${kind.value}-${year}`} legend={kind.label} hint={kind.question} type="radio" options={yesNo} chosen={answer(kind.value)} error={errors[kind.value]} />
          {kind.value === 'home-alone' ? (
            <Choices
              name="jours"
              idPrefix={`jours-${year}`}
              legend="Jours où l'enfant peut rentrer seul"
              hint={`Si vous avez répondu oui. À partir de ${HOME_ALONE_MIN_AGE} ans au 1er septembre.`}
              type="checkbox"
              options={dayOptions}
              chosen={days}
              error={errors.jours}
            />
          ) : null}
        </>
      ))}
      <button class="button" type="submit">
        Enregistrer les autorisations {year}
      </button>
    </form>
  );
}

export function AuthorisationsPage({ child, forms, message }: { child: Dependant; forms: YearForm[]; message: string | null }) {
  return (
    <>
      <p>
        <a href={filePath(child)}>← Fiche de {childName(child)}</a>
      </p>
      <h1>Autorisations pour {childName(child)}</h1>
      {message ? <Notice kind="success">{message}</Notice> : null}
      <p>Chaque autorisation vaut pour une année scolaire. Elle garde la date à laquelle vous l'avez donnée et votre nom.</p>
      {forms.map((form) => (
        <YearAuthorisations child={child} form={form} />
      ))}
    </>
  );
}
