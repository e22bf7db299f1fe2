// Staff: the fiche sanitaire of a child booked today, as the family keeps it (its latest version),
// and the persons to call in an emergency. Nothing here is copied to the list, the exports or mails.
import type { HealthView } from '../../../db/queries/child-file/staff-health.ts';
import { dietLabel } from '../../../domain/child-file.ts';
import { ageOn, formatLongDate, formatShortDate, parisDate, type IsoDate } from '../../../domain/dates.ts';

const tel = (phone: string) => `tel:${phone.replace(/[^+\d]/g, '')}`;

function Entry({ term, value }: { term: string; value: string | null | undefined }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{value || 'Non renseigné'}</dd>
    </>
  );
}

export function StaffHealthPage({ view, today }: { view: HealthView; today: IsoDate }) {
  const { reservation, record, emergency } = view;
  const child = `${reservation.firstName} ${reservation.lastName}`;
  return (
    <>
      <p>
        <a href={`/agent/presences/${reservation.productId}?jour=${today}`}>← Présences du jour</a>
      </p>
      <h1>Fiche sanitaire de {child}</h1>
      <p class="lead">
        {reservation.product} – {reservation.commune}, {formatLongDate(reservation.day)} (aujourd'hui) · {ageOn(reservation.birthDate, today)} ans
      </p>
      <p class="notice">
        Données de santé : visibles seulement le jour où l'enfant est attendu, chaque consultation est inscrite au journal. Ne les recopiez pas.
      </p>

      <h2>Allergies, régimes et PAI</h2>
      {record ? (
        <>
          <dl class="answers">
            <Entry term="Allergies" value={record.allergies} />
            <Entry term="Régimes alimentaires" value={record.diets.map(dietLabel).join(', ')} />
            <Entry term="PAI (projet d'accueil individualisé)" value={record.has_pai ? 'Oui : suivre le protocole du PAI' : 'Non'} />
          </dl>
          {record.has_pai && record.pai_document_id !== null ? (
            <p>
              <a href={`/agent/enfants/reservations/${reservation.id}/pai`}>Ouvrir le document du PAI</a> (son ouverture est inscrite au journal)
            </p>
          ) : null}
          <h2>Traitements et vaccinations</h2>
          <dl class="answers">
            <Entry term="Traitements" value={record.treatments} />
            <Entry term="Dernier rappel DTP" value={record.dtp_last_on ? formatShortDate(record.dtp_last_on) : null} />
            <Entry term="Vaccinations" value={record.vaccinations} />
            <Entry term="Autres informations" value={record.notes} />
          </dl>
          <h2>Médecin et assurance</h2>
          <dl class="answers">
            <Entry term="Médecin traitant" value={record.doctor_name} />
            <dt>Téléphone du médecin</dt>
            <dd>{record.doctor_phone ? <a href={tel(record.doctor_phone)}>{record.doctor_phone}</a> : 'Non renseigné'}</dd>
            <Entry term="Assurance" value={[record.insurance_name, record.insurance_number].filter(Boolean).join(', n° ')} />
          </dl>
          <p class="muted">Fiche mise à jour par la famille le {formatShortDate(parisDate(record.recorded_at))} (version {record.version}).</p>
        </>
      ) : (
        <p>La famille n'a pas encore rempli la fiche sanitaire de cet enfant.</p>
      )}

      <h2>Personnes à prévenir en cas d'urgence</h2>
      {emergency.length === 0 ? (
        <p>Aucune personne à prévenir n'est indiquée : appelez le responsable légal.</p>
      ) : (
        <ul class="link-list">
          {emergency.map((person) => (
            <li>
              {person.firstName} {person.lastName} ({person.relationship}) : <a href={tel(person.phone)}>{person.phone}</a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
