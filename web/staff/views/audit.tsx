// Staff: the journal of staff actions (who, when, what, on whom or what, with which values),
// filtered by commune, kind of action, days and person; a row wraps rather than overflows.
import type { AuditRow } from '../../../db/queries/staff/audit.ts';
import type { FieldErrors, FormValues } from '../../forms/forms.ts';
import { Field, SelectField } from '../../forms/fields.tsx';
import { detailLines } from './audit-details.ts';
import { actionLabel, subjectLabel } from './audit-labels.ts';

/** The actions in words, by their prefix. */
export const ACTION_KINDS = [
  ['account', 'Validation des comptes'],
  ['document', 'Pièces justificatives'],
  ['subscription', 'Demandes de services'],
  ['offer', 'Pièces exigées par les services'],
  ['product', 'Catalogue'],
  ['request', 'Démarches en ligne'],
  ['request-form', 'Formulaires de démarches'],
  ['attendance', 'Pointage'],
  ['closure', 'Fermetures'],
  ['reservation', 'Réservations'],
  ['absence', 'Absences'],
  ['waitlist', 'Listes d’attente'],
  ['wallet', 'Porte-monnaie'],
  ['family', 'Familles'],
  ['erasure', 'Effacements'],
  ['staff', 'Agents'],
] as const;

const when = (instant: Date) =>
  new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(instant);

/** Whom or what the action concerned, by name; its number only when nothing names it. */
function subjectOf(row: AuditRow): string {
  const person = row.person && row.family && row.family !== row.person ? `${row.person} (famille ${row.family})` : row.person;
  const named = [person, row.thing].filter(Boolean).join(' — ');
  return named || subjectLabel(row.subject_type, row.subject_id);
}

export interface AuditPageProps {
  rows: AuditRow[];
  communes: { id: number; name: string }[];
  /** What the filter form sent, kept as typed. */
  values: FormValues;
  errors: FieldErrors;
}

export function AuditPage({ rows, communes, values, errors }: AuditPageProps) {
  return (
    <>
      <h1>Journal des actions</h1>
      <p>Chaque action des agents, telle qu'elle a été faite : le journal ne peut être ni modifié ni effacé.</p>
      <form method="get" action="/agent/journal" class="inline-fields">
        <SelectField name="commune" label="Commune" value={values.commune ?? ''} placeholder="Toutes vos communes" options={communes.map((c) => ({ value: String(c.id), label: c.name }))} />
        <SelectField name="action" label="Action" value={values.action ?? ''} placeholder="Toutes" options={ACTION_KINDS.map(([value, label]) => ({ value, label }))} />
        <Field name="du" label="Du" type="date" value={values.du} error={errors.du} />
        <Field name="au" label="Au" type="date" value={values.au} error={errors.au} />
        <Field name="personne" label="Agent, famille ou enfant" value={values.personne} hint="Nom ou e-mail, sans accents ni majuscules si vous voulez." extra={{ maxlength: '100' }} />
        <button class="button" type="submit">
          Filtrer
        </button>
      </form>
      {rows.length === 0 ? (
        <p>Aucune action pour ce filtre.</p>
      ) : (
        <table class="journal">
          <caption>{rows.length === 1 ? 'La dernière action' : `Les ${rows.length} dernières actions`}</caption>
          <thead>
            <tr>
              <th scope="col">Quand</th>
              <th scope="col">Qui</th>
              <th scope="col">Action</th>
              <th scope="col">Sur</th>
              <th scope="col">Commune</th>
              <th scope="col">Détails</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const details = detailLines(row.action, row.details);
              return (
                <tr>
                  <td data-label="Quand">{when(row.created_at)}</td>
                  <td data-label="Qui">{row.actor_email === null ? 'le système' : (row.actor_name ?? row.actor_email)}</td>
                  <td data-label="Action">{actionLabel(row.action)}</td>
                  <td data-label="Sur">{subjectOf(row)}</td>
                  <td data-label="Commune">{row.commune ?? '—'}</td>
                  <td data-label="Détails">
                    {details.length === 0 ? (
                      '—'
                    ) : (
                      <ul class="journal__details">
                        {details.map((line) => (
                          <li>{line}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
