// Staff: Présences et pointage. The list of a product's day (printable as is), the counts against
// the places, a check-in by e-ticket code (a USB scanner types into the field and presses Enter)
// and a presence or absence per child.
import type { AttendanceRow } from '../../../db/queries/tickets/attendance.ts';
import { ageOn, formatLongDate, type IsoDate } from '../../../domain/dates.ts';
import { absenceStatusWords } from '../../absences/index.ts';
import { Field, Notice, SelectField } from '../../forms/fields.tsx';

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
  prestationId: number | null;
  capacity: { id: number; label: string; capacity: number | null; booked: string | number | null }[];
  rows: AttendanceRow[];
  message: string | null;
  code?: { value: string; error?: string | undefined };
}

const statusText = (row: AttendanceRow) =>
  row.status === 'present' ? `Présent${row.method === 'code' ? ' (billet)' : ''}` : row.status === 'absent' ? `Absent${row.reason ? ` : ${row.reason}` : ''}` : 'Non pointé';

export function AttendanceDayPage({ product, day, prestationId, capacity, rows, message, code }: AttendanceDayProps) {
  const base = `/agent/presences/${product.id}`;
  const query = `jour=${day}${prestationId ? `&prestation=${prestationId}` : ''}`;
  const present = rows.filter((row) => row.status === 'present').length;
  const absent = rows.filter((row) => row.status === 'absent').length;
  return (
    <>
      <p class="no-print">
        <a href="/agent/presences">← Présences et pointage</a>
      </p>
      <h1>
        {product.name} – {product.commune}
      </h1>
      <p class="lead">{formatLongDate(day)}</p>
      {message ? <Notice kind="success">{message}</Notice> : null}

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
        <a href={`${base}/export.csv?${query}`}>Exporter la liste (CSV)</a> · Imprimez cette page pour la liste papier.
      </p>
      {rows.length === 0 ? (
        <p>Aucun enfant réservé ce jour-là.</p>
      ) : (
        <table class="attendance">
          <caption class="visually-hidden">Enfants attendus et leur pointage</caption>
          <thead>
            <tr>
              <th scope="col">Enfant</th>
              <th scope="col">Âge</th>
              <th scope="col">Prestation</th>
              <th scope="col">Responsable</th>
              <th scope="col">Notes</th>
              <th scope="col">Pointage</th>
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
                  <a href={`/agent/familles/${row.familyId}`}>{[row.guardianFirstName, row.guardianLastName].filter(Boolean).join(' ') || row.email}</a>
                  {row.phone ? (
                    <>
                      <br />
                      <a href={`tel:${row.phone.replace(/[^+\d]/g, '')}`}>{row.phone}</a>
                    </>
                  ) : null}
                </td>
                <td>{row.notes ?? ''}</td>
                <td>
                  <p>{statusText(row)}</p>
                  {row.declaredAbsence ? <p class="muted">Absence pour maladie déclarée par la famille ({absenceStatusWords[row.declaredAbsence].toLowerCase()})</p> : null}
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
      )}
    </>
  );
}
