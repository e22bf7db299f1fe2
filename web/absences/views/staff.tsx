// Staff: « Absences à examiner »: the absences for illness of their communes' products waiting for
// a decision, the latest decided, and one absence with its days, its certificate and the decision
// form (accept: the days are credited to the wallet; refuse: with the reason the family reads).
import type { AbsenceView } from '../../../db/queries/absences/absence-lists.ts';
import { formatLongDate, formatShortDate, parisDate } from '../../../domain/dates.ts';
import { formatEuros } from '../../../domain/money.ts';
import type { FieldErrors, FormValues } from '../../forms/forms.ts';
import { absenceStatusWords } from './status.ts';
import { ErrorSummary, FieldError, Notice, TextArea } from '../../forms/fields.tsx';

function AbsenceRows({ absences }: { absences: AbsenceView[] }) {
  return (
    <tbody>
      {absences.map((absence) => (
        <tr>
          <td>
            <a href={`/agent/absences/${absence.id}`}>{absence.child}</a> ({absence.family})
          </td>
          <td>{absence.product}</td>
          <td>{absence.days.map((day) => formatShortDate(day.date)).join(', ')}</td>
          <td>{formatShortDate(parisDate(absence.declaredAt))}</td>
          <td>{absenceStatusWords[absence.status]}</td>
        </tr>
      ))}
    </tbody>
  );
}

function AbsenceTable({ caption, absences }: { caption: string; absences: AbsenceView[] }) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Enfant (famille)</th>
          <th scope="col">Prestation</th>
          <th scope="col">Jours</th>
          <th scope="col">Déclarée le</th>
          <th scope="col">État</th>
        </tr>
      </thead>
      <AbsenceRows absences={absences} />
    </table>
  );
}

export function AbsenceQueuePage({ waiting, recent }: { waiting: AbsenceView[]; recent: AbsenceView[] }) {
  return (
    <>
      <p>
        <a href="/agent">← Tableau de bord</a>
      </p>
      <h1>Absences à examiner</h1>
      {waiting.length === 0 ? <p>Aucune absence n’attend votre décision.</p> : <AbsenceTable caption="En attente de décision, les plus anciennes d’abord" absences={waiting} />}
      {recent.length > 0 ? <AbsenceTable caption="Dernières absences" absences={recent} /> : null}
    </>
  );
}

const labels = { decision: 'Décision', raison: 'Raison du refus' };

export function AbsenceDetailPage(props: { absence: AbsenceView; message: string | null; values?: FormValues | undefined; errors?: FieldErrors | undefined }) {
  const { absence, message, values = {}, errors = {} } = props;
  return (
    <>
      <p>
        <a href="/agent/absences">← Absences à examiner</a>
      </p>
      <h1>
        Absence de {absence.child} ({absence.family})
      </h1>
      {message ? <Notice kind="success">{message}</Notice> : null}
      {absence.status !== 'waiting-staff' && errors.decision ? <Notice kind="warning">{errors.decision}</Notice> : null}
      <p>
        {absence.product}, déclarée le {formatShortDate(parisDate(absence.declaredAt))} par <a href={`/agent/familles/${absence.familyId}`}>{absence.email}</a>. État :{' '}
        <strong>{absenceStatusWords[absence.status]}</strong>
      </p>
      {absence.refusalReason ? <p>Raison du refus : {absence.refusalReason}</p> : null}
      <ul>
        {absence.days.map((day) => (
          <li>
            {formatLongDate(day.date)}
            {day.creditedCents === null ? null : ` : ${formatEuros(day.creditedCents)} crédités`}
          </li>
        ))}
      </ul>
      {absence.status === 'accepted' ? <p>Total crédité sur le porte-monnaie de la famille : {formatEuros(absence.creditedCents)}</p> : null}
      <p>{absence.certificateId ? <a href={`/agent/absences/${absence.id}/certificat`}>Voir le certificat médical</a> : 'Pas encore de certificat médical.'}</p>
      {absence.status === 'waiting-staff' ? (
        <form method="post" action={`/agent/absences/${absence.id}/decision`} novalidate>
          <h2>Votre décision</h2>
          <ErrorSummary errors={errors} labels={labels} />
          <fieldset id="decision" aria-describedby={errors.decision ? 'decision-error' : undefined}>
            <legend>{labels.decision}</legend>
            <FieldError name="decision" error={errors.decision} />
            <div class="radio">
              <input type="radio" id="decision-accepter" name="decision" value="accepter" checked={values.decision === 'accepter'} />
              <label for="decision-accepter">Accepter : chaque jour est remboursé sur le porte-monnaie, les places à venir sont libérées</label>
            </div>
            <div class="radio">
              <input type="radio" id="decision-refuser" name="decision" value="refuser" checked={values.decision === 'refuser'} />
              <label for="decision-refuser">Refuser</label>
            </div>
          </fieldset>
          <TextArea name="raison" label={`${labels.raison} (si vous refusez)`} value={values.raison} error={errors.raison} rows={3} />
          <button class="button" type="submit">
            Enregistrer la décision
          </button>
        </form>
      ) : null}
    </>
  );
}
