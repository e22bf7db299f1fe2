// « Mes absences » in Mon compte: the family's absences for illness with their state, the
// declaration form (the child's booked days still declarable, the certificate now or later), and
// one absence with its days, what each gave back, and the certificate's form while it is awaited.
import type { AbsenceView } from '../../../db/queries/absences/absence-lists.ts';
import type { DeclarableDays } from '../../../db/queries/absences/absences.ts';
import { formatLongDate, formatParisWeekdayHour, formatShortDate, parisDate } from '../../../domain/dates.ts';
import { formatEuros } from '../../../domain/money.ts';
import type { FieldErrors } from '../../forms/forms.ts';
import { ErrorSummary, FieldError, FileField, Notice } from '../../forms/fields.tsx';
import { absenceStatusWords } from './status.ts';

const ACCEPT = 'application/pdf,image/jpeg,image/png';

export function MyAbsencesPage({ absences, message }: { absences: AbsenceView[]; message: string | null }) {
  return (
    <>
      <p>
        <a href="/mon-compte">← Mon compte</a>
      </p>
      <h1>Mes absences</h1>
      {message ? <Notice kind="success">{message}</Notice> : null}
      <p>
        Un enfant malade un jour réservé ? Déclarez l’absence depuis <a href="/mon-compte/reservations">Mes réservations</a> et joignez le certificat médical : la mairie
        rembourse ces jours sur votre porte-monnaie.
      </p>
      {absences.length === 0 ? (
        <p>Aucune absence déclarée.</p>
      ) : (
        <table class="stack">
          <caption class="visually-hidden">Mes absences déclarées</caption>
          <thead>
            <tr>
              <th scope="col">Enfant</th>
              <th scope="col">Prestation</th>
              <th scope="col">Jours</th>
              <th scope="col">État</th>
            </tr>
          </thead>
          <tbody>
            {absences.map((absence) => (
              <tr>
                <td data-label="Enfant">
                  <a href={`/mon-compte/absences/${absence.id}`}>{absence.child}</a>
                </td>
                <td data-label="Prestation">{absence.product}</td>
                <td data-label="Jours">{absence.days.map((day) => formatShortDate(day.date)).join(', ')}</td>
                <td data-label="État">{absenceStatusWords[absence.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

const declareLabels = { jour: 'Jours d’absence', certificat: 'Certificat médical' };

export function DeclareAbsencePage(props: { reservationId: number; declarable: DeclarableDays; chosen: number[]; errors?: FieldErrors | undefined }) {
  const { reservationId, declarable, chosen, errors = {} } = props;
  return (
    <>
      <p>
        <a href="/mon-compte/reservations">← Mes réservations</a>
      </p>
      <h1>Déclarer une absence pour maladie</h1>
      <p>
        {declarable.child}, {declarable.product}. Le certificat médical peut suivre : vous aurez {declarable.certificateDays} jours pour le déposer. Sans lui, l’absence reste
        non justifiée et n’est pas remboursée.
      </p>
      <form method="post" action={`/mon-compte/reservations/${reservationId}/absence`} enctype="multipart/form-data" novalidate>
        <ErrorSummary errors={errors} labels={declareLabels} />
        <fieldset id="jour" aria-describedby={errors.jour ? 'jour-error' : undefined}>
          <legend>{declareLabels.jour}</legend>
          <FieldError name="jour" error={errors.jour} />
          {declarable.days.map((day) => (
            <div class="checkbox">
              <input type="checkbox" id={`jour-${day.reservationId}`} name="jour" value={String(day.reservationId)} checked={chosen.includes(day.reservationId)} />
              <label for={`jour-${day.reservationId}`}>{formatLongDate(day.date)}</label>
            </div>
          ))}
        </fieldset>
        <FileField name="certificat" label={`${declareLabels.certificat} (maintenant ou plus tard)`} required={false} hint="PDF, JPEG ou PNG, 10 Mo au plus." error={errors.certificat} accept={ACCEPT} />
        <button class="button" type="submit">
          Déclarer l’absence
        </button>
      </form>
    </>
  );
}

export function MyAbsencePage(props: { absence: AbsenceView; now: Date; message: string | null; errors?: FieldErrors | undefined }) {
  const { absence, now, message, errors = {} } = props;
  const awaited = absence.status === 'waiting-certificate' && absence.certificateDueAt.getTime() > now.getTime();
  return (
    <>
      <p>
        <a href="/mon-compte/absences">← Mes absences</a>
      </p>
      <h1>Absence de {absence.child}</h1>
      {message ? <Notice kind="success">{message}</Notice> : null}
      {errors.etat ? <Notice kind="warning">{errors.etat}</Notice> : null}
      <p>
        {absence.product}, déclarée le {formatShortDate(parisDate(absence.declaredAt))}. État : <strong>{absenceStatusWords[absence.status]}</strong>
      </p>
      {absence.status === 'refused' && absence.refusalReason ? <p>Raison donnée par la mairie : {absence.refusalReason}</p> : null}
      <table>
        <caption>Jours déclarés</caption>
        <thead>
          <tr>
            <th scope="col">Jour</th>
            <th scope="col">Remboursé</th>
          </tr>
        </thead>
        <tbody>
          {absence.days.map((day) => (
            <tr>
              <td>{formatLongDate(day.date)}</td>
              <td>{day.creditedCents === null ? '–' : formatEuros(day.creditedCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {absence.status === 'accepted' ? <p>Total crédité sur votre porte-monnaie : {formatEuros(absence.creditedCents)}</p> : null}
      {absence.certificateId ? (
        <p>
          Certificat médical : <a href={`/mon-compte/documents/${absence.certificateId}`}>voir le fichier déposé</a>
        </p>
      ) : null}
      {awaited ? (
        <>
          <h2>Déposer le certificat médical</h2>
          <p>À déposer avant le {formatParisWeekdayHour(absence.certificateDueAt)}.</p>
          <form method="post" action={`/mon-compte/absences/${absence.id}/certificat`} enctype="multipart/form-data" novalidate>
            <ErrorSummary errors={errors} labels={{ certificat: 'Certificat médical' }} />
            <FileField name="certificat" label="Certificat médical" hint="PDF, JPEG ou PNG, 10 Mo au plus." error={errors.certificat} accept={ACCEPT} />
            <button class="button" type="submit">
              Envoyer le certificat
            </button>
          </form>
        </>
      ) : null}
    </>
  );
}
