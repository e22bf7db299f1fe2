// Staff: Présences et pointage. The list of a product's day (printable as is), the counts against
// the places, a check-in by e-ticket code (a USB scanner types into the field and presses Enter)
// a presence or absence per child, « Tous présents » for the children ticked, and the way from one
// service day to the next.
import type { AttendanceRow } from '../../../db/queries/tickets/attendance.ts';
import type { ServiceDaysAround } from '../../../db/queries/tickets/service-days.ts';
import { ageOn, formatLongDate, type IsoDate } from '../../../domain/dates.ts';
import { absenceStatusWords } from '../../absences/index.ts';
import { Field, Notice, SelectField } from '../../forms/fields.tsx';
import type { AtTheDoor, Departure } from '../../../db/queries/child-file/index.ts';
import { Collectors, DepartureFields, departureText, HealthFlag, type DepartureForm } from './attendance-door.tsx';

export interface ProductChoice {
  id: number;
  name: string;
  commune: string;
}

export function AttendanceIndexPage({ products }: { products: ProductChoice[] }) {
  return (
    <>
      <h1>Présences et pointage</h1>
      {products.length === 0 ? (
        <p>Aucune activité dans vos communes.</p>
      ) : (
        <ul class="link-list">
          {products.map((product) => (
            <li>
              <a href={`/agent/presences/${product.id}`}>
                {product.name} – {product.commune}
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export interface AttendanceDayProps {
  product: { id: number; name: string; commune: string };
  day: IsoDate;
  /** Today in Paris: a presence is noted on its day only. */
  today: IsoDate;
  around: ServiceDaysAround;
  prestationId: number | null;
  capacity: { id: number; label: string; capacity: number | null; booked: string | number | null }[];
  rows: AttendanceRow[];
  message: string | null;
  code?: { value: string; error?: string | undefined } | undefined;
  refusal?: Refusal | undefined;
  /** The children ticked for « Tous présents » when the form comes back refused. */
  ticked?: number[] | undefined;
  /** What the door needs per child (collectors, going home alone, the health flag when the rule holds). */
  door: Map<number, AtTheDoor>;
  departures: Map<number, Departure>;
  /** Now in Paris, HH:MM: a departure's time to start from. */
  time: string;
  departure?: DepartureForm | undefined;
}

/** Why a pointage was refused, and the form « Pointer quand même » sends again when it only waits for a confirmation. */
export interface Refusal {
  message: string;
  confirm?: { action: 'pointage' | 'code' | 'tous-presents'; fields: [string, string][] };
}

const statusText = (row: AttendanceRow) =>
  row.status === 'present' ? `Présent${row.method === 'code' ? ' (billet)' : ''}` : row.status === 'absent' ? `Absent${row.reason ? ` : ${row.reason}` : ''}` : 'Non pointé';

/** Ticked for « Tous présents » unless already noted or announced ill by the family: those stay as they are. */
const tickedByDefault = (row: AttendanceRow) => row.status === null && !row.declaredAbsence;

function DayNavigation({ base, prestationId, day, around }: { base: string; prestationId: number | null; day: IsoDate; around: ServiceDaysAround }) {
  const link = (to: IsoDate) => `${base}?jour=${to}${prestationId ? `&prestation=${prestationId}` : ''}`;
  return (
    <nav aria-label="Jours de service" class="day-nav no-print">
      {!around.here ? <p>Pas de service le {formatLongDate(day)}.</p> : null}
      <ul class="link-list link-list--inline">
        {around.previous ? (
          <li>
            <a href={link(around.previous)} rel="prev">
              ← Service précédent : {formatLongDate(around.previous)}
            </a>
          </li>
        ) : null}
        {around.next ? (
          <li>
            <a href={link(around.next)} rel="next">
              Service suivant : {formatLongDate(around.next)} →
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

function RefusalNotice({ base, refusal }: { base: string; refusal: Refusal }) {
  return (
    <div class="notice notice--warning" role="alert">
      <p>{refusal.message}</p>
      {refusal.confirm ? (
        <form method="post" action={`${base}/${refusal.confirm.action}`} class="form-actions">
          {refusal.confirm.fields.map(([name, value]) => (
            <input type="hidden" name={name} value={value} />
          ))}
          <button class="button" type="submit">
            Pointer quand même
          </button>
          <a href={`${base}?${refusal.confirm.fields.filter(([name]) => name === 'jour' || name === 'prestation').map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&')}`}>Annuler</a>
        </form>
      ) : null}
    </div>
  );
}

export function AttendanceDayPage({ product, day, today, around, prestationId, capacity, rows, message, code, refusal, ticked, door, departures, time, departure }: AttendanceDayProps) {
  const base = `/agent/presences/${product.id}`;
  const query = `jour=${day}${prestationId ? `&prestation=${prestationId}` : ''}`;
  const present = rows.filter((row) => row.status === 'present').length;
  const absent = rows.filter((row) => row.status === 'absent').length;
  const isTicked = (row: AttendanceRow) => (ticked ? ticked.includes(row.reservationId) : tickedByDefault(row));
  return (
    <>
      <p class="no-print">
        <a href="/agent/presences">← Présences et pointage</a>
      </p>
      <h1>
        {product.name} – {product.commune}
      </h1>
      <p class="lead">
        {formatLongDate(day)}
        {day === today ? " (aujourd'hui)" : ''}
      </p>
      {message ? <Notice kind="success">{message}</Notice> : null}
      {refusal ? <RefusalNotice base={base} refusal={refusal} /> : null}
      <DayNavigation base={base} prestationId={prestationId} day={day} around={around} />
      {day > today ? <p class="muted">Ce jour n'est pas encore arrivé : les présences se notent le jour même (une absence annoncée peut déjà l'être).</p> : null}
      {day < today ? <p class="muted">Jour passé : chaque présence notée demande une confirmation.</p> : null}

      <form method="get" action={base} class="inline-fields no-print">
        <Field name="jour" label="Jour" type="date" value={day} required />
        <SelectField
          name="prestation"
          label="Prestation"
          value={prestationId ? String(prestationId) : ''}
          placeholder="Toutes"
          options={capacity.map((p) => ({ value: String(p.id), label: p.label }))}
        />
        <button class="button" type="submit">
          Afficher
        </button>
      </form>

      <h2>Effectifs</h2>
      <table>
        <caption class="visually-hidden">Places réservées par prestation</caption>
        <thead>
          <tr>
            <th scope="col">Prestation</th>
            <th scope="col">Réservés</th>
            <th scope="col">Places</th>
          </tr>
        </thead>
        <tbody>
          {capacity.map((p) => (
            <tr>
              <td>{p.label}</td>
              <td>{Number(p.booked ?? 0)}</td>
              <td>{p.capacity ?? 'pas de service'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {rows.length} enfant{rows.length > 1 ? 's' : ''} attendu{rows.length > 1 ? 's' : ''} ; {present} présent{present > 1 ? 's' : ''}, {absent} absent{absent > 1 ? 's' : ''}.
      </p>

      <section class="no-print" aria-labelledby="code-title">
        <h2 id="code-title">Pointer un billet</h2>
        <form method="post" action={`${base}/code`} novalidate class="inline-fields">
          <input type="hidden" name="jour" value={day} />
          {prestationId ? <input type="hidden" name="prestation" value={String(prestationId)} /> : null}
          <Field name="code" label="Code du e-billet" value={code?.value} error={code?.error} hint="Tapez le code ou scannez le QR code du billet." extra={{ autocomplete: 'off', inputmode: 'text', maxlength: '20' }} />
          <button class="button" type="submit">
            Pointer
          </button>
        </form>
      </section>

      <h2>Enfants attendus</h2>
      <p class="no-print">
        <a href={`${base}/impression?${query}`}>Liste d'appel à imprimer (arrivée, départ, signature)</a> · <a href={`${base}/export.csv?${query}`}>Exporter la liste (CSV)</a>
      </p>
      {rows.length === 0 ? (
        <p>Aucun enfant réservé ce jour-là.</p>
      ) : (
        <>
          <table class="attendance">
            <caption class="visually-hidden">Enfants attendus et leur pointage</caption>
            <thead>
              <tr>
                <th scope="col">Enfant</th>
                <th scope="col">Âge</th>
                <th scope="col">Prestation</th>
                <th scope="col">Qui peut venir le chercher</th>
                <th scope="col">Santé</th>
                <th scope="col">Pointage et départ</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr>
                  <th scope="row">
                    {row.lastName} {row.firstName}
                  </th>
                  <td>{ageOn(row.birthDate, day)} ans</td>
                  <td>{row.prestation}</td>
                  <td>
                    {/* Named as the other guardian is below, so that staff do not take the booker for someone else. */}
                    <a href={`/agent/familles/${row.familyId}`}>{[row.guardianFirstName, row.guardianLastName].filter(Boolean).join(' ') || row.email}</a> (responsable légal)
                    {row.phone ? (
                      <>
                        <br />
                        <a href={`tel:${row.phone.replace(/[^+\d]/g, '')}`}>{row.phone}</a>
                      </>
                    ) : null}
                    <Collectors door={door.get(row.childId)} shownGuardian={row.familyId} />
                  </td>
                  <td>
                    <HealthFlag door={door.get(row.childId)} reservationId={row.reservationId} />
                  </td>
                  <td>
                    <p>{statusText(row)}</p>
                    {row.declaredAbsence ? <p class="muted">Absence pour maladie déclarée par la famille ({absenceStatusWords[row.declaredAbsence].toLowerCase()})</p> : null}
                    {row.status === null ? (
                      <p class="no-print">
                        <input type="checkbox" id={`tous-${row.reservationId}`} name="enfant" value={String(row.reservationId)} form="tous-presents" checked={isTicked(row)} />{' '}
                        <label for={`tous-${row.reservationId}`}>
                          Compris dans « Tous présents »<span class="visually-hidden"> : {row.firstName} {row.lastName}</span>
                        </label>
                      </p>
                    ) : null}
                    {departures.has(row.reservationId) ? <p class="departure__done">{departureText(departures.get(row.reservationId)!)}</p> : null}
                    {day === today && row.status === 'present' && !departures.has(row.reservationId) ? (
                      <DepartureFields
                        base={base} day={day} prestationId={prestationId} reservationId={row.reservationId} child={`${row.firstName} ${row.lastName}`} door={door.get(row.childId)} time={time}
                        refused={departure?.reservationId === row.reservationId ? departure : undefined}
                      />
                    ) : null}
                    <form method="post" action={`${base}/pointage`} class="inline-form no-print" novalidate>
                      <input type="hidden" name="reservation" value={String(row.reservationId)} />
                      <input type="hidden" name="jour" value={day} />
                      {prestationId ? <input type="hidden" name="prestation" value={String(prestationId)} /> : null}
                      <label for={`motif-${row.reservationId}`} class="visually-hidden">
                        Motif d'absence de {row.firstName}
                      </label>
                      <input id={`motif-${row.reservationId}`} name="motif" maxlength={200} placeholder="Motif d'absence" value={row.reason ?? ''} />
                      <button class="button" type="submit" name="statut" value="present">
                        Présent
                      </button>
                      <button class="button button--secondary" type="submit" name="statut" value="absent">
                        Absent
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <form method="post" action={`${base}/tous-presents`} id="tous-presents" class="form-actions no-print" novalidate>
            <input type="hidden" name="jour" value={day} />
            {prestationId ? <input type="hidden" name="prestation" value={String(prestationId)} /> : null}
            <button class="button" type="submit">
              Tous présents
            </button>
            <p class="muted">Note présents en une fois les enfants cochés ; ceux décochés, déjà pointés ou notés absents restent tels quels.</p>
          </form>
        </>
      )}
    </>
  );
}
