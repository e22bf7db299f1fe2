// « Garde partagée » of one child: its guardians, the invitation of the other parent (sent,
// pending, cancelled) and, once shared, the way to the billing rules.
import type { Dependant } from '../../../db/database.ts';
import { formatLongDate, parisDate } from '../../../domain/dates.ts';
import type { ChildGuardian } from '../../../db/queries/guardians/index.ts';
import { guardianName } from '../../../db/queries/guardians/index.ts';
import type { FieldErrors, FormValues } from '../../forms/forms.ts';
import { ErrorSummary, Field, Notice } from '../../forms/fields.tsx';

export interface SharingPageProps {
  child: Dependant;
  guardians: ChildGuardian[];
  selfId: number;
  pending: { email: string; expires_at: Date } | undefined;
  /** Rules the other parent proposed that wait for this one's answer: nothing else tells them. */
  awaitingAnswer?: number;
  message?: string | null;
  values?: FormValues;
  errors?: FieldErrors;
}

export function SharingPage({ child, guardians, selfId, pending, awaitingAnswer = 0, message, values = {}, errors = {} }: SharingPageProps) {
  const other = guardians.find((g) => g.id !== selfId);
  return (
    <>
      <p>
        <a href="/mon-compte/filiations">← Mes filiations</a>
      </p>
      <h1>
        Garde partagée de {child.first_name} {child.last_name}
      </h1>
      {message ? <Notice kind="success">{message}</Notice> : null}
      <h2>Responsables</h2>
      <ul>
        {guardians.map((g) => (
          <li>
            {g.id === selfId ? 'Vous' : guardianName(g)}
          </li>
        ))}
      </ul>
      {other ? (
        <>
          <p>
            {guardianName(other)} voit le dossier de {child.first_name} et ses réservations, réserve et paie ses propres jours avec son compte. Chacun paie ce qu’il réserve, sauf règle acceptée par
            vous deux.
          </p>
          {awaitingAnswer > 0 ? (
            <Notice kind="info">
              {awaitingAnswer === 1 ? 'Une règle de paiement proposée par l’autre parent attend votre réponse.' : `${awaitingAnswer} règles de paiement proposées par l’autre parent attendent votre réponse.`}
            </Notice>
          ) : null}
          <p>
            <a class="button" href={`/mon-compte/garde-partagee/${child.id}/regles`}>
              Règles de paiement et fin du partage
            </a>
          </p>
        </>
      ) : (
        <>
          <h2>Inviter l’autre parent</h2>
          {pending ? (
            <Notice kind="info">
              <p>
                Une invitation attend la réponse de {pending.email} jusqu’au {formatLongDate(parisDate(pending.expires_at))}.
              </p>
              <form method="post" action={`/mon-compte/garde-partagee/${child.id}/invitation/annuler`} class="inline-form">
                <button type="submit" class="button button--secondary">
                  Annuler l’invitation
                </button>
              </form>
            </Notice>
          ) : null}
          <p>
            L’autre parent reçoit un lien par e-mail, valable 7 jours. Il l’accepte depuis son propre compte : il voit alors le dossier de {child.first_name} et ses réservations, et réserve et
            paie ses propres jours. {pending ? 'Une nouvelle invitation remplace celle qui attend.' : ''}
          </p>
          <form method="post" action={`/mon-compte/garde-partagee/${child.id}/invitation`} novalidate>
            <ErrorSummary errors={errors} labels={{ email: 'Adresse e-mail de l’autre parent' }} />
            <Field name="email" type="email" autocomplete="off" label="Adresse e-mail de l’autre parent" required value={values.email} error={errors.email} />
            <button class="button" type="submit">
              Inviter l’autre parent
            </button>
          </form>
        </>
      )}
    </>
  );
}
