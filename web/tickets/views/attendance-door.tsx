// Staff: what the day's list shows at the door for each child: who may collect the child, whether
// the child may go home alone that weekday, the health flag (only when the health rule holds: the
// list of today), and the departure, recorded or to record (« sortie »).
import type { AtTheDoor, Collector, Departure } from '../../../db/queries/child-file/index.ts';
import { formatParisTime } from '../../../domain/dates.ts';
import { FieldError } from '../../forms/fields.tsx';
import type { FieldErrors, FormValues } from '../../forms/forms.ts';

const tel = (phone: string) => `tel:${phone.replace(/[^+\d]/g, '')}`;
const nameOf = (person: { firstName: string | null; lastName: string | null; email?: string | null }) => [person.firstName, person.lastName].filter(Boolean).join(' ') || person.email || '';

/** A departure typed on the list and refused: the row's form open again with what was typed. */
export interface DepartureForm {
  reservationId: number;
  values: FormValues;
  errors: FieldErrors;
}

/** The persons (other than the account shown beside them) who may collect the child, and going home alone. */
export function Collectors({ door, shownGuardian, print = false }: { door: AtTheDoor | undefined; shownGuardian: number; print?: boolean }) {
  const others = (door?.collectors ?? []).filter((person) => !(person.kind === 'guardian' && person.id === shownGuardian));
  return (
    <>
      {others.length > 0 ? (
        <ul class="collectors">
          {others.map((person) => (
            <li>
              {nameOf(person)} ({person.relationship}){person.phone ? <> : {print ? person.phone : <a href={tel(person.phone)}>{person.phone}</a>}</> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {door?.homeAlone ? <p class="collectors__alone">Peut rentrer seul</p> : null}
    </>
  );
}

/** « Allergie / PAI / régime », linked to the fiche sanitaire (on screen): shown only when the caller's rule let the flag through. */
export function HealthFlag({ door, reservationId, print = false }: { door: AtTheDoor | undefined; reservationId: number; print?: boolean }) {
  if (!door?.healthFlag) return null;
  const label = 'Allergie / PAI / régime';
  return <p class="health-flag">{print ? <strong>{label}</strong> : <a href={`/agent/enfants/reservations/${reservationId}/sante`}>{label} : voir la fiche sanitaire</a>}</p>;
}

/** « Parti à 16 h 45 avec Mamie Pardon (grand-mère) ». */
export function departureText(departure: Departure): string {
  const at = formatParisTime(departure.leftAt);
  return departure.collectedBy === 'alone' ? `Parti à ${at} : rentre seul (autorisé par la famille)` : `Parti à ${at} avec ${nameOf(departure)} (${departure.relationship ?? ''})`;
}

const choiceValue = (person: Collector) => `${person.kind === 'guardian' ? 'responsable' : 'contact'}-${person.id}`;

/** The form recording a present child's departure, folded until staff open it (no script needed). */
export function DepartureFields(props: {
  base: string;
  day: string;
  prestationId: number | null;
  reservationId: number;
  child: string;
  door: AtTheDoor | undefined;
  /** The time the field shows first: now, HH:MM. */
  time: string;
  refused?: DepartureForm | undefined;
}) {
  const { base, day, prestationId, reservationId, child, door, time, refused } = props;
  const values = refused?.values ?? {};
  const errors = refused?.errors ?? {};
  const id = (name: string) => `${name}-${reservationId}`;
  const chosen = values.qui ?? '';
  const choices = [
    ...(door?.collectors ?? []).map((person) => ({ value: choiceValue(person), label: `${nameOf(person)} (${person.relationship})` })),
    ...(door?.homeAlone ? [{ value: 'seul', label: 'Rentre seul (autorisé par la famille ce jour-là)' }] : []),
    { value: 'autre', label: 'Une autre personne' },
  ];
  return (
    <details class="departure no-print" open={refused ? true : undefined}>
      <summary>
        Enregistrer le départ<span class="visually-hidden"> de {child}</span>
      </summary>
      <form method="post" action={`${base}/sortie`} novalidate>
        <input type="hidden" name="reservation" value={String(reservationId)} />
        <input type="hidden" name="jour" value={day} />
        {prestationId ? <input type="hidden" name="prestation" value={String(prestationId)} /> : null}
        <div class={errors.heure ? 'field field--error' : 'field'}>
          <label for={id('heure')}>Heure de départ</label>
          <FieldError name={id('heure')} error={errors.heure} />
          <input id={id('heure')} name="heure" type="time" value={values.heure ?? time} required aria-invalid={errors.heure ? 'true' : undefined} aria-describedby={errors.heure ? `${id('heure')}-error` : undefined} />
        </div>
        <fieldset class={errors.qui ? 'field field--error' : 'field'} aria-describedby={errors.qui ? `${id('qui')}-error` : undefined}>
          <legend>Qui vient chercher {child} ?</legend>
          <FieldError name={id('qui')} error={errors.qui} />
          {choices.map((choice, index) => (
            <div class="radio">
              <input type="radio" id={`${id('qui')}-${index}`} name="qui" value={choice.value} checked={chosen === choice.value} />
              <label for={`${id('qui')}-${index}`}>{choice.label}</label>
            </div>
          ))}
        </fieldset>
        <div class={errors.nom ? 'field field--error' : 'field'}>
          <label for={id('nom')}>Nom de l'autre personne (prénom et nom)</label>
          <FieldError name={id('nom')} error={errors.nom} />
          <input id={id('nom')} name="nom" value={values.nom ?? ''} maxlength={120} autocomplete="off" aria-invalid={errors.nom ? 'true' : undefined} aria-describedby={errors.nom ? `${id('nom')}-error` : undefined} />
        </div>
        <button class="button" type="submit">
          Enregistrer le départ
        </button>
      </form>
    </details>
  );
}
