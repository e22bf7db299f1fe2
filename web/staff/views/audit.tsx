// Staff: the journal of staff actions (who, when, what, on what, with what values), filtered by
// commune and kind of action.
import type { AuditRow } from '../../../db/queries/staff/audit.ts';
import { SelectField } from '../../forms/fields.tsx';
import { actionLabel, subjectLabel } from './audit-labels.ts';

/** The actions in words, by their prefix. */
export const ACTION_KINDS = [
  ['account', 'Validation des comptes'],
  ['subscription', 'Demandes de services'],
  ['product', 'Catalogue'],
  ['request', 'Démarches en ligne'],
  ['request-form', 'Formulaires de démarches'],
  ['attendance', 'Pointage'],
  ['closure', 'Fermetures'],
  ['reservation', 'Réservations'],
  ['wallet', 'Porte-monnaie'],
  ['family', 'Familles'],
  ['staff', 'Agents'],
] as const;

const when = (instant: Date) =>
  new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(instant);

export function AuditPage(props: { rows: AuditRow[]; communes: { id: number; name: string }[]; communeId: number | null; action: string | null }) {
  const { rows, communes, communeId, action } = props;
  return (
    <>
      <h1>Journal des actions</h1>
      <p>Chaque action des agents, telle qu'elle a été faite : le journal ne peut être ni modifié ni effacé.</p>
      <form method="get" action="/agent/journal" class="inline-fields">
        <SelectField name="commune" label="Commune" value={communeId ? String(communeId) : ''} placeholder="Toutes vos communes" options={communes.map((c) => ({ value: String(c.id), label: c.name }))} />
        <SelectField name="action" label="Action" value={action ?? ''} placeholder="Toutes" options={ACTION_KINDS.map(([value, label]) => ({ value, label }))} />
        <button class="button" type="submit">
          Filtrer
        </button>
      </form>
      {rows.length === 0 ? (
        <p>Aucune action pour ce filtre.</p>
      ) : (
        <table>
          <caption>Les {rows.length} dernières actions</caption>
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
            {rows.map((row) => (
              <tr>
                <td>{when(row.created_at)}</td>
                <td>{row.actor ?? 'le système'}</td>
                <td>{actionLabel(row.action)}</td>
                <td>{subjectLabel(row.subject_type, row.subject_id)}</td>
                <td>{row.commune ?? '—'}</td>
                <td>
                  <code>{JSON.stringify(row.details)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
