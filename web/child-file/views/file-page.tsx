// The child's file as the family reads it: the fiche sanitaire, the persons to call or who may
// collect the child, the authorisations of each school year shown, and the last changes with
// who made each (a second guardian sees the other's).
import type { Dependant } from '../../../db/database.ts';
import type { AuthorisationRow } from '../../../db/queries/child-file/authorisations.ts';
import type { ChangeRow } from '../../../db/queries/child-file/changes.ts';
import type { ContactRow } from '../../../db/queries/child-file/contacts.ts';
import type { HealthRecord } from '../../../db/queries/child-file/health.ts';
import { authorisationKinds, dietLabel, dtpOverdue, formatChangeMoment, weekdayNames } from '../../../domain/child-file.ts';
import { formatShortDate, parisDate, type IsoDate } from '../../../domain/dates.ts';
import { Notice } from '../../forms/fields.tsx';
import { childFileLinks, childName, filePath } from '../child.ts';
import { personName } from './names.ts';

export interface ChildFileProps {
  child: Dependant;
  health: HealthRecord | undefined;
  contacts: ContactRow[];
  years: { year: string; given: AuthorisationRow[] }[];
  changes: ChangeRow[];
  today: IsoDate;
  message: string | null;
}

const orNone = (value: string | null) => value ?? 'Non renseigné';

function HealthSummary({ health, today }: { health: HealthRecord; today: IsoDate }) {
  return (
    <>
      <dl>
        <dt>Allergies</dt>
        <dd>{health.allergies ?? 'Aucune signalée'}</dd>
        <dt>Régimes alimentaires</dt>
        <dd>{health.diets.length > 0 ? health.diets.map(dietLabel).join(', ') : 'Aucun'}</dd>
        <dt>PAI (projet d'accueil individualisé)</dt>
        <dd>
          {health.has_pai ? 'Oui' : 'Non'}
          {health.has_pai && health.pai_document_id ? (
            <>
              {' : '}
              <a href={childFileLinks(health.dependant_id).pai}>voir le document</a>
            </>
          ) : null}
        </dd>
        <dt>Traitements</dt>
        <dd>{health.treatments ?? 'Aucun'}</dd>
        <dt>Dernier rappel DTP</dt>
        <dd>{health.dtp_last_on ? formatShortDate(health.dtp_last_on) : 'Non renseigné'}</dd>
        <dt>Autres vaccinations</dt>
        <dd>{orNone(health.vaccinations)}</dd>
        <dt>Médecin traitant</dt>
        <dd>{[health.doctor_name, health.doctor_phone].filter(Boolean).join(', ') || 'Non renseigné'}</dd>
        <dt>Assurance maladie</dt>
        <dd>{[health.insurance_name, health.insurance_number ? `n° ${health.insurance_number}` : null].filter(Boolean).join(', ') || 'Non renseignée'}</dd>
        <dt>Autres informations</dt>
        <dd>{health.notes ?? 'Aucune'}</dd>
      </dl>
      {dtpOverdue(health.dtp_last_on, today) ? <Notice kind="warning">Le dernier rappel DTP date de plus de 10 ans : faites-le refaire et mettez la fiche à jour.</Notice> : null}
      <p class="muted">Version {health.version}, enregistrée le {formatShortDate(parisDate(health.recorded_at))}.</p>
    </>
  );
}

export function ChildFilePage({ child, health, contacts, years, changes, today, message }: ChildFileProps) {
  const path = filePath(child);
  return (
    <>
      <p>
        <a href="/mon-compte/filiations">← Mes filiations</a>
      </p>
      <h1>Fiche de {childName(child)}</h1>
      {message ? <Notice kind="success">{message}</Notice> : null}
      <p>Les équipes des accueils où {child.first_name} est inscrit(e) consultent ces informations les jours de sa présence.</p>

      <h2>Fiche sanitaire</h2>
      {health ? <HealthSummary health={health} today={today} /> : <p>La fiche sanitaire n'est pas encore remplie.</p>}
      <p>
        <a class="button" href={`${path}/sante`}>
          {health ? 'Modifier la fiche sanitaire' : 'Remplir la fiche sanitaire'}
        </a>
      </p>

      <h2>Personnes à prévenir et autorisées à venir chercher l'enfant</h2>
      {contacts.length === 0 ? (
        <p>Aucune personne n'est indiquée.</p>
      ) : (
        <ul>
          {contacts.map((contact) => (
            <li>
              {contact.first_name} {contact.last_name} ({contact.relationship}), {contact.phone} :{' '}
              {[contact.is_emergency ? 'à prévenir en cas d’urgence' : null, contact.may_collect ? 'autorisé(e) à venir chercher l’enfant' : null].filter(Boolean).join(', ')}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a class="button" href={`${path}/contacts`}>
          Gérer les personnes
        </a>
      </p>

      <h2>Autorisations</h2>
      {years.map(({ year, given }) => (
        <>
          <h3>Année scolaire {year}</h3>
          <table class="stack">
            <caption class="visually-hidden">Autorisations pour {year}</caption>
            <thead>
              <tr>
                <th scope="col">Autorisation</th>
                <th scope="col">Réponse</th>
                <th scope="col">Donnée</th>
              </tr>
            </thead>
            <tbody>
              {authorisationKinds.map((kind) => {
                const row = given.find((g) => g.kind === kind.value);
                return (
                  <tr>
                    <th scope="row">{kind.label}</th>
                    <td data-label="Réponse">
                      {!row ? 'Pas encore donnée' : row.granted ? `Oui${row.weekdays && row.weekdays.length > 0 ? ` (${weekdayNames(row.weekdays)})` : ''}` : 'Non'}
                    </td>
                    <td data-label="Donnée">
                      {row ? `${formatChangeMoment(row.given_at, today)} par ${personName({ first_name: row.given_by_first_name, last_name: row.given_by_last_name, email: row.given_by_email })}` : '—'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      ))}
      <p>
        <a class="button" href={`${path}/autorisations`}>
          Donner les autorisations
        </a>
      </p>

      <h2>Dernières modifications</h2>
      {changes.length === 0 ? (
        <p>Aucune modification pour le moment.</p>
      ) : (
        <ul>
          {changes.map((change) => (
            <li>
              {/* Summaries are sentences of their own (some end with a full stop): who and when follow a dash. */}
              {change.summary.replace(/\.$/, '')} — {personName(change)}, {formatChangeMoment(change.changed_at, today)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
