// Staff: the family search and a family's page (account, dependants, documents, services).
import type { Address, Dependant } from '../../../db/database.ts';
import type { Collector } from '../../../db/queries/child-file/index.ts';
import { guardianName, type ChildGuardian } from '../../../db/queries/guardians/index.ts';
import { formatShortDate, type IsoDate } from '../../../domain/dates.ts';
import { formatEuros } from '../../../domain/money.ts';
import { relationshipLabel } from '../../../domain/family.ts';
import type { AccountStatusText } from '../../accounts/index.ts';
import { Field, Notice, StatusNotice } from '../../forms/fields.tsx';
import type { DocumentRow } from '../../documents/index.ts';
import { DocumentReviewTable, type ReviewForm } from '../../documents/index.ts';
import { subscriptionStatusText, type SubscriptionRow } from '../../services/index.ts';

export interface FamilyResult {
  id: number;
  email: string;
  first_name: string | null;
  last_name: string | null;
  commune: string | null;
}

export function FamilySearchPage({ query, results }: { query: string; results: FamilyResult[] }) {
  return (
    <>
      <h1>Familles</h1>
      <form method="get" action="/agent/familles" role="search" class="search-form">
        <label for="q">Nom, e-mail ou nom d'un enfant</label>
        <input id="q" name="q" type="search" value={query} maxlength={100} />
        <button class="button" type="submit">
          Rechercher
        </button>
      </form>
      {results.length === 0 ? (
        <p>Aucune famille ne correspond{query ? ` à « ${query} »` : ''} dans vos communes.</p>
      ) : (
        <table>
          <caption class="visually-hidden">Familles trouvées</caption>
          <thead>
            <tr>
              <th scope="col">Famille</th>
              <th scope="col">E-mail</th>
              <th scope="col">Commune</th>
            </tr>
          </thead>
          <tbody>
            {results.map((family) => (
              <tr>
                <td>
                  <a href={`/agent/familles/${family.id}`}>{[family.first_name, family.last_name].filter(Boolean).join(' ') || family.email}</a>
                </td>
                <td>{family.email}</td>
                <td>{family.commune ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export interface FamilyPageProps {
  family: { id: number; name: string; email: string; phone: string | null; commune: string | null; quotientFamilial: number | null };
  qfError?: string | undefined;
  qfValue?: string | undefined;
  message?: string | null;
  walletCents: number;
  /** The latest check-ins, newest first. */
  attendance: { day: string; firstName: string; product: string; status: 'present' | 'absent'; reason: string | null }[];
  adjustment?: { values: Record<string, string>; errors: Record<string, string> };
  /** The adjustment form's one-time token. */
  adjustmentToken: string;
  /** The family's processes in the Temporal UI, found by its account's number. */
  processesUrl: string;
  /** The document decision that was sent and refused, shown again with its errors. */
  review?: ReviewForm | undefined;
  today: IsoDate;
  status: AccountStatusText;
  dependants: Dependant[];
  /** Per child, the persons who may collect them (the guardians and the contacts the family allowed). */
  collectors: Map<number, Collector[]>;
  /** Each child's guardians (two in shared custody), named with their phone. */
  guardians?: Map<number, ChildGuardian[]>;
  documents: DocumentRow[];
  subscriptions: SubscriptionRow[];
  addresses: Address[];
}

/** The contacts the family allowed to collect a child, with their phone. */
function MayCollect({ people }: { people: Collector[] }) {
  if (people.length === 0) return null;
  return (
    <p class="collectors">
      Peuvent aussi venir chercher l'enfant : {people.map((person) => `${[person.firstName, person.lastName].filter(Boolean).join(' ')} (${person.relationship}${person.phone ? `, ${person.phone}` : ''})`).join(' ; ')}
    </p>
  );
}

export function FamilyPage({ family, status, dependants, collectors, guardians, documents, subscriptions, addresses, qfError, qfValue, message, walletCents, adjustment, adjustmentToken, processesUrl, attendance, review, today }: FamilyPageProps) {
  return (
    <>
      <p>
        <a href="/agent/familles">← Familles</a>
      </p>
      <h1>Famille {family.name}</h1>
      {message ? <Notice kind="success">{message}</Notice> : null}
      <StatusNotice status={status} />
      <dl class="details">
        <dt>E-mail</dt>
        <dd>{family.email}</dd>
        <dt>Téléphone</dt>
        <dd>{family.phone ?? '—'}</dd>
        <dt>Commune de résidence</dt>
        <dd>{family.commune ?? '—'}</dd>
        <dt>Adresse</dt>
        <dd>{addresses[0] ? `${addresses[0].line1}, ${addresses[0].postal_code} ${addresses[0].city}` : '—'}</dd>
        <dt>Compte</dt>
        <dd>
          n° {family.id} – <a href={processesUrl}>ses processus dans Temporal</a>
        </dd>
      </dl>
      <h2>Personnes</h2>
      {dependants.length === 0 ? (
        <p>Aucune personne déclarée.</p>
      ) : (
        <ul>
          {dependants.map((d) => (
            <li>
              {d.first_name} {d.last_name}, né(e) le {formatShortDate(d.birth_date)} ({relationshipLabel(d.relationship)})
              <MayCollect people={(collectors.get(d.id) ?? []).filter((person) => person.kind === 'contact')} />
              {d.co_guardian_id !== null ? (
                <p class="muted">
                  Garde partagée – responsables :{' '}
                  {(guardians?.get(d.id) ?? []).map((g, index) => (
                    <>
                      {index > 0 ? ' et ' : ''}
                      <a href={`/agent/familles/${g.id}`}>{guardianName(g)}</a>
                      {g.phone ? ` (${g.phone})` : ''}
                    </>
                  ))}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <h2>Pièces justificatives</h2>
      <DocumentReviewTable documents={documents} today={today} sent={review} />
      <h2>Quotient familial</h2>
      <form method="post" action={`/agent/familles/${family.id}/quotient`} novalidate class="inline-fields">
        <Field
          name="quotient_familial"
          label="Quotient familial (attestation CAF)"
          value={qfValue ?? (family.quotientFamilial === null ? '' : String(family.quotientFamilial))}
          error={qfError}
          hint="Laissez vide si aucune attestation : le tarif le plus haut s'applique."
          extra={{ inputmode: 'numeric' }}
        />
        <button class="button" type="submit">
          Enregistrer
        </button>
      </form>
      <h2>Porte-monnaie</h2>
      <p>Solde : {formatEuros(walletCents)}</p>
      <form method="post" action={`/agent/familles/${family.id}/porte-monnaie`} novalidate>
        <input type="hidden" name="jeton" value={adjustmentToken} />
        <Field name="montant" label="Ajustement (€)" required value={adjustment?.values.montant} error={adjustment?.errors.montant} hint="Positif pour créditer, négatif pour débiter : 5,00 ou -2,50." />
        <Field name="motif" label="Motif" required value={adjustment?.values.motif} error={adjustment?.errors.motif} hint="Il apparaîtra dans l'historique de la famille." />
        <button class="button" type="submit">
          Enregistrer l'ajustement
        </button>
      </form>
      <h2>Présences</h2>
      {attendance.length === 0 ? (
        <p>Aucun pointage pour le moment.</p>
      ) : (
        <ul>
          {attendance.map((a) => (
            <li>
              {formatShortDate(a.day)} – {a.firstName}, {a.product} : {a.status === 'present' ? 'présent' : `absent${a.reason ? ` (${a.reason})` : ''}`}
            </li>
          ))}
        </ul>
      )}
      <h2>Services</h2>
      {subscriptions.length === 0 ? (
        <p>Aucun service demandé.</p>
      ) : (
        <ul>
          {subscriptions.map((s) => (
            <li>
              {s.offer} ({s.commune}) : {subscriptionStatusText(s.status, s.status_reason)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
